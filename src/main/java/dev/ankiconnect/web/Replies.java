package dev.ankiconnect.web;

import dev.ankiconnect.api.PythonJsonWriter;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes replies with AnkiConnect's headers: always HTTP 200 and JSON, whatever the outcome. */
final class Replies {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";

    private Replies() {}

    static void json(HttpServletResponse response, String allowOrigin, JsonValue body) throws IOException {
        json(response, allowOrigin, body, HttpServletResponse.SC_OK);
    }

    static void json(HttpServletResponse response, String allowOrigin, JsonValue body, int status) throws IOException {
        byte[] bytes;
        try {
            bytes = PythonJsonWriter.write(body).getBytes(StandardCharsets.US_ASCII);
        } catch (RuntimeException e) {
            // A reply that cannot be written (nested past the writer's limit): still JSON, still AnkiConnect's shape.
            bytes = PythonJsonWriter.write(dev.ankiconnect.api.Reply.error(dev.ankiconnect.api.ApiErrors.message(e)))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader(ALLOW_ORIGIN, allowOrigin);
        response.setHeader(ALLOW_HEADERS, "*");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The refusal for an origin that is not allowed: 403, the CORS headers, no body. */
    static void forbidden(HttpServletResponse response, String allowOrigin) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader(ALLOW_ORIGIN, allowOrigin);
        response.setHeader(ALLOW_HEADERS, "*");
        response.setContentLength(0);
    }
}
