package dev.ankiconnect.bench;

import jakarta.json.Json;
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
import java.util.Random;
import org.apache.catalina.startup.Tomcat;

/**
 * findNotes / findCards at 100,000 notes (about 150,000 cards) on embedded Derby and on PostgreSQL
 * (io.zonky embedded): Basic, Basic (and reversed card) and two-gap Cloze notes in a deck tree, hierarchical
 * and mixed-case tags, some review history (answerCards, setDueDate); then a mix of typical client queries,
 * each timed over HTTP from the client many times (from sending the request until all of the reply has arrived;
 * building the request and parsing the reply are the client's own work and not timed). Prints per query median / p99 / max and the overall
 * median / p99 for each database. Targets: median &lt; 20 ms, p99 &lt; 100 ms, no query over 300 ms.
 *
 * <p>Run: {@code mvn -Pbench -Dbench.main=dev.ankiconnect.bench.SearchBenchmark -DskipTests package exec:exec}.
 * Environment: {@code BENCH_NOTES} (default 100000), {@code BENCH_DB} ({@code derby}, {@code postgres} or
 * {@code derby,postgres}, the default), {@code BENCH_RUNS} (timed runs per query, default 40), {@code BENCH_DATA}
 * (a Derby data directory of an earlier run to search again without seeding); port 18792 ({@code -Dbench.port=}).
 * PostgreSQL gets {@code VACUUM ANALYZE} after seeding, as autovacuum gives it shortly after a bulk load
 * ({@code BENCH_PG_VACUUM=0}: {@code ANALYZE} only, the minute after a bulk load; see {@link BenchDatabase#analyze}).
 * {@code ANKICONNECT_SEARCH_MEMORY_MB=0} in the environment measures the SQL path alone.
 */
public final class SearchBenchmark {

    private static final String[] DECKS = {
        "Languages::Spanish", "Languages::French", "Science::Biology", "Science::Physics::Mechanics", "History"
    };

    /** Held here: java.util.logging keeps loggers weakly, and the level set below must last. */
    private static final java.util.logging.Logger memoryLog =
            java.util.logging.Logger.getLogger("dev.ankiconnect.search.run.SearchMemory");

    private static BenchClient client;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTES", "100000"));
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "40"));
        String dbs = System.getenv().getOrDefault("BENCH_DB", "derby,postgres");
        int port = Integer.getInteger("bench.port", 18792);
        // the server runs in this JVM: show SearchMemory's line on each read of a collection (notes, cards, size)
        memoryLog.setLevel(java.util.logging.Level.FINE);
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(java.util.logging.Level.FINE);
        memoryLog.addHandler(handler);
        client = new BenchClient(port);
        List<String> summary = new ArrayList<>();
        for (String db : dbs.split(",")) {
            BenchDatabase database = BenchDatabase.start(db);
            String reuse = System.getenv("BENCH_DATA");
            Path data = reuse != null && db.equals("derby")
                    ? Path.of(reuse)
                    : Path.of("target", "bench-search-" + db + "-" + System.currentTimeMillis());
            Tomcat tomcat = EmbeddedServer.start(port, data, false);
            try {
                int have = call(
                                "findNotes",
                                Json.createObjectBuilder().add("query", "").build())
                        .asJsonArray()
                        .size();
                if (have == 0) {
                    seed(client, total);
                    database.analyze();
                } else {
                    System.out.println("reusing " + data + " with " + have + " notes");
                    total = have;
                }
                summary.add(queries(db, total, runs));
            } finally {
                EmbeddedServer.stop(tomcat);
                database.close();
            }
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    static String word(int i) {
        return "word" + i;
    }

    /** Half Basic, 3/10 Basic (and reversed card), 2/10 Cloze with two gaps: 1.5 cards a note. */
    static JsonObject note(int i) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        String model;
        int kind = i % 10;
        if (kind >= 8) {
            model = "Cloze";
            fields.add("Text", "{{c1::" + word(i) + "}} means {{c2::meaning " + i + "}}")
                    .add("Back Extra", "extra");
        } else {
            model = kind >= 5 ? "Basic (and reversed card)" : "Basic";
            fields.add("Front", word(i)).add("Back", "the <b>meaning</b> of " + i + (i % 7 == 0 ? " café" : ""));
        }
        JsonArrayBuilder tags = Json.createArrayBuilder()
                .add("chapter" + (i % 100))
                .add("level::" + (i % 3))
                .add(i % 2 == 0 ? "Verb" : "noun");
        if (i % 11 == 0) {
            tags.add("leech");
        }
        return Json.createObjectBuilder()
                .add("deckName", DECKS[i % DECKS.length])
                .add("modelName", model)
                .add("fields", fields)
                .add("tags", tags)
                .build();
    }

    /**
     * Seeds {@code total} notes ({@link #note}) through the API, in batches of 1,000, and some review history.
     * Also used by {@link ConcurrencyBenchmark}.
     */
    static void seed(BenchClient client, int total) throws Exception {
        for (String d : DECKS) {
            client.call("createDeck", Json.createObjectBuilder().add("deck", d).build());
        }
        long start = System.nanoTime();
        int batch = 1000;
        for (int b = 0; b * batch < total; b++) {
            JsonArrayBuilder notes = Json.createArrayBuilder();
            for (int i = b * batch; i < Math.min(total, (b + 1) * batch); i++) {
                notes.add(note(i));
            }
            client.call(
                    "addNotes", Json.createObjectBuilder().add("notes", notes).build());
        }
        JsonArray cards = client.call(
                        "findCards", Json.createObjectBuilder().add("query", "").build())
                .asJsonArray();
        System.out.printf(
                Locale.ROOT,
                "seeded %d notes, %d cards in %.0f s%n",
                total,
                cards.size(),
                (System.nanoTime() - start) / 1e9);
        // review history: one card in 15 gets a due date 0-40 days away (reviews with that interval),
        // one in 50 is answered (Again / Good / Easy)
        Random rnd = new Random(42);
        JsonArrayBuilder resched = Json.createArrayBuilder();
        JsonArrayBuilder answers = Json.createArrayBuilder();
        int nResched = 0;
        int nAnswers = 0;
        for (int i = 0; i < cards.size(); i++) {
            long id = ((JsonNumber) cards.get(i)).longValue();
            if (i % 15 == 0) {
                resched.add(id);
                nResched++;
                if (nResched % 500 == 0) {
                    client.call(
                            "setDueDate",
                            Json.createObjectBuilder()
                                    .add("cards", resched)
                                    .add("days", "0-40!")
                                    .build());
                    resched = Json.createArrayBuilder();
                }
            } else if (i % 50 == 1) {
                answers.add(Json.createObjectBuilder()
                        .add("cardId", id)
                        .add("ease", 1 + 2 * rnd.nextInt(2) + rnd.nextInt(2)));
                nAnswers++;
                if (nAnswers % 500 == 0) {
                    client.call(
                            "answerCards",
                            Json.createObjectBuilder().add("answers", answers).build());
                    answers = Json.createArrayBuilder();
                }
            }
        }
        client.call(
                "setDueDate",
                Json.createObjectBuilder()
                        .add("cards", resched)
                        .add("days", "0-40!")
                        .build());
        client.call(
                "answerCards",
                Json.createObjectBuilder().add("answers", answers).build());
        System.out.printf(
                Locale.ROOT,
                "history: %d cards rescheduled, %d answered; %.0f s in all%n",
                nResched,
                nAnswers,
                (System.nanoTime() - start) / 1e9);
    }

    private static String queries(String db, int total, int runs) throws Exception {
        String w1 = word(54_321 % total);
        String w2 = word(12_345 % total);
        String[][] mix = {
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
        System.out.printf(Locale.ROOT, "%n== %s, %d notes, %d timed runs per query ==%n", db, total, runs);
        List<Double> all = new ArrayList<>();
        double worst = 0;
        for (String[] q : mix) {
            JsonObject params = Json.createObjectBuilder().add("query", q[1]).build();
            int size = call(q[0], params).asJsonArray().size();
            for (int i = 0; i < 2; i++) {
                call(q[0], params);
            }
            double[] ms = new double[runs];
            String request = client.request(q[0], params);
            for (int r = 0; r < runs; r++) {
                // from sending the request until all of the reply has arrived; parsing it is the client's work
                long t = System.nanoTime();
                String reply = client.send(request);
                ms[r] = (System.nanoTime() - t) / 1e6;
                all.add(ms[r]);
                client.result(q[0], reply);
            }
            Arrays.sort(ms);
            worst = Math.max(worst, ms[runs - 1]);
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
        // the first search after a write reads the collection into memory again (search.run.SearchMemory logs its size)
        JsonObject tagOne = Json.createObjectBuilder()
                .add(
                        "notes",
                        Json.createArrayBuilder()
                                .add(call(
                                                "findNotes",
                                                Json.createObjectBuilder()
                                                        .add("query", "\"Front:" + w2 + "\"")
                                                        .build())
                                        .asJsonArray()
                                        .getJsonNumber(0)
                                        .longValue()))
                .add("tags", "bench-touched")
                .build();
        double[] reload = new double[10];
        for (int i = 0; i < reload.length; i++) {
            call(i % 2 == 0 ? "addTags" : "removeTags", tagOne);
            long t = System.nanoTime();
            call(
                    "findNotes",
                    Json.createObjectBuilder().add("query", "deck:History").build());
            reload[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(reload);
        System.out.printf(
                Locale.ROOT,
                "first search after a write (reads the collection into memory): median %.0f ms," + " max %.0f ms%n",
                reload[reload.length / 2],
                reload[reload.length - 1]);
        // once writes pause, the server reads the copy in the background: a search a second later finds it ready
        double[] later = new double[5];
        for (int i = 0; i < later.length; i++) {
            call(i % 2 == 0 ? "addTags" : "removeTags", tagOne);
            Thread.sleep(1000);
            long t = System.nanoTime();
            call(
                    "findNotes",
                    Json.createObjectBuilder().add("query", "deck:History").build());
            later[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(later);
        System.out.printf(
                Locale.ROOT,
                "search a second after a write: median %.0f ms, max %.0f ms%n",
                later[later.length / 2],
                later[later.length - 1]);
        double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String line = String.format(
                Locale.ROOT,
                "%s: overall median %.1f ms, p99 %.1f ms, max %.1f ms over %d queries"
                        + " (targets: median < 20, p99 < 100, max < 300); search right after a write: median %.0f ms,"
                        + " a second after: %.0f ms",
                db,
                a[a.length / 2],
                pct(a, 0.99),
                worst,
                a.length,
                reload[reload.length / 2],
                later[later.length / 2]);
        System.out.println(line);
        return line;
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static JsonValue call(String action, JsonObject params) throws Exception {
        return client.call(action, params);
    }
}
