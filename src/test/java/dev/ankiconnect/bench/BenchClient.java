package dev.ankiconnect.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Runs version-6 actions against a benchmark server and returns their results; an error stops the run. */
final class BenchClient {

    /** One provider: {@code Json.create...} would scan the class path on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;

    /** Bounds every call: a benchmark never hangs on a server that stopped answering. */
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofMinutes(5);

    BenchClient(int port) {
        this(URI.create("http://127.0.0.1:" + port + "/"));
    }

    BenchClient(URI uri) {
        this.uri = uri;
    }

    JsonValue call(String action, JsonObject params) throws Exception {
        return result(action, send(request(action, params)));
    }

    /** The request body of an action (client work: built before a timed call). */
    String request(String action, JsonObject params) {
        return JSON.createObjectBuilder()
                .add("action", action)
                .add("version", 6)
                .add("params", params)
                .build()
                .toString();
    }

    /** Sends a request body and returns the reply body once all of it has arrived: what a benchmark times. */
    String send(String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(TIMEOUT)
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
    }

    /** The result of a reply body (client work: parsed after a timed call); an error stops the run. */
    JsonValue result(String action, String reply) {
        JsonObject r;
        try (var reader = JSON.createReader(new StringReader(reply))) {
            r = reader.readObject();
        }
        if (!r.isNull("error")) {
            throw new IllegalStateException(action + ": " + r.getString("error"));
        }
        return r.get("result");
    }
}
