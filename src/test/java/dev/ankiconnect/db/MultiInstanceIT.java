package dev.ankiconnect.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.user.Users;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two deployments of the WAR on one PostgreSQL database behave as one server: concurrent writes
 * through both lose nothing and duplicate no id or name, and a user's loaded profile holds on both.
 * Runs in the PostgreSQL IT execution (embedded Derby cannot be shared by two deployments).
 */
@ExtendWith(ArquillianExtension.class)
class MultiInstanceIT {

    static final boolean SHARED = "postgres".equals(System.getProperty("it.database"));
    static String key;

    private static Map<String, String> config;

    private static synchronized Map<String, String> config() {
        if (!SHARED) {
            return Map.of();
        }
        if (config == null) {
            Map<String, String> c = new HashMap<>(Deployments.freshDatabase("instances"));
            Users.prepare(c, store -> {
                store.createUser("dana");
                store.createProfileRow("dana", "Dana One");
                store.createProfileRow("dana", "Dana Two");
                key = store.issueKey("dana", "it").key();
            });
            c.put("users", "true");
            config = c;
        }
        return config;
    }

    @Deployment(name = "a", testable = false)
    static WebArchive a() {
        return Deployments.war("instance-a", config());
    }

    @Deployment(name = "b", testable = false)
    static WebArchive b() {
        return Deployments.war("instance-b", config());
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL urlA;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL urlB;

    AnkiClient a;
    AnkiClient b;

    @BeforeEach
    void connect() {
        assertTrue(
                SHARED,
                "two instances share a database only under -Dit.database=postgres: the build runs this"
                        + " test in its PostgreSQL run alone");
        a = new AnkiClient(urlA);
        b = new AnkiClient(urlB);
    }

    private static JsonValue call(AnkiClient c, String action, JsonObject params) {
        JsonObject r = AnkiClient.parse(c.post(Json.createObjectBuilder()
                                .add("action", action)
                                .add("version", 6)
                                .add("key", key)
                                .add("params", params)
                                .build()
                                .toString())
                        .body())
                .asJsonObject();
        if (!r.isNull("error")) {
            throw new AssertionError(action + " failed: " + r.getString("error"));
        }
        return r.get("result");
    }

    @Test
    void loadedProfile_holdsOnBothInstances() {
        assertEquals(
                JsonValue.TRUE,
                call(
                        a,
                        "loadProfile",
                        Json.createObjectBuilder().add("name", "Dana Two").build()));
        assertEquals(
                "Dana Two",
                ((jakarta.json.JsonString) call(b, "getActiveProfile", JsonValue.EMPTY_JSON_OBJECT)).getString());
        assertEquals(
                JsonValue.TRUE,
                call(
                        b,
                        "loadProfile",
                        Json.createObjectBuilder().add("name", "Dana One").build()));
        assertEquals(
                "Dana One",
                ((jakarta.json.JsonString) call(a, "getActiveProfile", JsonValue.EMPTY_JSON_OBJECT)).getString());
    }

    /** Each instance searches its own in-memory copy; a write through the other must show in the next search. */
    @Test
    void aWriteThroughOneInstance_showsInTheOthersNextSearch() {
        String word = "shared" + System.nanoTime();
        JsonObject query = Json.createObjectBuilder().add("query", word).build();
        assertEquals(0, call(b, "findNotes", query).asJsonArray().size());
        long id = ((JsonNumber) call(
                        a,
                        "addNote",
                        Json.createObjectBuilder()
                                .add(
                                        "note",
                                        Json.createObjectBuilder()
                                                .add("deckName", "Default")
                                                .add("modelName", "Basic")
                                                .add(
                                                        "fields",
                                                        Json.createObjectBuilder()
                                                                .add("Front", word)
                                                                .add("Back", "b")))
                                .build()))
                .longValue();
        assertEquals(Json.createArrayBuilder().add(id).build(), call(b, "findNotes", query));
        call(
                b,
                "addTags",
                Json.createObjectBuilder()
                        .add("notes", Json.createArrayBuilder().add(id))
                        .add("tags", "seen-on-b")
                        .build());
        assertEquals(
                Json.createArrayBuilder().add(id).build(),
                call(
                        a,
                        "findNotes",
                        Json.createObjectBuilder()
                                .add("query", word + " tag:seen-on-b")
                                .build()));
    }

    @Test
    void concurrentWrites_throughBothInstances_loseNothing_andDuplicateNothing() throws Exception {
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AnkiClient c = t % 2 == 0 ? a : b;
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(((JsonNumber) call(
                                        c,
                                        "createDeck",
                                        Json.createObjectBuilder()
                                                .add("deck", "Race::T" + thread + "::D" + i)
                                                .build()))
                                .longValue());
                        // Everyone also creates the same deck: one deck, one id, no error.
                        ids.add(((JsonNumber) call(
                                        c,
                                        "createDeck",
                                        Json.createObjectBuilder()
                                                .add("deck", "Shared::Same" + i)
                                                .build()))
                                .longValue());
                        call(
                                c,
                                "storeMediaFile",
                                Json.createObjectBuilder()
                                        .add("filename", "race_" + thread + "_" + i + ".txt")
                                        .add("data", "eA==")
                                        .build());
                    }
                    return ids;
                }));
            }
            for (Future<List<Long>> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject decks =
                call(a, "deckNamesAndIds", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        JsonObject decksB =
                call(b, "deckNamesAndIds", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        assertEquals(decks, decksB);
        Set<Long> ids = new HashSet<>();
        for (var e : decks.entrySet()) {
            assertTrue(ids.add(((JsonNumber) e.getValue()).longValue()), "duplicate deck id " + e);
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertTrue(decks.containsKey("Race::T" + t + "::D" + i), "lost Race::T" + t + "::D" + i);
            }
        }
        for (int i = 0; i < perThread; i++) {
            assertTrue(decks.containsKey("Shared::Same" + i));
        }
        assertEquals(
                threads * perThread,
                call(
                                b,
                                "getMediaFilesNames",
                                Json.createObjectBuilder()
                                        .add("pattern", "race_*")
                                        .build())
                        .asJsonArray()
                        .size());
    }

    private static JsonObject reply(AnkiClient c, String action, JsonObject params) {
        return AnkiClient.parse(c.post(Json.createObjectBuilder()
                                .add("action", action)
                                .add("version", 6)
                                .add("key", key)
                                .add("params", params)
                                .build()
                                .toString())
                        .body())
                .asJsonObject();
    }

    @Test
    void notes_addedConcurrentlyThroughBothInstances_noneLost_noDuplicates() throws Exception {
        int threads = 6;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<JsonObject>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                AnkiClient c = t % 2 == 0 ? a : b;
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<JsonObject> replies = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        replies.add(reply(
                                c,
                                "addNote",
                                Json.createObjectBuilder()
                                        .add("note", note("unique " + thread + " " + i))
                                        .build()));
                        // Every thread adds the same first field: exactly one may win.
                        replies.add(reply(
                                c,
                                "addNote",
                                Json.createObjectBuilder()
                                        .add("note", note("contested " + i))
                                        .build()));
                    }
                    return replies;
                }));
            }
            List<JsonObject> all = new ArrayList<>();
            for (Future<List<JsonObject>> f : futures) {
                all.addAll(f.get());
            }
            Set<Long> ids = new HashSet<>();
            int added = 0;
            for (JsonObject r : all) {
                if (r.isNull("error")) {
                    added++;
                    assertTrue(ids.add(((JsonNumber) r.get("result")).longValue()), "duplicate note id " + r);
                } else {
                    assertTrue(r.getString("error").contains("duplicate"), r.toString());
                }
            }
            assertEquals(threads * perThread + perThread, added);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                threads * perThread,
                call(
                                b,
                                "findNotes",
                                Json.createObjectBuilder()
                                        .add("query", "\"Front:unique *\"")
                                        .build())
                        .asJsonArray()
                        .size());
        for (int i = 0; i < perThread; i++) {
            assertEquals(
                    1,
                    call(
                                    a,
                                    "findNotes",
                                    Json.createObjectBuilder()
                                            .add("query", "\"Front:contested " + i + "\"")
                                            .build())
                            .asJsonArray()
                            .size(),
                    "contested " + i);
        }
    }

    private static JsonObject note(String front) {
        return Json.createObjectBuilder()
                .add("deckName", "Default")
                .add("modelName", "Basic")
                .add("fields", Json.createObjectBuilder().add("Front", front).add("Back", "x"))
                .build();
    }
}
