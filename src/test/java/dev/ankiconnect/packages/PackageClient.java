package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.support.AnkiClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The package actions as the ITs call them, on one deployment and its package directory. */
final class PackageClient {

    private final AnkiClient client;
    private final Path dir;

    PackageClient(AnkiClient client, Path dir) {
        this.client = client;
        this.dir = dir;
    }

    static JsonObject params(String... kv) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.add(kv[i], kv[i + 1]);
        }
        return b.build();
    }

    JsonValue importPackage(String path) {
        return client.call("importPackage", params("path", path));
    }

    /** Exports a deck, checks the action said true, and reads the written file back. */
    AnkiPackage export(String deck, String path, boolean sched) {
        JsonObject p = Json.createObjectBuilder()
                .add("deck", deck)
                .add("path", path)
                .add("includeSched", sched)
                .build();
        assertEquals(JsonValue.TRUE, client.call("exportPackage", p));
        return PackageFixtures.read(dir.resolve(path));
    }

    List<String> deckNames() {
        return strings(client.call("deckNames"));
    }

    List<String> mediaNames() {
        return strings(client.call("getMediaFilesNames", params("pattern", "*")));
    }

    private static List<String> strings(JsonValue array) {
        List<String> out = new ArrayList<>();
        array.asJsonArray().forEach(v -> out.add(((JsonString) v).getString()));
        return out;
    }
}
