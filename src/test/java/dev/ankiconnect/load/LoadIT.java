package dev.ankiconnect.load;

import static dev.ankiconnect.support.Fixtures.ids;
import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 64 keep-alive clients for 10 s on a collection of {@value #SEED} notes, each mixing reads (findNotes, findCards,
 * notesInfo, cardsInfo, deckNames) and writes (addNote, updateNoteFields, answerCards, storeMediaFile). Every
 * request must get a 200 with a JSON reply without error within 30 s. Afterwards the collection must hold exactly
 * what was acknowledged: every added note once, the last field value each client wrote, one review per answer,
 * every stored file, and notes and cards that agree with each other.
 */
@ExtendWith(ArquillianExtension.class)
class LoadIT {

    static final int SEED = 2_000;
    static final int CLIENTS = 64;
    static final Duration RUN = Duration.ofSeconds(10);
    static final List<String> DECKS =
            IntStream.range(0, 4).mapToObj(i -> "Load" + i).toList();

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("load");
    }

    @ArquillianResource
    URL url;

    /** What the server acknowledged during the run. */
    final Map<String, Long> added = new ConcurrentHashMap<>();

    final Map<Long, String> lastBack = new ConcurrentHashMap<>();
    final LongAdder answered = new LongAdder();
    final Set<String> media = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void mixedReadsAndWritesFrom64ClientsAreAllAnsweredAndLeaveAConsistentCollection() throws Exception {
        AnkiClient client = new AnkiClient(url);
        URI uri = url.toURI();
        List<Long> notes = Seeding.notes(
                client, DECKS, SEED, i -> Seeding.basic(DECKS.get(i % DECKS.size()), "seed-" + i, "back " + i, "seed"));
        List<Long> cards = longs(client.call("findCards", params("query", Json.createValue("tag:seed"))));
        assertEquals(SEED, cards.size());

        LoadRun.Result result =
                LoadRun.run("LoadIT-mixed-64", uri, CLIENTS, RUN, null, (s, c, n) -> step(s, c, n, notes, cards));
        LoadRun.assertClean(result, LoadRun.stillAnswers(uri, Duration.ofSeconds(10)));
        assertTrue(result.counts().getOrDefault("addNote", 0L) > 0, "no addNote was sent: " + result.summary());

        verifyAdds(client);
        verifyConsistency(client, SEED + added.size());
    }

    private void step(LoadRun.Session s, int c, long n, List<Long> notes, List<Long> cards) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String deck = DECKS.get(r.nextInt(DECKS.size()));
        switch ((int) ((n + c) % 10)) {
            case 0 -> s.call("findNotes", params("query", Json.createValue("deck:" + deck)));
            case 1 -> s.call("findCards", params("query", Json.createValue("deck:" + deck + " is:new")));
            case 2 -> s.call("notesInfo", params("notes", ids(sample(notes, 10, r))));
            case 3 -> s.call("cardsInfo", params("cards", ids(sample(cards, 10, r))));
            case 4 -> s.call("deckNames");
            case 5 -> {
                String front = "add-c" + c + "-n" + n;
                JsonValue id = s.call("addNote", params("note", Seeding.basic(deck, front, "added", "added")));
                Long previous = added.put(front, ((jakarta.json.JsonNumber) id).longValue());
                assertEquals(null, previous, "two acknowledged adds of " + front);
            }
            case 6 -> {
                // Each client updates only the seeded notes it owns, so its last acknowledged value must stay.
                int owned = (SEED - 1 - c) / CLIENTS + 1;
                long note = notes.get(c + CLIENTS * r.nextInt(owned));
                String back = "updated c" + c + " n" + n;
                s.call(
                        "updateNoteFields",
                        params(
                                "note",
                                Json.createObjectBuilder()
                                        .add("id", note)
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder().add("Back", back))
                                        .build()));
                lastBack.put(note, back);
            }
            case 7 -> {
                JsonArray result = s.call(
                                "answerCards",
                                params(
                                        "answers",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("cardId", cards.get(r.nextInt(cards.size())))
                                                        .add("ease", 1 + r.nextInt(4)))
                                                .build()))
                        .asJsonArray();
                assertEquals(JsonValue.TRUE, result.get(0), "answerCards of a seeded card");
                answered.increment();
            }
            case 8 -> {
                String name = "_load_c" + c + "_n" + n + ".txt";
                s.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", name)
                                .add("data", Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)))
                                .build());
                media.add(name);
            }
            default -> s.call("findNotes", params("query", Json.createValue("front:seed-" + r.nextInt(SEED))));
        }
    }

    /** Every acknowledged addNote is found exactly once by its unique field (100 per OR query). */
    private void verifyAdds(AnkiClient client) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(added.entrySet());
        assertEquals(all.size(), new HashSet<>(added.values()).size(), "two adds acknowledged with one id");
        for (int from = 0; from < all.size(); from += 100) {
            List<Map.Entry<String, Long>> chunk = all.subList(from, Math.min(all.size(), from + 100));
            String query = chunk.stream().map(e -> "front:" + e.getKey()).collect(Collectors.joining(" or "));
            List<Long> found = longs(client.call("findNotes", params("query", Json.createValue(query))));
            Set<Long> expected = chunk.stream().map(Map.Entry::getValue).collect(Collectors.toSet());
            assertEquals(chunk.size(), found.size(), "notes found for " + chunk.size() + " acknowledged adds");
            assertEquals(expected, new HashSet<>(found), "the acknowledged ids of the adds");
        }
        assertEquals(
                added.size(),
                longs(client.call("findNotes", params("query", Json.createValue("tag:added"))))
                        .size(),
                "notes tagged by addNote");
    }

    /** Notes and cards agree, updates and answers are there, every stored file is listed. */
    private void verifyConsistency(AnkiClient client, int expectedNotes) {
        List<Long> noteIds = longs(client.call("findNotes", params("query", Json.createValue(""))));
        List<Long> cardIds = longs(client.call("findCards", params("query", Json.createValue(""))));
        assertEquals(expectedNotes, noteIds.size(), "notes: seeded plus acknowledged adds");
        assertEquals(expectedNotes, new HashSet<>(noteIds).size(), "findNotes lists each note once");
        assertEquals(expectedNotes, cardIds.size(), "one card per Basic note");

        Set<Long> noteSet = new HashSet<>(noteIds);
        Set<Long> cardsOfNotes = new HashSet<>();
        Map<Long, String> backs = new HashMap<>();
        for (JsonObject note : info(client, "notesInfo", "notes", noteIds)) {
            JsonArray own = note.getJsonArray("cards");
            assertFalse(own == null || own.isEmpty(), "a note without cards: " + note);
            assertEquals(1, own.size(), "a Basic note with other than one card: " + note);
            cardsOfNotes.addAll(longs(own));
            backs.put(
                    note.getJsonNumber("noteId").longValue(),
                    note.getJsonObject("fields").getJsonObject("Back").getString("value"));
        }
        assertEquals(new HashSet<>(cardIds), cardsOfNotes, "the cards findCards lists are the notes' cards");

        long reps = 0;
        for (JsonObject card : info(client, "cardsInfo", "cards", cardIds)) {
            assertTrue(card.containsKey("cardId"), "a listed card that cardsInfo does not know: " + card);
            assertTrue(noteSet.contains(card.getJsonNumber("note").longValue()), "a card without its note: " + card);
            reps += card.getInt("reps");
        }
        assertEquals(answered.sum(), reps, "reps over all cards: one per acknowledged answer");
        assertEquals(
                answered.sum(),
                ((jakarta.json.JsonNumber) client.call("getNumCardsReviewedToday")).longValue(),
                "reviews today: one per acknowledged answer");

        lastBack.forEach((note, back) -> assertEquals(back, backs.get(note), "the last acknowledged Back of " + note));

        Set<String> listed = new HashSet<>();
        client.call("getMediaFilesNames", params("pattern", Json.createValue("_load_*")))
                .asJsonArray()
                .forEach(v -> listed.add(((jakarta.json.JsonString) v).getString()));
        assertEquals(media, listed, "stored media files");
        System.out.println("[load] LoadIT after the run: " + expectedNotes + " notes, " + cardIds.size() + " cards, "
                + added.size() + " added, " + lastBack.size() + " notes updated, " + answered.sum() + " answers, "
                + media.size() + " media files: consistent");
    }

    private static List<JsonObject> info(AnkiClient client, String action, String key, List<Long> idList) {
        List<JsonObject> out = new ArrayList<>(idList.size());
        for (int from = 0; from < idList.size(); from += 500) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            idList.subList(from, Math.min(idList.size(), from + 500)).forEach(b::add);
            client.call(action, params(key, b.build())).asJsonArray().forEach(v -> out.add(v.asJsonObject()));
        }
        return out;
    }

    private static List<Long> sample(List<Long> from, int n, ThreadLocalRandom r) {
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(from.get(r.nextInt(from.size())));
        }
        return out;
    }
}
