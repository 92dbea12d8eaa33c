package dev.ankiconnect.bench;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The container's ceiling for a JSON round trip: parse the body, write it back, nothing else. */
public class EchoServlet extends HttpServlet {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(request.getInputStream())) {
            value = reader.readValue();
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonWriter writer = JSON.createWriter(buffer)) {
            writer.write(value);
        }
        response.setContentType("application/json");
        response.setContentLength(buffer.size());
        buffer.writeTo(response.getOutputStream());
    }
}
