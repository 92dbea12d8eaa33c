package dev.ankiconnect.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * guiCheckDatabase against a collection broken on purpose: a test-only servlet ({@link CheckBreaker}) runs one fixed
 * statement per breakage through the application's own database, each on a note of its own; then one
 * guiCheckDatabase answers true, and every repair shows through the API and in the database, with the summary it
 * logged. A second check finds nothing left.
 */
@ExtendWith(ArquillianExtension.class)
class CheckDatabaseIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("check-database").addClass(CheckBreaker.class);
    }

    @ArquillianResource
    URL url;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    AnkiClient client;
    String profile;

    JsonValue call(String action, JsonObject params) {
        return client.call(action, params);
    }

    static JsonObject o(Object... kv) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof JsonValue j) {
                b.add((String) kv[i], j);
            } else if (v instanceof Long l) {
                b.add((String) kv[i], l);
            } else if (v instanceof Integer n) {
                b.add((String) kv[i], n);
            } else if (v instanceof Boolean bool) {
                b.add((String) kv[i], bool);
            } else if (v instanceof List<?> list) {
                var a = Json.createArrayBuilder();
                list.forEach(x -> {
                    if (x instanceof Long l) {
                        a.add(l);
                    } else {
                        a.add(String.valueOf(x));
                    }
                });
                b.add((String) kv[i], a);
            } else {
                b.add((String) kv[i], String.valueOf(v));
            }
        }
        return b.build();
    }

    /** Runs a breakage or a read of {@link CheckBreaker}. */
    JsonObject db(String what, Object... params) {
        StringBuilder q = new StringBuilder("?what=")
                .append(what)
                .append("&profile=")
                .append(URLEncoder.encode(profile, StandardCharsets.UTF_8));
        for (int i = 0; i < params.length; i += 2) {
            q.append('&')
                    .append(params[i])
                    .append('=')
                    .append(URLEncoder.encode(String.valueOf(params[i + 1]), StandardCharsets.UTF_8));
        }
        URI uri = URI.create(url.toString()).resolve(CheckBreaker.PATH.substring(1) + q);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                // the application's filter in front of every path wants an AnkiConnect body
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"checkBreaker\", \"version\": 6}"))
                .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), what + ": " + response.body());
            return AnkiClient.parse(response.body()).asJsonObject();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    long note(String model, Map<String, String> fields, String... tags) {
        JsonObjectBuilder f = Json.createObjectBuilder();
        fields.forEach(f::add);
        return ((JsonNumber) call(
                        "addNote",
                        o(
                                "note",
                                o("deckName", "Check", "modelName", model, "fields", f.build(), "tags", List.of((Object
                                                [])
                                        tags)))))
                .longValue();
    }

    List<Long> cards(long note) {
        List<Long> out = new ArrayList<>();
        for (JsonValue v : db("cardsOfNote", "note", note).getJsonArray("cards")) {
            out.add(((JsonNumber) v).longValue());
        }
        return out;
    }

    JsonObject card(long id) {
        return db("card", "card", id);
    }

    JsonObject noteInfo(long note) {
        return call("notesInfo", o("notes", List.of(note))).asJsonArray().getJsonObject(0);
    }

    List<String> log() {
        List<String> out = new ArrayList<>();
        db("log").getJsonArray("log").forEach(v -> out.add(((JsonString) v).getString()));
        return out;
    }

    String lastSummary() {
        List<String> lines = log();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("check database of profile")
                    && !lines.get(i).contains("media file(s)")) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no summary logged: " + lines);
    }

    @Test
    void repairsEachBreakage() {
        client = new AnkiClient(url);
        profile = ((JsonString) call("getActiveProfile", o())).getString();
        call("createDeck", o("deck", "Check"));
        // the servlet starts capturing the check's log when it is first used
        assertEquals(List.of(), log());

        // a healthy collection: nothing to fix
        assertEquals(JsonValue.TRUE, call("guiCheckDatabase", o()));
        assertTrue(lastSummary().contains("no problems fixed; missing media files: 0"), lastSummary());

        long orphaned = note("Basic", Map.of("Front", "orphaned", "Back", "b"));
        long orphanCard = cards(orphaned).get(0);
        long withoutCards = note("Basic", Map.of("Front", "without cards", "Back", "b"));
        long extraTemplate = note("Basic", Map.of("Front", "extra template", "Back", "b"));
        long duplicated = note("Basic", Map.of("Front", "duplicated", "Back", "b"));
        long surplus = note("Basic", Map.of("Front", "surplus", "Back", "b"));
        long shortNote = note("Basic", Map.of("Front", "short", "Back", "b"));
        long newDue = note("Basic", Map.of("Front", "new due", "Back", "b"));
        long reviewQueue = note("Basic", Map.of("Front", "review queue", "Back", "b"));
        long zeroInterval = note("Basic", Map.of("Front", "zero interval", "Back", "b"));
        long farAway = note("Basic", Map.of("Front", "far away", "Back", "b"));
        long original = note("Basic", Map.of("Front", "original deck", "Back", "b"));
        long lostDeck = note("Basic", Map.of("Front", "lost deck", "Back", "b"));
        long tagged = note("Basic", Map.of("Front", "tagged", "Back", "b"), "Registered::Child");
        long cloze = note("Cloze", Map.of("Text", "{{c1::one}} {{c2::two}}"));
        long media = note(
                "Basic",
                Map.of("Front", "media <img src=\"nowhere-" + orphaned + ".png\">", "Back", "[sound:gone.mp3]"));
        long checkDeck = call("deckNamesAndIds", o())
                .asJsonObject()
                .getJsonNumber("Check")
                .longValue();

        db("deleteNote", "note", orphaned);
        db("deleteCardsOfNote", "note", withoutCards);
        long extraTemplateCard = cards(extraTemplate).get(0);
        db("copyCard", "card", extraTemplateCard, "offset", 1, "ord", 5);
        long duplicatedCard = cards(duplicated).get(0);
        db("copyCard", "card", duplicatedCard, "offset", 1, "ord", 0);
        db("fields", "note", surplus, "count", 4);
        db("fields", "note", shortNote, "count", 1);
        db("newDue", "card", cards(newDue).get(0));
        db("reviewInNewQueue", "card", cards(reviewQueue).get(0));
        db("reviewZeroInterval", "card", cards(zeroInterval).get(0));
        db("reviewFarAway", "card", cards(farAway).get(0));
        db("originalDeck", "card", cards(original).get(0));
        db("missingDeck", "card", cards(lostDeck).get(0));
        db("missingPreset", "deck", checkDeck);
        db("ghostTag");
        db("unregisterTag", "tag", "Registered::Child");
        // a cloze card whose number is not in the text stays (Anki's rule), and its duplicate goes
        long clozeCard = cards(cloze).get(1);
        db("copyCard", "card", clozeCard, "offset", 1, "ord", 7);
        long clozeSeven = clozeCard + 1;
        assertEquals(3, cards(cloze).size());
        assertEquals(2, cards(duplicated).size());
        assertEquals(2, cards(extraTemplate).size());

        assertEquals(JsonValue.TRUE, call("guiCheckDatabase", o()));

        String summary = lastSummary();
        // one repair per breakage, counted by kind; the tag list: the ghost goes, the unregistered tag and db-check
        // come
        assertTrue(
                summary.contains(" cardsMissingNote=1 cardOrdsDuplicated=1 templatesMissing=1 cardPositionTooHigh=1 "
                        + "cardPropertiesInvalid=4 decksMissing=1 presetsMissing=1 fieldCountMismatch=2 cardsGenerated=1 "
                        + "tagListChanges=3 nextPosition=1;"),
                summary);
        assertTrue(summary.endsWith("; missing media files: 2"), summary);
        assertTrue(
                log().stream().anyMatch(l -> l.contains("gone.mp3") && l.contains("nowhere-" + orphaned + ".png")),
                log().toString());

        // cards whose note is gone
        assertFalse(card(orphanCard).getBoolean("exists"));
        // a note without cards gets its first
        assertEquals(1, cards(withoutCards).size());
        JsonObject generated = card(cards(withoutCards).get(0));
        assertEquals(0, generated.getInt("ord"));
        assertEquals(0, generated.getInt("type"));
        // a card of a template that is not there, a second card of one ordinal
        assertEquals(List.of(extraTemplateCard), cards(extraTemplate));
        assertEquals(List.of(duplicatedCard), cards(duplicated));
        assertEquals(List.of(cards(cloze).get(0), clozeCard), cards(cloze).subList(0, 2));
        assertTrue(card(clozeSeven).getBoolean("exists"));
        assertEquals(3, cards(cloze).size(), "a cloze card is kept whatever its number; only the duplicate goes");
        // field counts
        JsonObject surplusInfo = noteInfo(surplus);
        assertEquals(
                "a", surplusInfo.getJsonObject("fields").getJsonObject("Front").getString("value"));
        assertEquals(
                "b; c; d",
                surplusInfo.getJsonObject("fields").getJsonObject("Back").getString("value"));
        assertTrue(surplusInfo.getJsonArray("tags").contains(Json.createValue("db-check")), surplusInfo.toString());
        JsonObject shortInfo = noteInfo(shortNote);
        assertEquals(
                "a", shortInfo.getJsonObject("fields").getJsonObject("Front").getString("value"));
        assertEquals("", shortInfo.getJsonObject("fields").getJsonObject("Back").getString("value"));
        assertEquals(List.of(surplus, shortNote), ids(call("findNotes", o("query", "tag:db-check"))));
        assertEquals(List.of(surplus), ids(call("findNotes", o("query", "Front:a Back:\"b; c; d\""))));
        // card properties
        assertEquals(1_000_005, card(cards(newDue).get(0)).getJsonNumber("due").longValue());
        JsonObject review = card(cards(reviewQueue).get(0));
        assertEquals(2, review.getInt("queue"));
        assertEquals(1, card(cards(zeroInterval).get(0)).getInt("ivl"));
        long dueNow = card(cards(farAway).get(0)).getJsonNumber("due").longValue();
        assertTrue(dueNow >= 0 && dueNow < 100_000, "due " + dueNow);
        JsonObject info = call("cardsInfo", o("cards", List.of(cards(farAway).get(0))))
                .asJsonArray()
                .getJsonObject(0);
        assertEquals(dueNow, info.getJsonNumber("due").longValue());
        JsonObject originalCard = card(cards(original).get(0));
        assertEquals(0, originalCard.getJsonNumber("odid").longValue());
        assertEquals(0, originalCard.getJsonNumber("odue").longValue());
        // decks and presets
        JsonObject recovered = db("deck", "deck", 987654);
        assertEquals("recovered987654", recovered.getString("name"));
        assertEquals(1, recovered.getJsonNumber("conf").longValue());
        assertEquals(
                "recovered987654",
                call("cardsInfo", o("cards", List.of(cards(lostDeck).get(0))))
                        .asJsonArray()
                        .getJsonObject(0)
                        .getString("deckName"));
        assertTrue(call("deckNames", o()).asJsonArray().contains(Json.createValue("recovered987654")));
        assertEquals(1, db("deck", "deck", checkDeck).getJsonNumber("conf").longValue());
        assertEquals(
                1,
                call("getDeckConfig", o("deck", "Check"))
                        .asJsonObject()
                        .getJsonNumber("id")
                        .longValue());
        // the tag list
        JsonArray tags = call("getTags", o()).asJsonArray();
        assertFalse(tags.contains(Json.createValue("Ghost-Tag")), tags.toString());
        assertTrue(tags.contains(Json.createValue("Registered::Child")), tags.toString());
        assertTrue(tags.contains(Json.createValue("db-check")), tags.toString());
        assertEquals(List.of(tagged), ids(call("findNotes", o("query", "tag:Registered::Child"))));
        assertNotEquals(0, media);

        // everything is repaired: a second check finds nothing, and changes nothing
        assertEquals(JsonValue.TRUE, call("guiCheckDatabase", o()));
        assertTrue(lastSummary().contains("no problems fixed; missing media files: 2"), lastSummary());
    }

    static List<Long> ids(JsonValue v) {
        List<Long> out = new ArrayList<>();
        v.asJsonArray().forEach(x -> out.add(((JsonNumber) x).longValue()));
        out.sort(null);
        return out;
    }
}
