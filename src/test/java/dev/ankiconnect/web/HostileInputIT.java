package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests of issue 15 (points 1 and 2) over HTTP: deep nesting everywhere, wrong parameter types,
 * over-long names and fields, and a 5,000-character package path; each answered with AnkiConnect's JSON shape,
 * HTTP 200, and no internal text (every reply also passes {@code support.ReplyGuard} through AnkiClient).
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    static final String ARRAY_TOO_DEEP =
            "{\"result\": null, \"error\": \"maximum recursion depth exceeded while decoding "
                    + "a JSON array from a unicode string\"}";
    static final String OBJECT_TOO_DEEP =
            "{\"result\": null, \"error\": \"maximum recursion depth exceeded while decoding "
                    + "a JSON object from a unicode string\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("hostile");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private String reply(String body) {
        HttpResponse<String> r = client.post(body);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
    }

    static String arrays(int depth, boolean closed) {
        return "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
    }

    static String objects(int depth, boolean closed) {
        return "{\"a\": ".repeat(depth) + "1" + (closed ? "}".repeat(depth) : "");
    }

    @Test
    void deepNesting_everywhere_isPythonsRecursionError() {
        for (int depth : new int[] {10_000, 100_000}) {
            for (boolean closed : new boolean[] {true, false}) {
                assertEquals(ARRAY_TOO_DEEP, reply(arrays(depth, closed)));
                assertEquals(OBJECT_TOO_DEEP, reply(objects(depth, closed)));
                String end = closed ? "}" : "";
                assertEquals(
                        ARRAY_TOO_DEEP,
                        reply("{\"action\": \"version\", \"version\": 6, \"params\": {\"x\": " + arrays(depth, closed)
                                + end + end));
                assertEquals(
                        OBJECT_TOO_DEEP,
                        reply("{\"action\": \"version\", \"version\": 6, \"params\": " + objects(depth, closed) + end));
                assertEquals(
                        ARRAY_TOO_DEEP,
                        reply("{\"action\": \"notesInfo\", \"version\": 6, \"params\": {\"notes\": "
                                + arrays(depth, closed) + end + end));
                assertEquals(
                        ARRAY_TOO_DEEP,
                        reply("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": "
                                + arrays(depth, closed) + end + end));
            }
        }
        // the server is fine afterwards, and nesting within the limit is read
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                reply("{\"action\": \"version\", \"version\": 6, \"x\": " + arrays(500, true) + "}"));
        String notes = reply(
                "{\"action\": \"notesInfo\", \"version\": 6, \"params\": {\"notes\": " + arrays(500, true) + "}}");
        assertTrue(
                notes.startsWith(
                        "{\"result\": null, \"error\": \"notesInfo: parameter 'notes' must be an integer, got [[[["),
                notes);
    }

    @Test
    void setSpecificValueOfCard_wrongCardTypes_nameTheParameter() {
        for (String card : new String[] {"null", "true", "{}", "1.5e400"}) {
            String r = reply("{\"action\": \"setSpecificValueOfCard\", \"version\": 6, \"params\": {\"card\": " + card
                    + ", \"keys\": [\"flags\"], \"newValues\": [1]}}");
            if (!card.startsWith("1.5")) {
                String repr = switch (card) {
                    case "null" -> "None";
                    case "true" -> "True";
                    default -> "{}";
                };
                assertEquals(
                        "{\"result\": [[false, \"setSpecificValueOfCard: parameter 'card' must be an integer, got "
                                + repr + "\"]], \"error\": null}",
                        r);
            }
            assertFalse(r.contains("class "), r);
        }
    }

    @Test
    void wrongParameterTypes_neverShowJavaText() {
        String[] bodies = {
            "{\"action\": \"findCards\", \"version\": 6, \"params\": {\"query\": {}}}",
            "{\"action\": \"cardsInfo\", \"version\": 6, \"params\": {\"cards\": {\"a\": 1}}}",
            "{\"action\": \"addNote\", \"version\": 6, \"params\": {\"note\": [1, 2]}}",
            "{\"action\": \"addNote\", \"version\": 6, \"params\": {\"note\": {\"deckName\": 5, \"modelName\": [], \"fields\": 3}}}",
            "{\"action\": \"updateNoteFields\", \"version\": 6, \"params\": {\"note\": {\"id\": \"x\", \"fields\": null}}}",
            "{\"action\": \"changeDeck\", \"version\": 6, \"params\": {\"cards\": [1e400], \"deck\": null}}",
            "{\"action\": \"getDeckStats\", \"version\": 6, \"params\": {\"decks\": [null, 1, {}]}}",
            "{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": [1, null, \"x\", {\"action\": 5}]}}",
        };
        for (String body : bodies) {
            JsonObject r = AnkiClient.parse(reply(body)).asJsonObject();
            assertTrue(r.containsKey("result") && r.containsKey("error"), body + " -> " + r);
        }
    }

    @Test
    void longNamesAndFields_ofCombiningAccents_areStoredOrClearlyRefused() {
        String accents = "a\u0301" + "\u0301".repeat(9_000);
        // Anki has no limit on a note's fields: the note is added and reads back whole
        long note =
                Fixtures.basicNote(client).fields("Front", accents, "Back", "b").add();
        JsonArray info = client.call("notesInfo", Fixtures.params("notes", Fixtures.ids(note)))
                .asJsonArray();
        // stored as Anki stores fields, in NFC
        assertEquals(
                java.text.Normalizer.normalize(accents, java.text.Normalizer.Form.NFC),
                info.getJsonObject(0)
                        .getJsonObject("fields")
                        .getJsonObject("Front")
                        .getString("value"));
        String longer = "x" + "\u0301".repeat(40_000);
        assertNotNull(
                Fixtures.basicNote(client).fields("Front", longer, "Back", "b").add());
        // names: stored, or refused with a clear text
        for (String action : new String[] {"createDeck"}) {
            String error = client.error(
                    action, Json.createObjectBuilder().add("deck", accents).build());
            assertTrue(error == null || error.startsWith("text too long"), error);
        }
        String tagError = client.error(
                "addTags",
                Json.createObjectBuilder()
                        .add("notes", Fixtures.ids(note))
                        .add("tags", "t" + "\u0301".repeat(5_000))
                        .build());
        assertTrue(tagError == null || tagError.startsWith("text too long"), tagError);
        String noteTags = client.error(
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
                                                        .add("Front", "tagged")
                                                        .add("Back", ""))
                                        .add("tags", Json.createArrayBuilder().add("u" + "\u0301".repeat(3_000))))
                        .build());
        assertTrue(noteTags == null || noteTags.startsWith("text too long"), noteTags);
    }

    @Test
    void aLongPackagePath_givesNoServerPath() {
        String error = client.error(
                "exportPackage",
                Json.createObjectBuilder()
                        .add("deck", "Default")
                        .add("path", "p".repeat(5_000) + ".apkg")
                        .build());
        assertEquals("cannot write package: File name too long", error);
        error = client.error(
                "importPackage",
                Json.createObjectBuilder()
                        .add("path", "q".repeat(5_000) + ".apkg")
                        .build());
        assertNotNull(error);
        error = client.error(
                "exportPackage",
                Json.createObjectBuilder()
                        .add("deck", "Default")
                        .add("path", "d/".repeat(3_000) + "x.apkg")
                        .build());
        assertNotNull(error);
    }

    @Test
    void aReplyTooDeepToWrite_isStillJson() {
        // within the reader's limit, echoed back inside a multi reply: written, not an HTML error page
        JsonValue r = AnkiClient.parse(reply("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                + "{\"action\": \"version\", \"params\": " + "{\"a\": ".repeat(510) + "1" + "}".repeat(510) + "}]}}"));
        assertTrue(r.asJsonObject().containsKey("result"));
    }
}
