package dev.ankiconnect.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a fresh collection answers to the deck and model listings; this class never writes. */
@ExtendWith(ArquillianExtension.class)
class FreshCollectionDecksIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("decks-fresh");
    }

    @ArquillianResource
    URL url;

    @Test
    void freshCollection_listsOnlyDefault() {
        AnkiClient client = new AnkiClient(url);
        assertEquals(
                "{\"result\": [\"Default\"], \"error\": null}",
                client.post("{\"action\": \"deckNames\", \"version\": 6}").body());
        assertEquals(
                "{\"result\": {\"Default\": 1}, \"error\": null}",
                client.post("{\"action\": \"deckNamesAndIds\", \"version\": 6}").body());
        assertEquals(
                "{\"result\": \"Default\", \"error\": null}",
                client.post("{\"action\": \"deckNameFromId\", \"version\": 6, \"params\": {\"deckId\": 1}}")
                        .body());
    }

    @Test
    void freshCollection_defaultDeckHasNoCardsDue() {
        AnkiClient client = new AnkiClient(url);
        assertEquals(
                "{\"1\": {\"deck_id\": 1, \"name\": \"Default\", \"new_count\": 0, \"learn_count\": 0, "
                        + "\"review_count\": 0, \"total_in_deck\": 0}}",
                client.call(
                                "getDeckStats",
                                AnkiClient.parse("{\"decks\": [\"Default\"]}").asJsonObject())
                        .toString()
                        .replace(":", ": ")
                        .replace(",", ", "));
    }

    @Test
    void freshCollection_hasTheSixStockNoteTypesInNameOrder() {
        AnkiClient client = new AnkiClient(url);
        assertEquals(
                "{\"result\": [\"Basic\", \"Basic (and reversed card)\", \"Basic (optional reversed card)\", "
                        + "\"Basic (type in the answer)\", \"Cloze\", \"Image Occlusion\"], \"error\": null}",
                client.post("{\"action\": \"modelNames\", \"version\": 6}").body());
    }
}
