package dev.ankiconnect.card;

import static dev.ankiconnect.support.Fixtures.ids;
import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduler-free card actions: AnkiConnect's test_cards.py on a two-note, four-card fixture. */
@ExtendWith(ArquillianExtension.class)
class CardActionsIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("cards");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;
    String deck;
    long note1;
    long note2;
    List<Long> cards;

    @BeforeEach
    void fixture() {
        client = new AnkiClient(url);
        deck = Fixtures.deck(client, "cards");
        note1 = add("note1 field1", "note1 field2", "tag1");
        note2 = add("note2 field1", "note2 field2", "tag2");
        cards = longs(client.call("findCards", params("query", Json.createValue("deck:\"" + deck + "\""))));
    }

    private long add(String front, String back, String tag) {
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", deck)
                .add("modelName", "Basic (and reversed card)")
                .add("fields", Json.createObjectBuilder().add("Front", front).add("Back", back))
                .add("tags", Json.createArrayBuilder().add(tag))
                .add("options", Json.createObjectBuilder().add("allowDuplicate", true))
                .build();
        return ((JsonNumber) client.call("addNote", params("note", note))).longValue();
    }

    private static JsonArray repeat(JsonValue v, int n) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            b.add(v);
        }
        return b.build();
    }

    @Test
    void findCards_givesTheFourCards() {
        assertEquals(4, cards.size());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, client.call("findCards"));
    }

    @Test
    void easeFactors_setAndGet() {
        JsonArray factors = repeat(Json.createValue(4200), 4);
        assertEquals(
                repeat(JsonValue.TRUE, 4),
                client.call(
                        "setEaseFactors",
                        Json.createObjectBuilder()
                                .add("cards", ids(cards))
                                .add("easeFactors", factors)
                                .build()));
        assertEquals(factors, client.call("getEaseFactors", params("cards", ids(cards))));
        assertEquals(
                repeat(JsonValue.FALSE, 1),
                client.call(
                        "setEaseFactors",
                        Json.createObjectBuilder()
                                .add("cards", ids(123))
                                .add("easeFactors", ids(4200))
                                .build()));
        assertEquals(repeat(JsonValue.NULL, 1), client.call("getEaseFactors", params("cards", ids(123))));
    }

    @Test
    void suspendAndUnsuspend() {
        assertEquals(repeat(JsonValue.FALSE, 4), client.call("areSuspended", params("cards", ids(cards))));
        assertEquals(JsonValue.TRUE, client.call("suspend", params("cards", ids(cards))));
        assertEquals(repeat(JsonValue.TRUE, 4), client.call("areSuspended", params("cards", ids(cards))));
        assertEquals(JsonValue.TRUE, client.call("suspended", params("card", Json.createValue(cards.get(0)))));
        // a single already-suspended card gives false
        assertEquals(JsonValue.FALSE, client.call("suspend", params("cards", ids(cards.get(0)))));
        assertEquals(JsonValue.NULL, client.call("unsuspend", params("cards", ids(cards))));
        assertEquals(repeat(JsonValue.FALSE, 4), client.call("areSuspended", params("cards", ids(cards))));
        assertEquals("Card was not found: 123", client.error("suspend", params("cards", ids(123))));
        assertEquals("Card was not found: 123", client.error("suspended", params("card", Json.createValue(123))));
        assertEquals(
                Json.createArrayBuilder().add(false).addNull().build(),
                client.call("areSuspended", params("cards", ids(cards.get(0), 123))));
    }

    @Test
    void cardsToNotes_givesTheTwoNotes() {
        Set<Long> notes = new TreeSet<>(longs(client.call("cardsToNotes", params("cards", ids(cards)))));
        assertEquals(new TreeSet<>(List.of(note1, note2)), notes);
    }

    @Test
    void cardsInfo_everyFieldInOrder_andEmptyObjectsForUnknownIds() {
        JsonArray info = client.call("cardsInfo", params("cards", ids(cards))).asJsonArray();
        for (int i = 0; i < cards.size(); i++) {
            assertEquals(
                    cards.get(i).longValue(),
                    info.getJsonObject(i).getJsonNumber("cardId").longValue());
        }
        JsonObject first = info.getJsonObject(0);
        assertEquals(
                List.of(
                        "cardId",
                        "fields",
                        "fieldOrder",
                        "question",
                        "answer",
                        "modelName",
                        "ord",
                        "deckName",
                        "css",
                        "factor",
                        "interval",
                        "note",
                        "type",
                        "queue",
                        "due",
                        "reps",
                        "lapses",
                        "left",
                        "mod",
                        "nextReviews",
                        "flags"),
                List.copyOf(first.keySet()));
        String css = first.getString("css");
        assertEquals("<style>" + css + "</style>note1 field1", first.getString("question"));
        assertEquals(
                "<style>" + css + "</style>note1 field1\n\n<hr id=answer>\n\nnote1 field2", first.getString("answer"));
        assertEquals(deck, first.getString("deckName"));
        assertEquals("Basic (and reversed card)", first.getString("modelName"));
        assertEquals(0, first.getInt("ord"));
        assertEquals(note1, first.getJsonNumber("note").longValue());
        assertEquals(0, first.getInt("type"));
        assertEquals(0, first.getInt("queue"));
        assertEquals(0, first.getInt("factor"));
        assertEquals(
                Json.createObjectBuilder()
                        .add(
                                "Front",
                                Json.createObjectBuilder()
                                        .add("value", "note1 field1")
                                        .add("order", 0))
                        .add(
                                "Back",
                                Json.createObjectBuilder()
                                        .add("value", "note1 field2")
                                        .add("order", 1))
                        .build(),
                first.getJsonObject("fields"));
        assertEquals(4, first.getJsonArray("nextReviews").size());
        JsonObject second = info.getJsonObject(1);
        assertEquals("<style>" + css + "</style>note1 field2", second.getString("question"));
        assertEquals(1, second.getInt("ord"));
        assertEquals(repeat(JsonValue.EMPTY_JSON_OBJECT, 1), client.call("cardsInfo", params("cards", ids(123))));
        JsonArray mod = client.call("cardsModTime", params("cards", ids(cards.get(0), 123)))
                .asJsonArray();
        assertEquals(
                Json.createObjectBuilder()
                        .add("cardId", cards.get(0))
                        .add("mod", first.getJsonNumber("mod"))
                        .build(),
                mod.get(0));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, mod.get(1));
    }

    @Test
    void setSpecificValueOfCard_protectedKeysAndResults() {
        JsonObject readme = Json.createObjectBuilder()
                .add("card", cards.get(0))
                .add("keys", Json.createArrayBuilder().add("flags").add("odue"))
                .add("newValues", Json.createArrayBuilder().add("1").add("-100"))
                .build();
        assertEquals(JsonValue.FALSE, client.call("setSpecificValueOfCard", readme));
        JsonObject flags = Json.createObjectBuilder()
                .add("card", cards.get(0))
                .add("keys", Json.createArrayBuilder().add("flags").add("factor"))
                .add("newValues", Json.createArrayBuilder().add("1").add(2500))
                .build();
        assertEquals(Json.createArrayBuilder().add(true).build(), client.call("setSpecificValueOfCard", flags));
        JsonObject info = client.call("cardsInfo", params("cards", ids(cards.get(0))))
                .asJsonArray()
                .getJsonObject(0);
        assertEquals(1, info.getInt("flags"));
        assertEquals(2500, info.getInt("factor"));
        JsonObject missing = Json.createObjectBuilder()
                .add("card", 123)
                .add("keys", Json.createArrayBuilder().add("flags"))
                .add("newValues", Json.createArrayBuilder().add(1))
                .build();
        assertEquals(
                Json.createArrayBuilder()
                        .add(Json.createArrayBuilder().add(false).add("Card was not found: 123"))
                        .build(),
                client.call("setSpecificValueOfCard", missing));
        JsonObject mismatch = Json.createObjectBuilder()
                .add("card", cards.get(0))
                .add("keys", Json.createArrayBuilder().add("flags"))
                .add("newValues", JsonValue.EMPTY_JSON_ARRAY)
                .build();
        assertEquals(JsonValue.FALSE, client.call("setSpecificValueOfCard", mismatch));
    }
}
