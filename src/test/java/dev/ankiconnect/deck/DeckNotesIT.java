package dev.ankiconnect.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** getDeckStats with real cards and the preset's daily limits; skipped until the note actions are deployed. */
@ExtendWith(ArquillianExtension.class)
class DeckNotesIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("decks");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    static JsonObject j(String json) {
        return AnkiClient.parse(json.replace('\'', '"')).asJsonObject();
    }

    void addNotes(String deck, int count) {
        for (int i = 0; i < count; i++) {
            client.call(
                    "addNote",
                    j("{'note': {'deckName': '" + deck + "', 'modelName': 'Basic', 'fields': {'Front': '" + deck + " "
                            + i + "', 'Back': 'b'}}}"));
        }
    }

    @Test
    void getDeckStats_capsNewCardsByThePresetAndCountsChildrenInParents() {
        long parent = ((JsonNumber) client.call("createDeck", j("{'deck': 'Limited'}"))).longValueExact();
        long child = ((JsonNumber) client.call("createDeck", j("{'deck': 'Limited::Child'}"))).longValueExact();
        long preset = ((JsonNumber) client.call("cloneDeckConfigId", j("{'name': 'Two a day'}"))).longValueExact();
        client.call(
                "setDeckConfigId",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add("Limited"))
                        .add("configId", preset)
                        .build());
        JsonObject config =
                client.call("getDeckConfig", j("{'deck': 'Limited'}")).asJsonObject();
        JsonObject two = Json.createObjectBuilder(config)
                .add(
                        "new",
                        Json.createObjectBuilder(config.getJsonObject("new")).add("perDay", 2))
                .build();
        client.call(
                "saveDeckConfig", Json.createObjectBuilder().add("config", two).build());
        addNotes("Limited", 3);
        addNotes("Limited::Child", 3);

        JsonObject stats = client.call("getDeckStats", j("{'decks': ['Limited', 'Limited::Child']}"))
                .asJsonObject();
        assertEquals(
                j("{'deck_id': " + parent + ", 'name': 'Limited', 'new_count': 2, 'learn_count': 0, 'review_count': 0,"
                        + " 'total_in_deck': 3}"),
                stats.getJsonObject(String.valueOf(parent)));
        assertEquals(
                j("{'deck_id': " + child + ", 'name': 'Child', 'new_count': 3, 'learn_count': 0, 'review_count': 0,"
                        + " 'total_in_deck': 3}"),
                stats.getJsonObject(String.valueOf(child)));
    }

    @Test
    void deleteDecks_removesCardsAndOnlyTheNotesLeftWithoutCards() {
        long nid = ((JsonNumber)
                        client.call(
                                "addNote",
                                j(
                                        "{'note': {'deckName': 'Default', 'modelName': "
                                                + "'Basic (and reversed card)', 'fields': {'Front': 'split front', 'Back': 'split back'}}}")))
                .longValueExact();
        JsonObject notes = Json.createObjectBuilder()
                .add("notes", Json.createArrayBuilder().add(nid))
                .build();
        var cards =
                client.call("notesInfo", notes).asJsonArray().getJsonObject(0).getJsonArray("cards");
        client.call(
                "changeDeck",
                Json.createObjectBuilder()
                        .add("cards", Json.createArrayBuilder().add(cards.get(0)))
                        .add("deck", "Split A")
                        .build());
        client.call(
                "changeDeck",
                Json.createObjectBuilder()
                        .add("cards", Json.createArrayBuilder().add(cards.get(1)))
                        .add("deck", "Split B")
                        .build());
        assertEquals(
                Json.createObjectBuilder()
                        .add("Split A", Json.createArrayBuilder().add(cards.get(0)))
                        .add("Split B", Json.createArrayBuilder().add(cards.get(1)))
                        .build(),
                client.call(
                        "getDecks",
                        Json.createObjectBuilder().add("cards", cards).build()));

        client.call("deleteDecks", j("{'decks': ['Split A'], 'cardsToo': true}"));
        assertEquals(
                Json.createArrayBuilder().add(cards.get(1)).build(),
                client.call("notesInfo", notes).asJsonArray().getJsonObject(0).getJsonArray("cards"));
        client.call("deleteDecks", j("{'decks': ['Split B'], 'cardsToo': true}"));
        assertEquals(j("{'x': [{}]}").get("x"), client.call("notesInfo", notes));
    }
}
