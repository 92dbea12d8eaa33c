package dev.ankiconnect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduling card actions and the review-log actions over HTTP, on cards made with addNote. */
@ExtendWith(ArquillianExtension.class)
class SchedulerActionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("scheduling");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    /** A fresh deck with one Basic (and reversed card) note: two new cards. Returns the deck name. */
    private String deckWithTwoCards() {
        String deck = "sched-" + UUID.randomUUID();
        client.call("createDeck", Json.createObjectBuilder().add("deck", deck).build());
        client.call(
                "addNote",
                Json.createObjectBuilder()
                        .add(
                                "note",
                                Json.createObjectBuilder()
                                        .add("deckName", deck)
                                        .add("modelName", "Basic (and reversed card)")
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder()
                                                        .add("Front", "front " + deck)
                                                        .add("Back", "back")))
                        .build());
        return deck;
    }

    private JsonArray cards(String deck) {
        return client.call(
                        "findCards",
                        Json.createObjectBuilder()
                                .add("query", "deck:\"" + deck + "\"")
                                .build())
                .asJsonArray();
    }

    private JsonObject info(long card) {
        return client.call(
                        "cardsInfo",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(card))
                                .build())
                .asJsonArray()
                .getJsonObject(0);
    }

    private JsonValue answer(long card, int ease) {
        return client.call(
                "answerCards",
                Json.createObjectBuilder()
                        .add(
                                "answers",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("cardId", card)
                                                .add("ease", ease)))
                        .build());
    }

    @Test
    void answerCards_movesANewCardIntoLearning_andLogsIt() {
        JsonArray ids = cards(deckWithTwoCards());
        long card = ids.getJsonNumber(0).longValue();
        assertEquals(
                "[true,false]",
                client.call(
                                "answerCards",
                                Json.createObjectBuilder()
                                        .add(
                                                "answers",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("cardId", card)
                                                                .add("ease", 3))
                                                        .add(Json.createObjectBuilder()
                                                                .add("cardId", 1L)
                                                                .add("ease", 3)))
                                        .build())
                        .toString());
        JsonObject after = info(card);
        assertEquals(1, after.getInt("type"));
        assertEquals(1, after.getInt("queue"));
        assertEquals(1, after.getInt("reps"));
        assertEquals(1, after.getInt("left") % 1000);
        JsonObject reviews = client.call(
                        "getReviewsOfCards",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(card))
                                .build())
                .asJsonObject();
        JsonArray log = reviews.getJsonArray(String.valueOf(card));
        assertEquals(1, log.size());
        JsonObject row = log.getJsonObject(0);
        // Good on a new card with steps 1m 10m: the next step is 10 minutes (-600 s); a new card's
        // interval before the answer is logged as 0 (ANKI-MODEL 6.8).
        assertEquals(3, row.getInt("ease"));
        assertEquals(-600, row.getInt("ivl"));
        assertEquals(0, row.getInt("lastIvl"));
        assertEquals(0, row.getInt("factor"));
        assertEquals(0, row.getInt("type"));
        assertEquals(-1, row.getInt("usn"));
    }

    @Test
    void answerCards_easyGraduatesWithTheEasyInterval() {
        long card = cards(deckWithTwoCards()).getJsonNumber(0).longValue();
        answer(card, 4);
        JsonObject after = info(card);
        assertEquals(2, after.getInt("type"));
        assertEquals(2, after.getInt("queue"));
        // The easy interval (4 days) is fuzzed as Anki fuzzes it: 3 to 5 days.
        int interval = after.getInt("interval");
        assertTrue(interval >= 3 && interval <= 5, "interval " + interval);
        assertEquals(2500, after.getInt("factor"));
        JsonObject row = client.call(
                        "getReviewsOfCards",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(card))
                                .build())
                .asJsonObject()
                .getJsonArray(String.valueOf(card))
                .getJsonObject(0);
        assertEquals(interval, row.getInt("ivl"));
        assertEquals(2500, row.getInt("factor"));
    }

    @Test
    void answerCards_missingKeys_givePythonKeyErrors() {
        assertEquals(
                "'cardId'",
                client.error(
                        "answerCards",
                        Json.createObjectBuilder()
                                .add(
                                        "answers",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder().add("ease", 3)))
                                .build()));
        assertEquals(
                "'ease'",
                client.error(
                        "answerCards",
                        Json.createObjectBuilder()
                                .add(
                                        "answers",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder().add("cardId", 1)))
                                .build()));
    }

    @Test
    void areDue_newCardsAreDue_unknownOnesFail() {
        JsonArray ids = cards(deckWithTwoCards());
        assertEquals(
                "[true,true]",
                client.call(
                                "areDue",
                                Json.createObjectBuilder().add("cards", ids).build())
                        .toString());
        assertEquals(
                "list index out of range",
                client.error(
                        "areDue",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(1L))
                                .build()));
    }

    @Test
    void areDue_aCardInAShortLearningStep_isDueWithinLearnAhead() {
        long card = cards(deckWithTwoCards()).getJsonNumber(0).longValue();
        answer(card, 1);
        // Again puts it 1 minute out, inside the 20-minute learn-ahead.
        assertEquals(
                "[true]",
                client.call(
                                "areDue",
                                Json.createObjectBuilder()
                                        .add("cards", Json.createArrayBuilder().add(card))
                                        .build())
                        .toString());
    }

    @Test
    void getIntervals_newIsZero_thenTheLoggedIntervals() {
        JsonArray ids = cards(deckWithTwoCards());
        long card = ids.getJsonNumber(0).longValue();
        assertEquals(
                "[0,0]",
                client.call(
                                "getIntervals",
                                Json.createObjectBuilder().add("cards", ids).build())
                        .toString());
        answer(card, 3);
        answer(card, 3);
        assertEquals(
                "[1]",
                client.call(
                                "getIntervals",
                                Json.createObjectBuilder()
                                        .add("cards", Json.createArrayBuilder().add(card))
                                        .build())
                        .toString());
        assertEquals(
                "[[-600,1]]",
                client.call(
                                "getIntervals",
                                Json.createObjectBuilder()
                                        .add("cards", Json.createArrayBuilder().add(card))
                                        .add("complete", true)
                                        .build())
                        .toString());
        assertEquals(
                "list index out of range",
                client.error(
                        "getIntervals",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(2L))
                                .build()));
        assertEquals(
                "[[]]",
                client.call(
                                "getIntervals",
                                Json.createObjectBuilder()
                                        .add("cards", Json.createArrayBuilder().add(2L))
                                        .add("complete", true)
                                        .build())
                        .toString());
    }

    @Test
    void forgetCards_resetsToNew_restoringThePosition_andKeepsCounts() {
        long card = cards(deckWithTwoCards()).getJsonNumber(0).longValue();
        long position = info(card).getJsonNumber("due").longValue();
        answer(card, 4);
        assertEquals(
                JsonValue.NULL,
                client.call(
                        "forgetCards",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(card))
                                .build()));
        JsonObject after = info(card);
        assertEquals(0, after.getInt("type"));
        assertEquals(0, after.getInt("queue"));
        assertEquals(position, after.getJsonNumber("due").longValue());
        assertEquals(1, after.getInt("reps"));
        JsonArray log = client.call(
                        "getReviewsOfCards",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(card))
                                .build())
                .asJsonObject()
                .getJsonArray(String.valueOf(card));
        assertEquals(2, log.size());
        assertEquals(0, log.getJsonObject(1).getInt("ease"));
        assertEquals(4, log.getJsonObject(1).getInt("type"));
    }

    @Test
    void relearnCards_setsTypeAndQueueOnly() {
        long card = cards(deckWithTwoCards()).getJsonNumber(0).longValue();
        assertEquals(
                JsonValue.NULL,
                client.call(
                        "relearnCards",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(card))
                                .build()));
        JsonObject after = info(card);
        assertEquals(3, after.getInt("type"));
        assertEquals(1, after.getInt("queue"));
    }

    /** The eighth lapse makes a leech (the default preset: 8 lapses, tag only): its note is tagged and the tag registered. */
    @Test
    void answerCards_eighthLapse_tagsTheNoteLeech() {
        String deck = deckWithTwoCards();
        long card = cards(deck).getJsonNumber(0).longValue();
        client.call(
                "setDueDate",
                Json.createObjectBuilder()
                        .add("cards", Json.createArrayBuilder().add(card))
                        .add("days", "0")
                        .build());
        for (int lapse = 1; lapse <= 8; lapse++) {
            assertTrue(noteTags(card).isEmpty(), "no leech tag before lapse " + lapse);
            answer(card, 1);
            answer(card, 3);
        }
        assertEquals(8, info(card).getInt("lapses"));
        assertEquals(Json.createArrayBuilder().add("leech").build(), noteTags(card));
        assertTrue(client.call("getTags").asJsonArray().contains(Json.createValue("leech")));
    }

    private JsonArray noteTags(long card) {
        long note = info(card).getJsonNumber("note").longValue();
        return client.call("notesInfo", Fixtures.params("notes", Fixtures.ids(note)))
                .asJsonArray()
                .getJsonObject(0)
                .getJsonArray("tags");
    }

    @Test
    void setDueDate_makesReviewCards_andRefusesBadSyntax() {
        JsonArray ids = cards(deckWithTwoCards());
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "setDueDate",
                        Json.createObjectBuilder()
                                .add("cards", ids)
                                .add("days", "5!")
                                .build()));
        JsonObject after = info(ids.getJsonNumber(0).longValue());
        assertEquals(2, after.getInt("type"));
        assertEquals(2, after.getInt("queue"));
        assertEquals(5, after.getInt("interval"));
        assertEquals(
                "invalid due date: 5x",
                client.error(
                        "setDueDate",
                        Json.createObjectBuilder()
                                .add("cards", ids)
                                .add("days", "5x")
                                .build()));
    }

    @Test
    void reviewLog_byDeck_latestId_andInsertedHistory() {
        String deck = deckWithTwoCards();
        JsonArray ids = cards(deck);
        long card = ids.getJsonNumber(0).longValue();
        assertEquals(
                "[]",
                client.call(
                                "cardReviews",
                                Json.createObjectBuilder()
                                        .add("deck", deck)
                                        .add("startID", 0)
                                        .build())
                        .toString());
        assertEquals(
                "0",
                client.call(
                                "getLatestReviewID",
                                Json.createObjectBuilder().add("deck", deck).build())
                        .toString());
        client.call(
                "insertReviews",
                Json.createObjectBuilder()
                        .add(
                                "reviews",
                                Json.createArrayBuilder()
                                        .add(Json.createArrayBuilder()
                                                .add(456L)
                                                .add(card)
                                                .add(-1)
                                                .add(3)
                                                .add(4)
                                                .add(-60)
                                                .add(2500)
                                                .add(6157)
                                                .add(0))
                                        .add(Json.createArrayBuilder()
                                                .add(789L)
                                                .add(card)
                                                .add(-1)
                                                .add(1)
                                                .add(-60)
                                                .add(-60)
                                                .add(0)
                                                .add(4846)
                                                .add(0)))
                        .build());
        assertEquals(
                "[[456," + card + ",-1,3,4,-60,2500,6157,0],[789," + card + ",-1,1,-60,-60,0,4846,0]]",
                client.call(
                                "cardReviews",
                                Json.createObjectBuilder()
                                        .add("deck", deck)
                                        .add("startID", 0)
                                        .build())
                        .toString());
        assertEquals(
                "[[789," + card + ",-1,1,-60,-60,0,4846,0]]",
                client.call(
                                "cardReviews",
                                Json.createObjectBuilder()
                                        .add("deck", deck)
                                        .add("startID", 456)
                                        .build())
                        .toString());
        assertEquals(
                "789",
                client.call(
                                "getLatestReviewID",
                                Json.createObjectBuilder().add("deck", deck).build())
                        .toString());
        assertEquals(
                "{\"" + card
                        + "\":[{\"id\":456,\"usn\":-1,\"ease\":3,\"ivl\":4,\"lastIvl\":-60,\"factor\":2500,\"time\":6157,\"type\":0},"
                        + "{\"id\":789,\"usn\":-1,\"ease\":1,\"ivl\":-60,\"lastIvl\":-60,\"factor\":0,\"time\":4846,\"type\":0}],\"1\":[]}",
                client.call(
                                "getReviewsOfCards",
                                Json.createObjectBuilder()
                                        .add(
                                                "cards",
                                                Json.createArrayBuilder()
                                                        .add(card)
                                                        .add(1L))
                                        .build())
                        .toString());
        assertEquals(
                "UNIQUE constraint failed: revlog.id",
                client.error(
                        "insertReviews",
                        Json.createObjectBuilder()
                                .add(
                                        "reviews",
                                        Json.createArrayBuilder()
                                                .add(Json.createArrayBuilder()
                                                        .add(456L)
                                                        .add(card)
                                                        .add(-1)
                                                        .add(3)
                                                        .add(4)
                                                        .add(-60)
                                                        .add(2500)
                                                        .add(6157)
                                                        .add(0)))
                                .build()));
    }

    @Test
    void cardReviews_ofAnUnknownDeck_createsIt() {
        String deck = "created-by-reviews-" + UUID.randomUUID();
        assertEquals(
                "[]",
                client.call(
                                "cardReviews",
                                Json.createObjectBuilder()
                                        .add("deck", deck)
                                        .add("startID", 0)
                                        .build())
                        .toString());
        assertTrue(client.call("deckNames").toString().contains(deck));
    }

    @Test
    void statistics_countTodaysAnswers_andReportHtml() {
        long before = Long.parseLong(client.call("getNumCardsReviewedToday").toString());
        long card = cards(deckWithTwoCards()).getJsonNumber(0).longValue();
        answer(card, 3);
        assertEquals(
                before + 1,
                Long.parseLong(client.call("getNumCardsReviewedToday").toString()));
        JsonArray byDay = client.call("getNumCardsReviewedByDay").asJsonArray();
        assertTrue(byDay.getJsonArray(0).getInt(1) >= 1, byDay.toString());
        String html = ((jakarta.json.JsonString) client.call(
                        "getCollectionStatsHTML",
                        Json.createObjectBuilder().add("wholeCollection", true).build()))
                .getString();
        assertTrue(html.startsWith("<center>") && html.contains("<h2>Card counts</h2>"), html);
    }
}
