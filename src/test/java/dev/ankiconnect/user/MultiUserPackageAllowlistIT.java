package dev.ankiconnect.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The package isolation of {@link MultiUserIT} (which has no packagePathAllowlist) with an allowlist that names the
 * whole package directory, every user's folder in it: in multi-user mode the allowlist does not apply, so an
 * absolute path into another user's folder is still refused (issue 15.5).
 */
@ExtendWith(ArquillianExtension.class)
class MultiUserPackageAllowlistIT {

    static String alice;
    static String bob;
    static Path packages;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(Deployments.freshDatabase("multiuser-allowlist"));
        Users.prepare(config, store -> {
            store.createUser("alice");
            store.createUser("bob");
            store.createProfileRow("alice", "Alice Main");
            store.createProfileRow("bob", "Bob Main");
            alice = store.issueKey("alice", "test").key();
            bob = store.issueKey("bob", "test").key();
        });
        packages = Path.of(config.get("dataDir")).resolve("packages");
        config.put("users", "true");
        config.put("packagePathAllowlist", "[\"" + packages + "\", \"" + packages.getParent() + "\"]");
        return Deployments.war("multiuser-allowlist", config);
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private JsonObject reply(String key, String action, JsonObject params) {
        return AnkiClient.parse(client.post(Json.createObjectBuilder()
                                .add("action", action)
                                .add("version", 6)
                                .add("params", params)
                                .add("key", key)
                                .build()
                                .toString())
                        .body())
                .asJsonObject();
    }

    private static JsonObject params(String... kv) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.add(kv[i], kv[i + 1]);
        }
        return b.build();
    }

    private void refused(String key, String action, JsonObject params) {
        JsonObject r = reply(key, action, params);
        assertFalse(r.isNull("error"), action + " " + params + " should have been refused: " + r);
        assertTrue(r.getString("error").contains("outside the package directory"), r.getString("error"));
    }

    @Test
    void anAllowlist_opensNoUsersFolderToAnother() throws Exception {
        reply(alice, "createDeck", params("deck", "Alice Listed"));
        assertEquals(
                JsonValue.TRUE,
                reply(alice, "exportPackage", params("deck", "Alice Listed", "path", "a.apkg"))
                        .get("result"));
        List<Path> found;
        try (var files = Files.walk(packages)) {
            found = files.filter(f -> f.getFileName().toString().equals("a.apkg"))
                    .toList();
        }
        assertEquals(1, found.size(), found.toString());
        Path aliceFile = found.get(0);
        byte[] before = Files.readAllBytes(aliceFile);

        reply(bob, "createDeck", params("deck", "Bob Listed"));
        refused(bob, "importPackage", params("path", aliceFile.toString()));
        refused(
                bob,
                "importPackage",
                params("path", "../" + aliceFile.getParent().getFileName() + "/a.apkg"));
        refused(bob, "exportPackage", params("deck", "Bob Listed", "path", aliceFile.toString()));
        refused(
                bob,
                "exportPackage",
                params(
                        "deck",
                        "Bob Listed",
                        "path",
                        aliceFile.getParent().resolve("b.apkg").toString()));
        refused(
                bob,
                "exportPackage",
                params(
                        "deck",
                        "Bob Listed",
                        "path",
                        packages.resolve("top.apkg").toString()));
        refused(
                bob,
                "exportPackage",
                params(
                        "deck",
                        "Bob Listed",
                        "path",
                        packages.getParent().resolve("data.apkg").toString()));
        assertArrayEquals(before, Files.readAllBytes(aliceFile));
        assertFalse(Files.exists(aliceFile.getParent().resolve("b.apkg")));
        assertFalse(Files.exists(packages.resolve("top.apkg")));
        assertFalse(reply(bob, "deckNames", JsonValue.EMPTY_JSON_OBJECT)
                .get("result")
                .toString()
                .contains("Alice Listed"));
        // each still works in their own folder
        assertEquals(
                JsonValue.TRUE,
                reply(bob, "exportPackage", params("deck", "Bob Listed", "path", "a.apkg"))
                        .get("result"));
        assertEquals(
                JsonValue.TRUE,
                reply(alice, "importPackage", params("path", "a.apkg")).get("result"));
        assertArrayEquals(before, Files.readAllBytes(aliceFile));
    }
}
