package dev.ankiconnect.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Speaks to a deployment the way AnkiConnect clients do: a JSON body posted to the root URL.
 * {@link #call} returns the {@code result} of a version-6 request and fails the test on an error.
 */
public final class AnkiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    public AnkiClient(URL base) {
        try {
            this.base = base.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public URI uri() {
        return base;
    }

    /**
     * Posts a raw body and returns the whole response, after {@link ReplyGuard} found no internal text in it
     * (every IT reply passes there).
     */
    public HttpResponse<String> post(byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = send(b.build());
        ReplyGuard.check(new String(body, StandardCharsets.UTF_8), r.body());
        return r;
    }

    public HttpResponse<String> post(String body, String... headers) {
        return post(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> request(String method, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base)
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<String> r = send(b.build());
        ReplyGuard.check(body == null ? "" : body, r.body());
        return r;
    }

    /** The parsed JSON body of a request. */
    public JsonValue json(String body) {
        return parse(post(body).body());
    }

    /** Runs an action at version 6 and returns its result; an error fails with the error text. */
    public JsonValue call(String action, JsonObject params) {
        JsonObject request = Json.createObjectBuilder()
                .add("action", action)
                .add("version", 6)
                .add("params", params)
                .build();
        JsonObject reply = parse(post(request.toString()).body()).asJsonObject();
        if (!reply.isNull("error")) {
            throw new AssertionError(action + " failed: " + reply.getString("error"));
        }
        return reply.get("result");
    }

    public JsonValue call(String action) {
        return call(action, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Runs an action at version 6 and returns its error text (null when it succeeded). */
    public String error(String action, JsonObject params) {
        JsonObject request = Json.createObjectBuilder()
                .add("action", action)
                .add("version", 6)
                .add("params", params)
                .build();
        JsonObject reply = parse(post(request.toString()).body()).asJsonObject();
        return reply.isNull("error") ? null : reply.getString("error");
    }

    public static JsonValue parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
