package dev.ankiconnect.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.catalina.startup.Tomcat;

/**
 * Searches right after a write (issue 13): seeds {@code BENCH_NOTES} notes (default 100,000, about 1.5 cards each, the
 * {@link SearchBenchmark} collection) on {@code BENCH_DB} ({@code derby}, the default, or {@code postgres}) through
 * addNotes in batches of 1,000, timing them (addNotes throughput); then the SearchBenchmark mix of 18 queries, each
 * timed {@code BENCH_RUNS} times (default 10) with no write before it, and right after a one-note write:
 * {@code updateNoteFields}, {@code addNote}, {@code deleteNotes} (the write untimed, the search timed from sending the
 * request until all of the reply has arrived). Prints per write the median / p99 / max over the mix and the ratio of
 * the medians (target: at most 2). {@code BENCH_LOG=true} prints each read and catch-up of the in-memory copy with
 * its time.
 *
 * <p>Run: {@code BENCH_DB=derby mvn -Pbench -DskipTests package exec:exec
 * -Dbench.main=dev.ankiconnect.bench.FreshnessBenchmark}; port {@code -Dbench.port=} (default 18812).
 */
public final class FreshnessBenchmark {

    private static final String[] DECKS = {
        "Languages::Spanish", "Languages::French", "Science::Biology", "Science::Physics::Mechanics", "History"
    };

    private static BenchClient client;

    /** Held here: java.util.logging keeps loggers weakly, and the level set below must last. */
    private static final java.util.logging.Logger memoryLog =
            java.util.logging.Logger.getLogger("dev.ankiconnect.search.run.SearchMemory");

    private FreshnessBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTES", "100000"));
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "10"));
        String db = System.getenv().getOrDefault("BENCH_DB", "derby");
        int port = Integer.getInteger("bench.port", 18812);
        client = new BenchClient(port);
        if (Boolean.parseBoolean(System.getenv().getOrDefault("BENCH_LOG", "false"))) {
            // the server runs in this JVM: show SearchMemory's line on each read and catch-up of the copy
            memoryLog.setLevel(java.util.logging.Level.FINE);
            java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
            handler.setLevel(java.util.logging.Level.FINE);
            memoryLog.addHandler(handler);
        }
        BenchDatabase database = BenchDatabase.start(db);
        Path data = Path.of("target", "bench-fresh-" + db + "-" + System.currentTimeMillis());
        Tomcat tomcat = EmbeddedServer.start(port, data, false);
        List<String> summary = new ArrayList<>();
        try {
            summary.add(seed(db, total));
            database.analyze();
            summary.addAll(mix(db, total, runs));
        } finally {
            EmbeddedServer.stop(tomcat);
            database.close();
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    /** addNotes in batches of 1,000, timed; then some review history (as SearchBenchmark). */
    private static String seed(String db, int total) throws Exception {
        for (String d : DECKS) {
            call("createDeck", Json.createObjectBuilder().add("deck", d).build());
        }
        int batch = 1000;
        double[] batchMs = new double[(total + batch - 1) / batch];
        double addMs = 0;
        for (int b = 0; b * batch < total; b++) {
            JsonArrayBuilder notes = Json.createArrayBuilder();
            for (int i = b * batch; i < Math.min(total, (b + 1) * batch); i++) {
                notes.add(SearchBenchmark.note(i));
            }
            String request = client.request(
                    "addNotes", Json.createObjectBuilder().add("notes", notes).build());
            long t = System.nanoTime();
            String reply = client.send(request);
            batchMs[b] = (System.nanoTime() - t) / 1e6;
            addMs += batchMs[b];
            client.result("addNotes", reply);
        }
        Arrays.sort(batchMs);
        String line = String.format(
                Locale.ROOT,
                "%s: addNotes %d notes in %.1f s = %.0f notes/s (batch of %d: median %.0f ms," + " max %.0f ms)",
                db,
                total,
                addMs / 1000,
                total / (addMs / 1000),
                batch,
                batchMs[batchMs.length / 2],
                batchMs[batchMs.length - 1]);
        System.out.println(line);
        JsonArray cards = call(
                        "findCards", Json.createObjectBuilder().add("query", "").build())
                .asJsonArray();
        Random rnd = new Random(42);
        JsonArrayBuilder resched = Json.createArrayBuilder();
        JsonArrayBuilder answers = Json.createArrayBuilder();
        for (int i = 0; i < cards.size(); i++) {
            long id = ((JsonNumber) cards.get(i)).longValue();
            if (i % 15 == 0) {
                resched.add(id);
            } else if (i % 50 == 1) {
                answers.add(Json.createObjectBuilder()
                        .add("cardId", id)
                        .add("ease", 1 + 2 * rnd.nextInt(2) + rnd.nextInt(2)));
            }
        }
        call(
                "setDueDate",
                Json.createObjectBuilder()
                        .add("cards", resched)
                        .add("days", "0-40!")
                        .build());
        call("answerCards", Json.createObjectBuilder().add("answers", answers).build());
        return line;
    }

    private static String[][] queries(int total) {
        String w1 = SearchBenchmark.word(54_321 % total);
        String w2 = SearchBenchmark.word(12_345 % total);
        return new String[][] {
            {"findNotes", "deck:Languages::Spanish"},
            {"findNotes", "deck:Science"},
            {"findCards", "deck:History"},
            {"findNotes", "tag:chapter42"},
            {"findNotes", "tag:level::1"},
            {"findNotes", "tag:leech"},
            {"findNotes", "\"Front:" + w1 + "\""},
            {"findNotes", "Front:" + w2},
            {"findCards", "is:due"},
            {"findCards", "prop:ivl>10"},
            {"findNotes", w1},
            {"findNotes", "café"},
            {"findNotes", "deck:History or tag:chapter7"},
            {"findNotes", "deck:Science -tag:level::2"},
            {"findCards", "is:due deck:Languages::French"},
            {"findNotes", "tag:chapter3 -is:new"},
            {"findCards", "rated:1"},
            {"findNotes", "\"deck:Languages::Spanish\" (tag:verb or tag:leech)"},
        };
    }

    /** A one-note write before each timed search, or none. */
    private interface Write {
        void run(int i) throws Exception;
    }

    private static List<String> mix(String db, int total, int runs) throws Exception {
        String[][] mix = queries(total);
        long edited = call(
                        "findNotes",
                        Json.createObjectBuilder()
                                .add("query", "\"Front:" + SearchBenchmark.word(7) + "\"")
                                .build())
                .asJsonArray()
                .getJsonNumber(0)
                .longValue();
        // notes to delete, one before each search of the deleteNotes round
        JsonArrayBuilder pool = Json.createArrayBuilder();
        for (int i = 0; i < mix.length * runs; i++) {
            pool.add(SearchBenchmark.note(total + 1_000_000 + i));
        }
        JsonArray doomed = call(
                        "addNotes",
                        Json.createObjectBuilder().add("notes", pool).build())
                .asJsonArray();
        int[] added = {0};
        Write none = i -> {};
        Write update = i -> call(
                "updateNoteFields",
                Json.createObjectBuilder()
                        .add(
                                "note",
                                Json.createObjectBuilder()
                                        .add("id", edited)
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder().add("Back", "edited " + i)))
                        .build());
        Write add = i -> call(
                "addNote",
                Json.createObjectBuilder()
                        .add("note", SearchBenchmark.note(total + 2_000_000 + added[0]++))
                        .build());
        Write delete = i -> call(
                "deleteNotes",
                Json.createObjectBuilder()
                        .add(
                                "notes",
                                Json.createArrayBuilder()
                                        .add(doomed.getJsonNumber(i).longValue()))
                        .build());
        List<String> out = new ArrayList<>();
        double base = round(db, "no write", none, mix, runs, out);
        for (Object[] w : new Object[][] {{"updateNoteFields", update}, {"addNote", add}, {"deleteNotes", delete}}) {
            double median = round(db, "after " + w[0], (Write) w[1], mix, runs, out);
            out.set(
                    out.size() - 1,
                    out.get(out.size() - 1)
                            + String.format(
                                    Locale.ROOT, "; %.2fx the median with no write (target <= 2)", median / base));
        }
        return out;
    }

    /** The mix, each query {@code runs} times after {@code write}; adds the summary line to {@code out}, returns the median. */
    private static double round(String db, String name, Write write, String[][] mix, int runs, List<String> out)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s, search %s, %d runs per query ==%n", db, name, runs);
        List<Double> all = new ArrayList<>();
        int at = 0;
        for (String[] q : mix) {
            JsonObject params = Json.createObjectBuilder().add("query", q[1]).build();
            String request = client.request(q[0], params);
            // warm: the copy is current before the first timed search of the no-write round
            call(q[0], params);
            call(q[0], params);
            double[] ms = new double[runs];
            int size = 0;
            for (int r = 0; r < runs; r++) {
                write.run(at++);
                long t = System.nanoTime();
                String reply = client.send(request);
                ms[r] = (System.nanoTime() - t) / 1e6;
                all.add(ms[r]);
                size = client.result(q[0], reply).asJsonArray().size();
            }
            Arrays.sort(ms);
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %-52s median %7.1f  p99 %7.1f  max %7.1f ms  (%d ids)%n",
                    q[0],
                    q[1],
                    ms[runs / 2],
                    pct(ms, 0.99),
                    ms[runs - 1],
                    size);
        }
        double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = a[a.length / 2];
        out.add(String.format(
                Locale.ROOT,
                "%s, search %s: median %.1f ms, p99 %.1f ms, max %.1f ms over %d searches",
                db,
                name,
                median,
                pct(a, 0.99),
                a[a.length - 1],
                a.length));
        System.out.println(out.get(out.size() - 1));
        return median;
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static JsonValue call(String action, JsonObject params) throws Exception {
        return client.call(action, params);
    }
}
