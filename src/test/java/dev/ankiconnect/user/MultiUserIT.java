package dev.ankiconnect.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
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
 * Multi-user mode: two users, each with their own profiles. Every test is A acting on B's data
 * (profiles, decks, models, media, notes and cards) and seeing nothing of it.
 */
@ExtendWith(ArquillianExtension.class)
class MultiUserIT {

    static String alice;
    static String bob;
    static String revoked;
    /** The deployment's data directory: package files are under its packages/user-ID folders. */
    static java.nio.file.Path dataDir;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(Deployments.freshDatabase("multiuser"));
        Users.prepare(config, store -> {
            store.createUser("alice");
            store.createUser("bob");
            store.createUser("carol");
            store.createProfileRow("alice", "Alice Main");
            store.createProfileRow("alice", "Alice Spanish");
            store.createProfileRow("bob", "Bob Main");
            alice = store.issueKey("alice", "test").key();
            bob = store.issueKey("bob", "test").key();
            revoked = store.issueKey("carol", "gone").key();
            store.revokeKey(revoked.substring(3, 19));
        });
        dataDir = java.nio.file.Path.of(config.get("dataDir"));
        config.put("users", "true");
        // A single-user key configured as well must not open the multi-user server.
        config.put("apiKey", "s3cret");
        config.put("keyFailureLimit", "1000");
        return Deployments.war("multiuser", config);
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private JsonObject reply(String key, String action, JsonObject params) {
        var b = Json.createObjectBuilder()
                .add("action", action)
                .add("version", 6)
                .add("params", params);
        if (key != null) {
            b.add("key", key);
        }
        return AnkiClient.parse(client.post(b.build().toString()).body()).asJsonObject();
    }

    private JsonValue call(String key, String action, JsonObject params) {
        JsonObject r = reply(key, action, params);
        if (!r.isNull("error")) {
            throw new AssertionError(action + " failed: " + r.getString("error"));
        }
        return r.get("result");
    }

    private JsonValue call(String key, String action) {
        return call(key, action, JsonValue.EMPTY_JSON_OBJECT);
    }

    private static JsonObject params(Object... kv) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof String s) {
                b.add((String) kv[i], s);
            } else if (v instanceof JsonValue j) {
                b.add((String) kv[i], j);
            } else if (v instanceof Boolean bo) {
                b.add((String) kv[i], bo);
            } else {
                b.add((String) kv[i], ((Number) v).longValue());
            }
        }
        return b.build();
    }

    private List<String> strings(JsonValue v) {
        return v.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    @Test
    void keys_identifyUsers_andNothingElseOpensTheServer() {
        String refused = "valid api key must be provided";
        assertEquals(
                refused, reply(null, "version", JsonValue.EMPTY_JSON_OBJECT).getString("error"));
        assertEquals(
                refused, reply("s3cret", "version", JsonValue.EMPTY_JSON_OBJECT).getString("error"));
        assertEquals(
                refused, reply(revoked, "version", JsonValue.EMPTY_JSON_OBJECT).getString("error"));
        assertEquals(
                refused,
                reply(alice + "x", "version", JsonValue.EMPTY_JSON_OBJECT).getString("error"));
        assertEquals(
                refused,
                reply(alice.substring(0, 20) + bob.substring(20), "version", JsonValue.EMPTY_JSON_OBJECT)
                        .getString("error"));
        assertEquals(6, ((jakarta.json.JsonNumber) call(alice, "version")).intValue());
        JsonObject permission = call(null, "requestPermission").asJsonObject();
        assertEquals(JsonValue.TRUE, permission.get("requireApikey"));
    }

    @Test
    void profiles_areTheUsersOwn() {
        assertEquals(List.of("Alice Main", "Alice Spanish"), strings(call(alice, "getProfiles")));
        assertEquals(List.of("Bob Main"), strings(call(bob, "getProfiles")));
        assertEquals("Bob Main", ((jakarta.json.JsonString) call(bob, "getActiveProfile")).getString());
        // B's profile name, loaded by A: AnkiConnect's answer for a profile that does not exist.
        assertEquals(JsonValue.FALSE, call(alice, "loadProfile", params("name", "Bob Main")));
        assertEquals(JsonValue.FALSE, call(alice, "loadProfile", params("name", "No Such")));
        assertTrue(List.of("Alice Main", "Alice Spanish")
                .contains(((jakarta.json.JsonString) call(alice, "getActiveProfile")).getString()));
        assertEquals("Bob Main", ((jakarta.json.JsonString) call(bob, "getActiveProfile")).getString());
    }

    @Test
    void loadProfile_isPerUser_andKeptInTheDatabase() {
        assertEquals(JsonValue.TRUE, call(alice, "loadProfile", params("name", "Alice Spanish")));
        assertEquals("Alice Spanish", ((jakarta.json.JsonString) call(alice, "getActiveProfile")).getString());
        call(alice, "createDeck", params("deck", "Spanish::Verbs"));
        assertEquals(JsonValue.TRUE, call(alice, "loadProfile", params("name", "Alice Main")));
        assertFalse(strings(call(alice, "deckNames")).contains("Spanish::Verbs"));
        assertEquals(JsonValue.TRUE, call(alice, "loadProfile", params("name", "Alice Spanish")));
        assertTrue(strings(call(alice, "deckNames")).contains("Spanish::Verbs"));
        assertEquals("Bob Main", ((jakarta.json.JsonString) call(bob, "getActiveProfile")).getString());
    }

    @Test
    void decks_ofOneUser_areInvisibleToTheOther() {
        call(alice, "loadProfile", params("name", "Alice Main"));
        long aliceDeck =
                ((jakarta.json.JsonNumber) call(alice, "createDeck", params("deck", "Alice Secret Deck"))).longValue();
        assertFalse(strings(call(bob, "deckNames")).contains("Alice Secret Deck"));
        assertFalse(call(bob, "deckNamesAndIds").asJsonObject().containsKey("Alice Secret Deck"));
        // The same name in B's collection is a deck of B's own, with another id.
        long bobDeck =
                ((jakarta.json.JsonNumber) call(bob, "createDeck", params("deck", "Alice Secret Deck"))).longValue();
        assertNotEquals(aliceDeck, bobDeck);
        call(
                bob,
                "deleteDecks",
                params(
                        "decks",
                        Json.createArrayBuilder().add("Alice Secret Deck").build(),
                        "cardsToo",
                        true));
        assertTrue(strings(call(alice, "deckNames")).contains("Alice Secret Deck"));
    }

    @Test
    void models_ofOneUser_areInvisibleToTheOther() {
        call(alice, "loadProfile", params("name", "Alice Main"));
        assertTrue(strings(call(bob, "modelNames")).contains("Basic"));
        call(
                alice,
                "createModel",
                params(
                        "modelName",
                        "Alice Model",
                        "inOrderFields",
                        Json.createArrayBuilder().add("Front").add("Back").build(),
                        "cardTemplates",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("Name", "Card 1")
                                        .add("Front", "{{Front}}")
                                        .add("Back", "{{Back}}"))
                                .build()));
        assertTrue(strings(call(alice, "modelNames")).contains("Alice Model"));
        assertFalse(strings(call(bob, "modelNames")).contains("Alice Model"));
        assertFalse(call(bob, "modelNamesAndIds").asJsonObject().containsKey("Alice Model"));
        assertFalse(reply(bob, "modelFieldNames", params("modelName", "Alice Model"))
                .isNull("error"));
    }

    @Test
    void media_ofOneUser_isInvisibleToTheOther() {
        call(alice, "loadProfile", params("name", "Alice Main"));
        call(alice, "storeMediaFile", params("filename", "alice_only.txt", "data", "c2VjcmV0"));
        assertEquals(
                "c2VjcmV0",
                ((jakarta.json.JsonString) call(alice, "retrieveMediaFile", params("filename", "alice_only.txt")))
                        .getString());
        assertEquals(JsonValue.FALSE, call(bob, "retrieveMediaFile", params("filename", "alice_only.txt")));
        assertFalse(
                strings(call(bob, "getMediaFilesNames", params("pattern", "*"))).contains("alice_only.txt"));
        call(bob, "deleteMediaFile", params("filename", "alice_only.txt"));
        assertEquals(
                "c2VjcmV0",
                ((jakarta.json.JsonString) call(alice, "retrieveMediaFile", params("filename", "alice_only.txt")))
                        .getString());
        assertNotEquals(call(alice, "getMediaDirPath"), call(bob, "getMediaDirPath"));
    }

    @Test
    void notesAndCards_ofOneUser_areInvisibleToTheOther() {
        call(alice, "loadProfile", params("name", "Alice Main"));
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", "Default")
                .add("modelName", "Basic")
                .add(
                        "fields",
                        Json.createObjectBuilder()
                                .add("Front", "alice front unique")
                                .add("Back", "b"))
                .add("tags", Json.createArrayBuilder().add("alicetag"))
                .build();
        long noteId = ((jakarta.json.JsonNumber) call(alice, "addNote", params("note", note))).longValue();
        JsonArray ids = Json.createArrayBuilder().add(noteId).build();
        assertEquals(
                0,
                call(bob, "findNotes", params("query", "alice")).asJsonArray().size());
        assertEquals(
                0,
                call(bob, "findNotes", params("query", "nid:" + noteId))
                        .asJsonArray()
                        .size());
        assertEquals(
                0,
                call(bob, "findCards", params("query", "deck:*")).asJsonArray().stream()
                        .filter(v -> call(alice, "findCards", params("query", "nid:" + noteId))
                                .asJsonArray()
                                .contains(v))
                        .count());
        JsonValue info = reply(bob, "notesInfo", params("notes", ids)).get("result");
        assertFalse(info.toString().contains("alice front unique"), info.toString());
        assertFalse(strings(call(bob, "getTags")).contains("alicetag"));
        // B may even add the very same note: duplicates are checked within B's collection.
        call(bob, "addNote", params("note", note));
        reply(bob, "deleteNotes", params("notes", ids));
        JsonArray cards =
                call(alice, "findCards", params("query", "nid:" + noteId)).asJsonArray();
        assertEquals(1, cards.size());
        JsonValue cardInfo = reply(bob, "cardsInfo", params("cards", cards)).get("result");
        assertFalse(cardInfo.toString().contains("alice front unique"), cardInfo.toString());
        reply(bob, "suspend", params("cards", cards));
        assertEquals(
                JsonValue.FALSE,
                call(alice, "areSuspended", params("cards", cards))
                        .asJsonArray()
                        .get(0));
        assertEquals(
                1,
                call(alice, "findNotes", params("query", "nid:" + noteId))
                        .asJsonArray()
                        .size());
    }

    @Test
    void multi_subActionsNeedTheSameUsersKey() {
        JsonObject r = call(
                        alice,
                        "multi",
                        params(
                                "actions",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("action", "getActiveProfile")
                                                .add("version", 6)
                                                .add("key", bob))
                                        .add(Json.createObjectBuilder()
                                                .add("action", "getProfiles")
                                                .add("version", 6)
                                                .add("key", alice))
                                        .add(Json.createObjectBuilder()
                                                .add("action", "getProfiles")
                                                .add("version", 6))
                                        .build()))
                .asJsonArray()
                .getJsonObject(0);
        assertEquals("valid api key must be provided", r.getString("error"));
        JsonArray all = call(
                        alice,
                        "multi",
                        params(
                                "actions",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("action", "getProfiles")
                                                .add("version", 6)
                                                .add("key", alice))
                                        .add(Json.createObjectBuilder()
                                                .add("action", "getProfiles")
                                                .add("version", 6))
                                        .build()))
                .asJsonArray();
        assertEquals(
                List.of("Alice Main", "Alice Spanish"),
                strings(all.getJsonObject(0).get("result")));
        assertEquals("valid api key must be provided", all.getJsonObject(1).getString("error"));
    }

    private int exportStatus(String key, String deck) throws Exception {
        java.net.URI uri = client.uri()
                .resolve("packages/export?deck="
                        + java.net.URLEncoder.encode(deck, java.nio.charset.StandardCharsets.UTF_8) + "&key="
                        + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void packageExportEndpoint_knowsTheUser_andExportsOnlyTheirDecks() throws Exception {
        call(bob, "createDeck", params("deck", "Bob Only Export"));
        assertEquals(200, exportStatus(bob, "Bob Only Export"));
        assertNotEquals(200, exportStatus(alice, "Bob Only Export"));
        assertEquals(403, exportStatus("s3cret", "Default"));
    }

    /** Every file of this name under the package directory, whoever's folder it is in. */
    private List<java.nio.file.Path> packageFiles(String name) throws Exception {
        java.nio.file.Path root = dataDir.resolve("packages");
        if (!java.nio.file.Files.isDirectory(root)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(name))
                    .sorted()
                    .toList();
        }
    }

    private String error(String key, String action, JsonObject params) {
        JsonObject r = reply(key, action, params);
        assertFalse(r.isNull("error"), action + " " + params + " should have failed: " + r);
        return r.getString("error");
    }

    /**
     * Package files (issue 15.5): each user has a folder of their own under the package directory; B can neither
     * read A's package nor overwrite it, by a relative path, by {@code ..}, or by an absolute path into A's folder
     * (this deployment has no packagePathAllowlist, and in multi-user mode an allowlist would not apply either).
     */
    @Test
    void packageFiles_ofOneUser_areOutOfTheOthersReach() throws Exception {
        call(alice, "loadProfile", params("name", "Alice Main"));
        call(alice, "createDeck", params("deck", "Alice Package Deck"));
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", "Alice Package Deck")
                .add("modelName", "Basic")
                .add(
                        "fields",
                        Json.createObjectBuilder()
                                .add("Front", "alice package secret")
                                .add("Back", "b"))
                .build();
        call(alice, "addNote", params("note", note));
        assertEquals(
                JsonValue.TRUE,
                call(alice, "exportPackage", params("deck", "Alice Package Deck", "path", "shared.apkg")));
        List<java.nio.file.Path> written = packageFiles("shared.apkg");
        assertEquals(1, written.size(), written.toString());
        java.nio.file.Path aliceFile = written.get(0);
        java.nio.file.Path aliceDir = aliceFile.getParent();
        assertTrue(aliceDir.getFileName().toString().startsWith("user-"), aliceDir.toString());
        byte[] aliceBytes = java.nio.file.Files.readAllBytes(aliceFile);
        String aliceFolder = aliceDir.getFileName().toString();

        // import: by the relative name (there is no such file in B's folder), by .., by the absolute path
        assertEquals(
                "[Errno 2] No such file or directory: 'shared.apkg'",
                error(bob, "importPackage", params("path", "shared.apkg")));
        for (String path : List.of(
                "../" + aliceFolder + "/shared.apkg",
                "./../" + aliceFolder + "/./shared.apkg",
                aliceFile.toString(),
                aliceDir + "/../" + aliceFolder + "/shared.apkg")) {
            String e = error(bob, "importPackage", params("path", path));
            assertTrue(e.contains("outside the package directory"), path + " -> " + e);
        }
        assertFalse(strings(call(bob, "deckNames")).contains("Alice Package Deck"));
        assertEquals(
                0,
                call(bob, "findNotes", params("query", "alice package secret"))
                        .asJsonArray()
                        .size());

        // export and overwrite: the same relative name is B's own file; .. and the absolute path are refused
        call(bob, "createDeck", params("deck", "Bob Package Deck"));
        assertEquals(
                JsonValue.TRUE, call(bob, "exportPackage", params("deck", "Bob Package Deck", "path", "shared.apkg")));
        for (String path : List.of(
                "../" + aliceFolder + "/shared.apkg",
                aliceFile.toString(),
                "../" + aliceFolder + "/new.apkg",
                aliceDir.resolve("new.apkg").toString())) {
            String e = error(bob, "exportPackage", params("deck", "Bob Package Deck", "path", path));
            assertTrue(e.contains("outside the package directory"), path + " -> " + e);
        }
        assertArrayEquals(aliceBytes, java.nio.file.Files.readAllBytes(aliceFile), "Alice's package is untouched");
        assertFalse(java.nio.file.Files.exists(aliceDir.resolve("new.apkg")));
        List<java.nio.file.Path> both = packageFiles("shared.apkg");
        assertEquals(2, both.size(), both.toString());
        java.nio.file.Path bobFile = both.get(0).equals(aliceFile) ? both.get(1) : both.get(0);
        assertNotEquals(aliceDir, bobFile.getParent());

        // the other way round: A cannot reach B's file either, and still imports her own
        String bobFolder = bobFile.getParent().getFileName().toString();
        for (String path : List.of("../" + bobFolder + "/shared.apkg", bobFile.toString())) {
            String e = error(alice, "importPackage", params("path", path));
            assertTrue(e.contains("outside the package directory"), path + " -> " + e);
        }
        assertEquals(JsonValue.TRUE, call(alice, "importPackage", params("path", "shared.apkg")));
        assertFalse(strings(call(alice, "deckNames")).contains("Bob Package Deck"));
        // the package directory itself, above both folders, is no one's
        String e = error(bob, "exportPackage", params("deck", "Bob Package Deck", "path", "../top.apkg"));
        assertTrue(e.contains("outside the package directory"), e);
        assertFalse(java.nio.file.Files.exists(dataDir.resolve("packages").resolve("top.apkg")));
    }
}
