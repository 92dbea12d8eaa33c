package dev.ankiconnect.load;

import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;

import dev.ankiconnect.support.AnkiClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** Fills a collection for a load test with {@code addNotes} batches and says how long it took. */
final class Seeding {

    private static final int BATCH = 500;

    private Seeding() {}

    /** A Basic note for addNote / addNotes / canAddNotes. */
    static JsonObject basic(String deck, String front, String back, String... tags) {
        JsonArrayBuilder t = Json.createArrayBuilder();
        for (String tag : tags) {
            t.add(tag);
        }
        return Json.createObjectBuilder()
                .add("deckName", deck)
                .add("modelName", "Basic")
                .add("fields", Json.createObjectBuilder().add("Front", front).add("Back", back))
                .add("tags", t)
                .build();
    }

    /** Creates the decks, adds {@code count} notes ({@code note.apply(i)}) in batches and returns their ids. */
    static List<Long> notes(AnkiClient client, List<String> decks, int count, IntFunction<JsonObject> note) {
        long start = System.nanoTime();
        for (String deck : decks) {
            client.call("createDeck", params("deck", Json.createValue(deck)));
        }
        List<Long> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += BATCH) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                batch.add(note.apply(i));
            }
            ids.addAll(longs(client.call("addNotes", params("notes", batch.build()))));
        }
        System.out.println(String.format(
                Locale.ROOT,
                "[load] seeded %d notes in %d decks in %.1f s",
                count,
                decks.size(),
                (System.nanoTime() - start) / 1e9));
        return ids;
    }
}
