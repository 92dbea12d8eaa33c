package dev.ankiconnect.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.startup.Tomcat;

/**
 * Many keep-alive clients at once on a seeded collection: does the server stay responsive, and how fast?
 * For each number of clients (each on its own connection, sending its next request as soon as the last
 * reply is in) and each mix it prints requests/s, p50, p99 and max latency, errors (HTTP status other
 * than 200, a reply whose "error" is not null, or a broken connection) and timeouts (no reply within
 * {@code bench.timeout} s, warm-up included: counted, the connection is dropped and opened again), and
 * "stuck": clients still without a reply after the timeout and a margin (abandoned, their socket closed).
 *
 * <ul>
 * <li>{@code read}: findNotes and findCards with typical queries, notesInfo and cardsInfo of 10 random ids of
 * the collection, deckNames; one of the five at random per request.</li>
 * <li>{@code dictionary}: what a browser dictionary sends per looked-up word w: deckNames, modelNames,
 * canAddNotes five times (one candidate note each: w and four variants), findNotes {@code "Front:w"}; and
 * every fourth lookup an addNote with a unique first field (so the collection changes under the readers).
 * Also printed: lookups/s.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -Pbench -DskipTests package exec:exec -Dbench.main=dev.ankiconnect.bench.ConcurrencyBenchmark}.
 * Embedded (the default): an embedded Tomcat with the WAR on 127.0.0.1:{@code bench.port} (default 18793),
 * a fresh collection of {@code BENCH_NOTES} notes (default 20000, {@link SearchBenchmark#note}) on
 * {@code BENCH_DB} ({@code derby}, the default, or {@code postgres}). {@code -Dbench.url=http://HOST:PORT/}:
 * an already running server instead (seeded through the API when its collection is empty).
 * Options: {@code bench.levels} (clients, default {@code 1,8,32,128,256}), {@code bench.seconds} (per level,
 * default 10), {@code bench.warmup} (seconds before each level, default 2), {@code bench.timeout} (seconds,
 * default 30), {@code bench.mixes} (default {@code read,dictionary}). Every level ends within
 * warmup + seconds + timeout + 15 s, whatever the server does: a run cannot hang.
 */
public final class ConcurrencyBenchmark {

    private static final String[] READ_NOTE_QUERIES = {
        "deck:Languages::Spanish",
        "deck:Science",
        "tag:chapter42",
        "tag:level::1",
        "tag:leech",
        "deck:Science -tag:level::2",
        "deck:History or tag:chapter7",
        "café"
    };
    private static final String[] READ_CARD_QUERIES = {
        "deck:History", "is:due", "prop:ivl>10", "is:due deck:Languages::French", "tag:chapter3"
    };

    /** Numbers the dictionary mix's added notes across clients and levels: each first field is new. */
    private static final AtomicLong UNIQUE = new AtomicLong();

    private ConcurrencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int notes = Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTES", "20000"));
        String db = System.getenv().getOrDefault("BENCH_DB", "derby");
        int port = BenchOptions.integer("bench.port", 18793);
        String url = BenchOptions.string("bench.url");
        int[] levels = BenchOptions.integers("bench.levels", 1, 8, 32, 128, 256);
        int seconds = BenchOptions.integer("bench.seconds", 10);
        int warmup = BenchOptions.integer("bench.warmup", 2);
        int timeout = BenchOptions.integer("bench.timeout", 30);
        String mixes =
                BenchOptions.string("bench.mixes") == null ? "read,dictionary" : BenchOptions.string("bench.mixes");
        BenchOptions.Target target = url == null ? BenchOptions.Target.local(port, "/") : BenchOptions.Target.of(url);

        BenchDatabase database = url == null ? BenchDatabase.start(db) : null;
        Tomcat tomcat = url == null
                ? EmbeddedServer.start(
                        port, Path.of("target", "bench-concurrency-" + db + "-" + System.currentTimeMillis()), false)
                : null;
        int code = 0;
        try {
            BenchClient client = new BenchClient(target.uri());
            int have = client.call("findNotes", query("")).asJsonArray().size();
            if (have == 0) {
                SearchBenchmark.seed(client, notes);
                if (database != null) {
                    database.analyze();
                }
            } else {
                System.out.println("reusing the collection of " + target.uri() + ": " + have + " notes");
            }
            Collection c = new Collection(
                    ids(client.call("findNotes", query("")).asJsonArray()),
                    ids(client.call("findCards", query("")).asJsonArray()),
                    "run" + System.currentTimeMillis());
            System.out.printf(
                    Locale.ROOT,
                    "%s on %s: %d notes, %d cards; levels %s, %d s each after %d s warm-up,"
                            + " timeout %d s; at most %d s in all%n",
                    url == null ? "embedded Tomcat" : "server",
                    target.uri(),
                    c.noteIds.length,
                    c.cardIds.length,
                    Arrays.toString(levels),
                    seconds,
                    warmup,
                    timeout,
                    mixes.split(",").length * levels.length * (warmup + seconds + timeout + 15));
            System.out.printf(
                    Locale.ROOT,
                    "%n%-10s %7s %9s %9s %8s %8s %9s %7s %8s %6s%n",
                    "mix",
                    "clients",
                    "req/s",
                    "lookups/s",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "errors",
                    "timeouts",
                    "stuck");
            List<String> rows = new ArrayList<>();
            for (String mix : mixes.split(",")) {
                Mix m = switch (mix.trim()) {
                    case "read" -> Mix.READ;
                    case "dictionary" -> Mix.DICTIONARY;
                    default -> throw new IllegalArgumentException("bench.mixes: read and/or dictionary, not " + mix);
                };
                for (int clients : levels) {
                    Result r = run(m, c, target, clients, warmup, seconds, timeout);
                    String row = String.format(
                            Locale.ROOT,
                            "%-10s %7d %9.0f %9s %8.1f %8.1f %9.1f %7d %8d %6d",
                            mix.trim(),
                            clients,
                            r.requests / r.elapsed,
                            m == Mix.DICTIONARY ? String.format(Locale.ROOT, "%.0f", r.lookups / r.elapsed) : "-",
                            r.percentile(50),
                            r.percentile(99),
                            r.percentile(100),
                            r.errors,
                            r.timeouts,
                            r.stuck);
                    System.out.println(row);
                    rows.add(row);
                    if (r.errors + r.timeouts + r.stuck > 0) {
                        // the figures stand, but a run in which a request failed is a failed run (exit 1)
                        code = 1;
                    }
                    if (r.firstError != null) {
                        System.out.println("           first error: " + r.firstError);
                    }
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            if (tomcat != null) {
                stopBounded(tomcat);
            }
            if (database != null) {
                database.close();
            }
        }
        // Client threads left stuck (reported above) and a server that would not stop must not keep the JVM.
        System.exit(code);
    }

    enum Mix {
        READ,
        DICTIONARY
    }

    /** The seeded collection's ids, and a prefix that makes this run's added notes unique. */
    private record Collection(long[] noteIds, long[] cardIds, String runId) {}

    private static final class Result {
        long requests;
        long lookups;
        long errors;
        long timeouts;
        long stuck;
        double elapsed;
        long[] micros = new long[0];
        String firstError;

        double percentile(int p) {
            if (micros.length == 0) {
                return 0;
            }
            int index = (int) Math.min(micros.length - 1, Math.ceil(p / 100.0 * micros.length) - 1);
            return micros[Math.max(0, index)] / 1000.0;
        }
    }

    /** One client's connection, counts and latencies. */
    private static final class Worker implements Runnable {
        final Mix mix;
        final Collection collection;
        final BenchOptions.Target target;
        final int timeoutMs;
        final int id;
        final SplittableRandom random;
        final CountDownLatch ready;
        final CountDownLatch go;
        volatile long measureFrom;
        volatile long end;
        volatile KeepAliveClient client;
        long requests;
        long lookups;
        long errors;
        long timeouts;
        long[] micros = new long[1024];
        int n;
        String firstError;
        int added;

        Worker(
                Mix mix,
                Collection collection,
                BenchOptions.Target target,
                int timeoutMs,
                int id,
                CountDownLatch ready,
                CountDownLatch go) {
            this.mix = mix;
            this.collection = collection;
            this.target = target;
            this.timeoutMs = timeoutMs;
            this.id = id;
            this.random = new SplittableRandom(id * 7919L + 17);
            this.ready = ready;
            this.go = go;
        }

        @Override
        public void run() {
            try {
                try {
                    client = new KeepAliveClient(target.host(), target.port(), target.path(), null, timeoutMs);
                } finally {
                    ready.countDown();
                }
                go.await();
                while (System.nanoTime() < end) {
                    if (mix == Mix.READ) {
                        send(readRequest());
                    } else {
                        lookup();
                    }
                }
            } catch (Exception e) {
                error("client stopped: " + e);
            }
        }

        private void lookup() {
            String w =
                    SearchBenchmark.word(random.nextInt(collection.noteIds.length + collection.noteIds.length / 5 + 1));
            boolean counted = System.nanoTime() >= measureFrom;
            send("{\"action\": \"deckNames\", \"version\": 6}");
            send("{\"action\": \"modelNames\", \"version\": 6}");
            for (int i = 0; i < 5 && System.nanoTime() < end; i++) {
                send("{\"action\": \"canAddNotes\", \"version\": 6, \"params\": {\"notes\": ["
                        + note(i == 0 ? w : w + "-" + i) + "]}}");
            }
            send(action("findNotes", query("\"Front:" + w + "\"")));
            if (++added % 4 == 0) {
                send("{\"action\": \"addNote\", \"version\": 6, \"params\": {\"note\": "
                        + note(collection.runId + "-" + UNIQUE.incrementAndGet()) + "}}");
            }
            if (counted && System.nanoTime() < end) {
                lookups++;
            }
        }

        private static String note(String front) {
            return Json.createObjectBuilder()
                    .add("deckName", "Languages::Spanish")
                    .add("modelName", "Basic")
                    .add(
                            "fields",
                            Json.createObjectBuilder().add("Front", front).add("Back", "a definition of " + front))
                    .add("tags", Json.createArrayBuilder().add("dictionary"))
                    .build()
                    .toString();
        }

        private String readRequest() {
            return switch (random.nextInt(5)) {
                case 0 -> action("findNotes", query(READ_NOTE_QUERIES[random.nextInt(READ_NOTE_QUERIES.length)]));
                case 1 -> action("findCards", query(READ_CARD_QUERIES[random.nextInt(READ_CARD_QUERIES.length)]));
                case 2 ->
                    action(
                            "notesInfo",
                            Json.createObjectBuilder()
                                    .add("notes", sample(collection.noteIds))
                                    .build());
                case 3 ->
                    action(
                            "cardsInfo",
                            Json.createObjectBuilder()
                                    .add("cards", sample(collection.cardIds))
                                    .build());
                default -> "{\"action\": \"deckNames\", \"version\": 6}";
            };
        }

        private jakarta.json.JsonArrayBuilder sample(long[] ids) {
            jakarta.json.JsonArrayBuilder b = Json.createArrayBuilder();
            for (int i = 0; i < 10; i++) {
                b.add(ids[random.nextInt(ids.length)]);
            }
            return b;
        }

        /** One request; its latency counts once the warm-up is over and it was sent before the end. */
        private void send(String body) {
            long start = System.nanoTime();
            if (start >= end) {
                return;
            }
            boolean counted = start >= measureFrom;
            try {
                int status = client.send(body);
                long took = System.nanoTime() - start;
                if (took > timeoutMs * 1_000_000L) {
                    timeout(counted, "reply after " + took / 1_000_000 + " ms");
                } else if (counted) {
                    record(took);
                    String reply = client.lastBody();
                    if (status != 200 || !reply.endsWith("\"error\": null}")) {
                        errors++;
                        if (firstError == null) {
                            firstError = "HTTP " + status + " "
                                    + (reply.length() > 300 ? reply.substring(0, 300) + "..." : reply);
                        }
                    }
                }
            } catch (SocketTimeoutException e) {
                timeout(counted, "no reply within " + timeoutMs + " ms");
                reconnect();
            } catch (IOException e) {
                if (counted) {
                    record(System.nanoTime() - start);
                    error("connection failed: " + e);
                }
                reconnect();
            }
        }

        /** Counted even when sent during the warm-up: a request that never gets a reply is what this measures. */
        private void timeout(boolean counted, String what) {
            timeouts++;
            if (counted) {
                requests++;
            }
            if (firstError == null) {
                firstError = "timeout: " + what;
            }
        }

        private void record(long nanos) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
            }
            micros[n++] = nanos / 1000;
            requests++;
        }

        private void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }

        private void reconnect() {
            while (System.nanoTime() < end) {
                try {
                    client.reconnect();
                    return;
                } catch (IOException e) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static Result run(
            Mix mix,
            Collection collection,
            BenchOptions.Target target,
            int clients,
            int warmup,
            int seconds,
            int timeout)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        Worker[] workers = new Worker[clients];
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            workers[i] = new Worker(mix, collection, target, timeout * 1000, i, ready, go);
            threads[i] = new Thread(workers[i], "bench-client-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        ready.await();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        for (Worker w : workers) {
            w.measureFrom = measureFrom;
            w.end = end;
        }
        go.countDown();
        // A request sent just before the end may take the whole timeout; after that (and a margin) give up on it.
        long giveUp = end + (timeout + 10) * 1_000_000_000L;
        Result r = new Result();
        for (int i = 0; i < clients; i++) {
            long left = (giveUp - System.nanoTime()) / 1_000_000;
            threads[i].join(Math.max(1, left));
            if (threads[i].isAlive()) {
                r.stuck++;
                KeepAliveClient c = workers[i].client;
                if (c != null) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // the thread is abandoned either way
                    }
                }
            }
        }
        r.elapsed = seconds;
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Worker w = workers[i];
            if (threads[i].isAlive()) {
                continue;
            }
            r.requests += w.requests;
            r.lookups += w.lookups;
            r.errors += w.errors;
            r.timeouts += w.timeouts;
            all.add(Arrays.copyOf(w.micros, w.n));
            if (r.firstError == null) {
                r.firstError = w.firstError;
            } else if (r.firstError.startsWith("client stopped") && w.firstError != null) {
                r.firstError = w.firstError;
            }
        }
        if (r.stuck > 0 && r.firstError == null) {
            r.firstError = r.stuck + " client(s) still waiting " + timeout + " s after the end";
        }
        r.micros = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        for (Worker w : workers) {
            KeepAliveClient c = w.client;
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing a connection the server already closed
                }
            }
        }
        return r;
    }

    private static String action(String action, JsonObject params) {
        return "{\"action\": \"" + action + "\", \"version\": 6, \"params\": " + params + "}";
    }

    private static JsonObject query(String q) {
        return Json.createObjectBuilder().add("query", q).build();
    }

    private static long[] ids(JsonArray a) {
        long[] r = new long[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.getJsonNumber(i).longValue();
        }
        return r;
    }

    /** Stops the embedded server, waiting at most a minute (its threads may still hang in the application). */
    private static void stopBounded(Tomcat tomcat) throws InterruptedException {
        Thread stopper = new Thread(
                () -> {
                    try {
                        EmbeddedServer.stop(tomcat);
                    } catch (Exception e) {
                        System.err.println("stopping the server: " + e);
                    }
                },
                "bench-stop");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(60_000);
        if (stopper.isAlive()) {
            System.out.println("the embedded server did not stop within 60 s");
        }
    }
}
