package dev.ankiconnect.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.startup.Tomcat;

/**
 * Notes and cards at 100,000 notes on embedded Derby: addNotes in batches of 1,000 (Basic and
 * Cloze mixed), then canAddNotes of 100 candidates, notesInfo and cardsInfo of 1,000 ids and
 * findNotes for a first-field value, each timed over HTTP from the client (medians; from sending the request
 * until all of the reply has arrived, building the request and parsing the reply being the client's work).
 *
 * <p>Run: {@code mvn -Pbench -Dbench.main=dev.ankiconnect.bench.NotesBenchmark -DskipTests package exec:exec}.
 * Options: environment variables {@code BENCH_NOTES} (default 100000) and {@code BENCH_DB} ({@code derby}, the
 * default, or {@code postgres}); port 18791 ({@code -Dbench.port=}).
 */
public final class NotesBenchmark {

    /**
     * One provider: {@code Json.create...} looks the provider up on every call, which cost the
     * client about 250 ms per batch of 1,000 notes, counted in the addNotes rate.
     */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private static BenchClient client;

    private NotesBenchmark() {}

    public static void main(String[] args) throws Exception {
        // exec:exec forks java without Maven's -D properties: the environment works as well
        int total = Integer.getInteger(
                "bench.notes", Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTES", "100000")));
        int port = Integer.getInteger("bench.port", 18791);
        Path data = Path.of("target", "bench-notes-" + System.currentTimeMillis());
        BenchDatabase database = BenchDatabase.start(System.getenv().getOrDefault("BENCH_DB", "derby"));
        Tomcat tomcat = EmbeddedServer.start(port, data, false);
        client = new BenchClient(port);
        try {
            call("createDeck", JSON.createObjectBuilder().add("deck", "Bench").build());
            int batch = 1000;
            List<Long> noteIds = new ArrayList<>(total);
            long start = System.nanoTime();
            double[] batchMs = new double[(total + batch - 1) / batch];
            for (int b = 0; b * batch < total; b++) {
                JsonArrayBuilder notes = JSON.createArrayBuilder();
                for (int i = b * batch; i < Math.min(total, (b + 1) * batch); i++) {
                    notes.add(note(i));
                }
                long t = System.nanoTime();
                JsonValue ids = call(
                        "addNotes",
                        JSON.createObjectBuilder().add("notes", notes).build());
                batchMs[b] = (System.nanoTime() - t) / 1e6;
                for (JsonValue v : ids.asJsonArray()) {
                    noteIds.add(((JsonNumber) v).longValue());
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            Arrays.sort(batchMs);
            System.out.printf(
                    Locale.ROOT,
                    "%naddNotes: %d notes in %.1f s = %.0f notes/s (batch of %d: median %.0f ms, max %.0f ms)%n",
                    total,
                    secs,
                    total / secs,
                    batch,
                    batchMs[batchMs.length / 2],
                    batchMs[batchMs.length - 1]);

            JsonArrayBuilder candidates = JSON.createArrayBuilder();
            for (int i = 0; i < 100; i++) {
                candidates.add(note(i % 2 == 0 ? i * 997 % total : total + i));
            }
            JsonObject canAdd =
                    JSON.createObjectBuilder().add("notes", candidates).build();
            report("canAddNotes (100 candidates)", "canAddNotes", canAdd, 20, 20);

            JsonArrayBuilder some = JSON.createArrayBuilder();
            for (int i = 0; i < 1000; i++) {
                some.add(noteIds.get((int) ((long) i * 97 % noteIds.size())));
            }
            JsonArray thousand = some.build();
            report(
                    "notesInfo (1,000 ids)",
                    "notesInfo",
                    JSON.createObjectBuilder().add("notes", thousand).build(),
                    20,
                    50);
            JsonValue cards = call(
                    "findCards",
                    JSON.createObjectBuilder().add("query", "deck:Bench").build());
            JsonArrayBuilder someCards = JSON.createArrayBuilder();
            JsonArray cardArray = cards.asJsonArray();
            for (int i = 0; i < 1000 && i < cardArray.size(); i++) {
                someCards.add(cardArray.get(i));
            }
            report(
                    "cardsInfo (1,000 ids)",
                    "cardsInfo",
                    JSON.createObjectBuilder().add("cards", someCards).build(),
                    20,
                    50);
            String word = word(54_321 % total);
            report(
                    "findNotes Front:" + word,
                    "findNotes",
                    JSON.createObjectBuilder().add("query", "Front:" + word).build(),
                    10,
                    20);
            report(
                    "findNotes \"" + word + "\"",
                    "findNotes",
                    JSON.createObjectBuilder().add("query", word).build(),
                    10,
                    20);
            report(
                    "findNotes deck:Bench (all)",
                    "findNotes",
                    JSON.createObjectBuilder().add("query", "deck:Bench").build(),
                    5,
                    0);
        } finally {
            EmbeddedServer.stop(tomcat);
            database.close();
        }
    }

    static String word(int i) {
        return "word" + i;
    }

    /** Every third note is a Cloze note. */
    static JsonObject note(int i) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        String model;
        if (i % 3 == 2) {
            model = "Cloze";
            fields.add("Text", "{{c1::" + word(i) + "}} means {{c2::meaning " + i + "}}")
                    .add("Back Extra", "extra");
        } else {
            model = "Basic";
            fields.add("Front", word(i)).add("Back", "the <b>meaning</b> of " + i);
        }
        return JSON.createObjectBuilder()
                .add("deckName", "Bench")
                .add("modelName", model)
                .add("fields", fields)
                .add("tags", JSON.createArrayBuilder().add("bench").add("group" + (i % 50)))
                .build();
    }

    /**
     * Times {@code runs} calls after one untimed call, each from sending the request until all of the reply has
     * arrived; building the request and parsing the reply are the client's own work and happen outside.
     */
    private static void report(String label, String action, JsonObject params, int runs, int targetMs)
            throws Exception {
        call(action, params);
        String request = client.request(action, params);
        double[] ms = new double[runs];
        int size = 0;
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            String reply = client.send(request);
            ms[r] = (System.nanoTime() - t) / 1e6;
            JsonValue result = client.result(action, reply);
            size = result instanceof JsonArray a ? a.size() : 1;
        }
        Arrays.sort(ms);
        System.out.printf(
                Locale.ROOT,
                "%-36s median %7.1f ms  min %7.1f ms  (%d results)%s%n",
                label,
                ms[runs / 2],
                ms[0],
                size,
                targetMs > 0 ? String.format(Locale.ROOT, "  target < %d ms", targetMs) : "");
    }

    private static JsonValue call(String action, JsonObject params) throws Exception {
        return client.call(action, params);
    }
}
