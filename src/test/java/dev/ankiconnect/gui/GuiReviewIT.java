package dev.ankiconnect.gui;

import static dev.ankiconnect.support.JsonArgs.o;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.MarksProbe;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
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
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reviewer's gui* actions over HTTP, as a client (or the study UI) drives them: what they answer with the reviewer
 * closed (PROTOCOL 13), a deck review from question to answer to guiAnswerCard across new and learning cards with the
 * deck's daily new limit respected, the "congratulations" end, deck names case-insensitive, guiState's version, and that
 * moving the window is no collection write (the test-only {@link MarksProbe} reads the write counter, the collection's
 * digest and the window's row) while guiAnswerCard is one.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuiReviewIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("gui-review").addClass(MarksProbe.class);
    }

    @ArquillianResource
    URL url;

    AnkiClient client;
    String s;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void setUp() {
        client = new AnkiClient(url);
        s = UUID.randomUUID().toString().substring(0, 8);
        // every test starts on the deck list, whatever the one before left
        assertEquals(JsonValue.NULL, call("guiDeckBrowser"));
    }

    JsonValue call(String action, JsonObject params) {
        return client.call(action, params);
    }

    JsonValue call(String action) {
        return client.call(action);
    }

    boolean yes(String action, JsonObject params) {
        return call(action, params) == JsonValue.TRUE;
    }

    boolean yes(String action) {
        return yes(action, o());
    }

    JsonObject state() {
        return call("guiState").asJsonObject();
    }

    long note(String deck, String front) {
        JsonObject note =
                o("deckName", deck, "modelName", "Basic", "fields", o("Front", front, "Back", "back of " + front));
        return ((JsonNumber) call("addNote", o("note", note))).longValue();
    }

    long cardOf(long note) {
        return ((JsonNumber) call("findCards", o("query", "nid:" + note))
                        .asJsonArray()
                        .get(0))
                .longValue();
    }

    JsonObject cardInfo(long card) {
        return call("cardsInfo", o("cards", Json.createArrayBuilder().add(card).build()))
                .asJsonArray()
                .getJsonObject(0);
    }

    /** A deck whose own preset allows {@code newPerDay} new cards a day. */
    void deckWithNewLimit(String deck, int newPerDay) {
        call("createDeck", o("deck", deck));
        long preset =
                ((JsonNumber) call("cloneDeckConfigId", o("name", "gui preset " + s, "cloneFrom", 1))).longValue();
        call("setDeckConfigId", o("decks", Json.createArrayBuilder().add(deck).build(), "configId", preset));
        JsonObject config = call("getDeckConfig", o("deck", deck)).asJsonObject();
        JsonObject fresh = config.getJsonObject("new");
        call(
                "saveDeckConfig",
                o(
                        "config",
                        Json.createObjectBuilder(config)
                                .add("new", Json.createObjectBuilder(fresh).add("perDay", newPerDay))
                                .build()));
    }

    /** First: the card browser is still closed (no action closes it once open). */
    @Test
    @Order(1)
    void closedReviewerAnswersAsProtocol13() {
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, call("guiSelectedNotes"));
        assertEquals(false, yes("guiSelectCard", o("card", 1L)));
        assertEquals(false, yes("guiSelectNote", o("note", 1L)));
        assertEquals(false, yes("guiReviewActive"));
        assertEquals(false, yes("guiShowQuestion"));
        assertEquals(false, yes("guiShowAnswer"));
        assertEquals(false, yes("guiAnswerCard", o("ease", 1)));
        assertEquals(false, yes("guiStartCardTimer"));
        assertEquals(false, yes("guiPlayAudio"));
        assertEquals("Gui review is not currently active.", client.error("guiCurrentCard", o()));
        JsonObject st = state();
        assertEquals("deckBrowser", st.getString("screen"));
        assertTrue(
                st.isNull("deckId") && st.isNull("deckName") && st.isNull("cardId") && st.isNull("side"), st::toString);
        // an overview is no reviewer either
        call("createDeck", o("deck", "GuiClosed-" + s));
        assertTrue(yes("guiDeckOverview", o("name", "GuiClosed-" + s)));
        assertEquals(false, yes("guiReviewActive"));
        assertEquals(false, yes("guiShowAnswer"));
        assertEquals("Gui review is not currently active.", client.error("guiCurrentCard", o()));
    }

    @Test
    void deckNamesAreCaseInsensitiveAndUnknownDecksFalse() {
        String deck = "GuiCase-" + s;
        long id = ((JsonNumber) call("createDeck", o("deck", deck))).longValue();
        long version = state().getJsonNumber("version").longValue();
        assertEquals(false, yes("guiDeckOverview", o("name", "GuiNoSuchDeck-" + s)));
        assertEquals(false, yes("guiDeckReview", o("name", "GuiNoSuchDeck-" + s)));
        assertEquals(version, state().getJsonNumber("version").longValue(), "an unknown deck moves nothing");
        assertEquals("deckBrowser", state().getString("screen"));

        assertTrue(yes("guiDeckOverview", o("name", deck.toLowerCase(java.util.Locale.ROOT))));
        JsonObject st = state();
        assertEquals("overview", st.getString("screen"));
        assertEquals(id, st.getJsonNumber("deckId").longValue());
        assertEquals(deck, st.getString("deckName"));
        assertTrue(st.getJsonNumber("version").longValue() > version);

        // an empty deck: the review ends before it starts, on the overview ("congratulations"), and still true
        assertTrue(yes("guiDeckReview", o("name", deck.toUpperCase(java.util.Locale.ROOT))));
        assertEquals(false, yes("guiReviewActive"));
        assertEquals("overview", state().getString("screen"));
        assertEquals(id, state().getJsonNumber("deckId").longValue());
    }

    @Test
    void aDeckReviewFromQuestionToAnswerToTheEnd() {
        String deck = "GuiReview-" + s;
        deckWithNewLimit(deck, 2);
        call("createDeck", o("deck", deck + "::Sub"));
        long c1 = cardOf(note(deck, "first " + s));
        long c2 = cardOf(note(deck + "::Sub", "second " + s));
        long c3 = cardOf(note(deck, "third " + s));

        long v0 = state().getJsonNumber("version").longValue();
        assertTrue(yes("guiDeckReview", o("name", deck)));
        assertTrue(yes("guiReviewActive"));
        JsonObject st = state();
        assertEquals("review", st.getString("screen"));
        assertEquals("question", st.getString("side"));
        assertEquals(c1, st.getJsonNumber("cardId").longValue(), "new cards by position: " + st);
        assertEquals(deck, st.getString("deckName"));
        long v1 = st.getJsonNumber("version").longValue();
        assertTrue(v1 > v0);

        JsonObject current = call("guiCurrentCard").asJsonObject();
        assertEquals(c1, current.getJsonNumber("cardId").longValue());
        assertTrue(current.getString("question").contains("first " + s), current::toString);
        assertTrue(current.getString("answer").contains("back of first " + s), current::toString);
        assertEquals(Json.createArrayBuilder().add(1).add(2).add(3).add(4).build(), current.getJsonArray("buttons"));
        assertEquals(4, current.getJsonArray("nextReviews").size());
        assertEquals("Basic", current.getString("modelName"));
        assertEquals(deck, current.getString("deckName"));
        assertEquals("Card 1", current.getString("template"));
        assertEquals(0, current.getInt("fieldOrder"));
        assertEquals(
                "first " + s,
                current.getJsonObject("fields").getJsonObject("Front").getString("value"));
        assertTrue(current.containsKey("css"));

        // the answer side is not shown yet
        assertEquals(false, yes("guiAnswerCard", o("ease", 3)));
        assertTrue(yes("guiShowAnswer"));
        assertEquals("answer", state().getString("side"));
        assertEquals(false, yes("guiAnswerCard", o("ease", 0)));
        assertEquals(false, yes("guiAnswerCard", o("ease", 5)));
        assertEquals(0, cardInfo(c1).getInt("reps"), "refused answers change nothing");

        // Again: c1 goes to learning (1 min); the next new card comes from the subdeck
        assertTrue(yes("guiAnswerCard", o("ease", 1)));
        st = state();
        assertEquals(c2, st.getJsonNumber("cardId").longValue(), st::toString);
        assertEquals("question", st.getString("side"));
        assertEquals(1, cardInfo(c1).getInt("queue"));
        assertEquals(1, cardInfo(c1).getInt("reps"));

        // Good: c2 to its second learning step; the daily limit of 2 new cards is reached, so c3 is not shown: the
        // learning cards due within the learn-ahead time come next, the earliest first
        assertTrue(yes("guiShowAnswer"));
        assertTrue(yes("guiAnswerCard", o("ease", 3)));
        assertEquals(c1, state().getJsonNumber("cardId").longValue(), state()::toString);
        assertTrue(yes("guiShowAnswer"));
        assertTrue(yes("guiAnswerCard", o("ease", 4)));
        assertEquals(c2, state().getJsonNumber("cardId").longValue(), state()::toString);
        assertTrue(yes("guiShowAnswer"));
        assertTrue(yes("guiAnswerCard", o("ease", 4)));

        // done for today: the overview ("congratulations")
        st = state();
        assertEquals("overview", st.getString("screen"), st::toString);
        assertTrue(st.isNull("cardId"));
        assertEquals(false, yes("guiReviewActive"));
        assertEquals("Gui review is not currently active.", client.error("guiCurrentCard", o()));
        assertEquals(2, cardInfo(c1).getInt("queue"), "Easy made c1 a review card");
        assertEquals(2, cardInfo(c2).getInt("queue"));
        assertEquals(0, cardInfo(c3).getInt("queue"), "the third new card stays new: the limit is 2 a day");
        JsonArray log = call(
                        "getReviewsOfCards",
                        o("cards", Json.createArrayBuilder().add(c1).build()))
                .asJsonObject()
                .getJsonArray(String.valueOf(c1));
        assertEquals(2, log.size(), log::toString);
        for (JsonValue entry : log) {
            int taken = entry.asJsonObject().getInt("time");
            assertTrue(taken >= 0 && taken <= 60_000, "time taken, capped at the preset's 60 s: " + entry);
        }
        JsonObject stats = call(
                        "getDeckStats",
                        o("decks", Json.createArrayBuilder().add(deck).build()))
                .asJsonObject()
                .values()
                .iterator()
                .next()
                .asJsonObject();
        assertEquals(0, stats.getInt("new_count"), stats::toString);

        // a new review of the deck finds nothing to study
        assertTrue(yes("guiDeckReview", o("name", deck)));
        assertEquals("overview", state().getString("screen"));
        assertTrue(state().getJsonNumber("version").longValue() > v1);
    }

    @Test
    void movingTheWindowIsNoCollectionWrite() {
        String deck = "GuiMarks-" + s;
        call("createDeck", o("deck", deck));
        long c = cardOf(note(deck, "marks " + s));
        JsonObject before = probe();
        long v0 = state().getJsonNumber("version").longValue();
        assertTrue(yes("guiDeckOverview", o("name", deck)));
        assertTrue(yes("guiDeckReview", o("name", deck)));
        assertEquals(c, state().getJsonNumber("cardId").longValue());
        long replay = state().getJsonNumber("replay").longValue();
        assertTrue(yes("guiPlayAudio"));
        assertEquals(replay + 1, state().getJsonNumber("replay").longValue());
        assertTrue(yes("guiStartCardTimer"));
        assertTrue(yes("guiShowAnswer"));
        assertTrue(yes("guiShowQuestion"));
        assertEquals("question", state().getString("side"));
        assertTrue(yes("guiShowAnswer"));
        assertTrue(call("guiCurrentCard").asJsonObject().containsKey("question"));
        JsonObject moved = probe();
        assertEquals(before.getJsonNumber("gen"), moved.getJsonNumber("gen"), "window moves count no write");
        assertEquals(before.getJsonObject("tables"), moved.getJsonObject("tables"), "nor change the collection");
        assertNotEquals(before.getJsonObject("window"), moved.getJsonObject("window"));
        assertEquals(v0 + 7, state().getJsonNumber("version").longValue(), "one version per move");

        // answering is a collection write: one count
        assertTrue(yes("guiAnswerCard", o("ease", 3)));
        JsonObject answered = probe();
        assertEquals(
                moved.getJsonNumber("gen").longValue() + 1,
                answered.getJsonNumber("gen").longValue());
        assertNotEquals(moved.getJsonObject("tables"), answered.getJsonObject("tables"));
    }

    @Test
    void guiUndoTakesBackTheLastAnswer() {
        assertTrue(yes("guiUndo"), "nothing to undo: still true");
        String deck = "GuiUndo-" + s;
        call("createDeck", o("deck", deck));
        long c = cardOf(note(deck, "undo " + s));
        JsonObject fresh = cardInfo(c);
        assertTrue(yes("guiDeckReview", o("name", deck)));
        assertTrue(yes("guiShowAnswer"));
        assertTrue(yes("guiAnswerCard", o("ease", 3)));
        assertEquals(1, cardInfo(c).getInt("reps"));
        JsonObject gen = probe();

        assertTrue(yes("guiUndo"));
        JsonObject undone = cardInfo(c);
        for (String key : List.of("reps", "queue", "type", "due", "interval", "factor", "left", "mod")) {
            assertEquals(fresh.get(key), undone.get(key), key);
        }
        assertEquals(
                0,
                call(
                                "getReviewsOfCards",
                                o("cards", Json.createArrayBuilder().add(c).build()))
                        .asJsonObject()
                        .getJsonArray(String.valueOf(c))
                        .size());
        JsonObject st = state();
        assertEquals("review", st.getString("screen"));
        assertEquals(c, st.getJsonNumber("cardId").longValue());
        assertEquals("question", st.getString("side"));
        assertEquals(
                gen.getJsonNumber("gen").longValue() + 1,
                probe().getJsonNumber("gen").longValue());

        // once only: a second undo changes nothing (and is no write)
        JsonObject once = probe();
        assertTrue(yes("guiUndo"));
        assertEquals(once.getJsonNumber("gen"), probe().getJsonNumber("gen"));
        assertEquals(0, cardInfo(c).getInt("reps"));
    }

    @Test
    void theCardBrowserAndItsSelection() {
        String deck = "GuiBrowse-" + s;
        call("createDeck", o("deck", deck));
        long n1 = note(deck, "browse one " + s);
        long n2 = note(deck, "browse two " + s);
        long c1 = cardOf(n1);
        long c2 = cardOf(n2);
        String query = "deck:" + deck;
        JsonValue found = call("findCards", o("query", query));
        assertEquals(found, call("guiBrowse", o("query", query)));
        assertEquals(
                found,
                call("guiBrowse", o("query", query, "reorderCards", o("order", "descending", "columnId", "noteCrt"))));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, call("guiSelectedNotes"), "a search selects nothing");

        assertEquals(
                "reorderCards should be a dict: x", client.error("guiBrowse", o("query", query, "reorderCards", "x")));
        assertEquals(
                "reorderCards should be a dict: [1, 'a']",
                client.error(
                        "guiBrowse",
                        o(
                                "reorderCards",
                                Json.createArrayBuilder().add(1).add("a").build())));
        assertEquals(
                "Must provide a \"columnId\" and a \"order\" property\"",
                client.error("guiBrowse", o("reorderCards", o("order", "ascending"))));
        assertEquals(
                "invalid card order: up",
                client.error("guiBrowse", o("reorderCards", o("order", "up", "columnId", "noteCrt"))));
        assertEquals(
                "invalid columnId: nope",
                client.error("guiBrowse", o("reorderCards", o("order", "ascending", "columnId", "nope"))));

        JsonObject before = state();
        assertTrue(yes("guiSelectCard", o("card", c1)));
        assertEquals(Json.createArrayBuilder().add(n1).build(), call("guiSelectedNotes"));
        assertTrue(yes("guiSelectNote", o("note", c2)));
        assertEquals(Json.createArrayBuilder().add(n2).build(), call("guiSelectedNotes"));
        JsonObject after = state();
        assertEquals(before.getString("screen"), after.getString("screen"), "the browser is a window of its own");

        // without a query the browser stays open on its search, and answers []
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, call("guiBrowse", o()));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, call("guiSelectedNotes"));
        assertTrue(yes("guiSelectCard", o("card", c1)));
    }

    @Test
    void concurrentMovesAllCount() throws Exception {
        String deck = "GuiRace-" + s;
        call("createDeck", o("deck", deck));
        note(deck, "race " + s);
        assertTrue(yes("guiDeckReview", o("name", deck)));
        JsonObject before = state();
        int threads = 6;
        int each = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    AnkiClient own = new AnkiClient(url);
                    boolean all = true;
                    for (int i = 0; i < each; i++) {
                        all &= own.call("guiPlayAudio") == JsonValue.TRUE;
                    }
                    return all;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertTrue(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject after = state();
        long moves = (long) threads * each;
        assertEquals(
                before.getJsonNumber("replay").longValue() + moves,
                after.getJsonNumber("replay").longValue());
        assertEquals(
                before.getJsonNumber("version").longValue() + moves,
                after.getJsonNumber("version").longValue());
        assertEquals(before.getJsonNumber("cardId"), after.getJsonNumber("cardId"));
    }

    JsonObject probe() {
        String profile = ((JsonString) call("getActiveProfile")).getString();
        URI uri = URI.create(url.toString())
                .resolve("_test/marks?profile=" + URLEncoder.encode(profile, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"marksProbe\", \"version\": 6}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return AnkiClient.parse(response.body()).asJsonObject();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("probe failed: " + e, e);
        }
    }
}
