package dev.ankiconnect.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a number of keep-alive clients against a deployment for a bounded time, each on an HTTP/1.1 connection of
 * its own ({@link HttpClient} keeps it open between requests), and counts what they sent. Every request must get
 * a 200 with a JSON reply whose {@code error} is null within {@link #REQUEST_TIMEOUT}; the first one that does not
 * stops all clients. The run always ends: clients are daemon threads, the phase has a hard deadline after which
 * they are abandoned, and a hung request ends at its timeout. A failed phase writes a thread dump
 * ({@link ThreadDumps}), so a hang shows where the server's threads wait.
 */
final class LoadRun {

    /** Client-side bound of every request: a hang detector, far above any normal reply. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One provider: {@code Json.create...} would look it up on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    /** One step of a client: sends one or more requests through the session. */
    @FunctionalInterface
    interface Step {
        void run(Session session, int client, long iteration) throws Exception;
    }

    /** A client's connection: sends version-6 actions, checks and counts the replies. */
    static final class Session {
        private final HttpClient http;
        private final URI uri;
        private final Duration timeout;
        private final Map<String, LongAdder> counts;

        Session(URI uri, Duration timeout, Map<String, LongAdder> counts) {
            // One client, one connection (HTTP/1.1 keep-alive); its threads are daemons.
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            this.uri = uri;
            this.timeout = timeout;
            this.counts = counts;
        }

        /** Runs an action and returns its result; anything but a 200 JSON reply without error throws. */
        JsonValue call(String action, JsonObject params) throws Exception {
            String body = JSON.createObjectBuilder()
                    .add("action", action)
                    .add("version", 6)
                    .add("params", params == null ? JsonValue.EMPTY_JSON_OBJECT : params)
                    .build()
                    .toString();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.net.http.HttpTimeoutException e) {
                throw new RequestFailed(action + ": no reply within " + timeout.toSeconds() + " s (" + e + ")");
            } catch (java.io.IOException e) {
                throw new RequestFailed(
                        action + ": " + e + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
            counts.computeIfAbsent(action, k -> new LongAdder()).increment();
            if (response.statusCode() != 200) {
                throw new RequestFailed(action + ": HTTP " + response.statusCode() + ": " + cut(response.body()));
            }
            JsonObject reply;
            try (var reader = JSON.createReader(new StringReader(response.body()))) {
                reply = reader.readObject();
            } catch (RuntimeException e) {
                throw new RequestFailed(action + ": not a JSON object: " + cut(response.body()));
            }
            if (!reply.containsKey("result") || !reply.containsKey("error")) {
                throw new RequestFailed(action + ": reply without result or error: " + cut(response.body()));
            }
            if (!reply.isNull("error")) {
                throw new RequestFailed(action + ": error " + reply.get("error") + " for " + cut(body));
            }
            return reply.get("result");
        }

        JsonValue call(String action) throws Exception {
            return call(action, null);
        }
    }

    /** A request that did not get a clean reply. */
    static final class RequestFailed extends Exception {
        RequestFailed(String message) {
            super(message);
        }
    }

    /** What a phase did. */
    record Result(
            String name,
            int clients,
            long millis,
            Map<String, Long> counts,
            List<String> failures,
            boolean abandoned,
            String dump) {

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean clean() {
            return failures.isEmpty() && !abandoned;
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d clients, %.1f s, %d requests answered %s, %d failures%s",
                    name,
                    clients,
                    millis / 1000.0,
                    total(),
                    counts,
                    failures.size(),
                    abandoned ? ", clients abandoned at the deadline" : "");
        }
    }

    private LoadRun() {}

    /**
     * Starts {@code clients} clients at once; each repeats {@code step} until {@code duration} is over or a request
     * of any client failed. Returns when all have stopped, or at the latest {@code duration} plus twice the request
     * timeout later (then the clients still waiting are abandoned: they are daemon threads). {@code atStart} (may be
     * null) runs once all clients have their connection objects, just before they are let go: a write there makes
     * the clients' first searches find the in-memory copy out of date, all at once.
     */
    static Result run(String name, URI uri, int clients, Duration duration, Runnable atStart, Step step) {
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> dump = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "load-" + name + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] started = new long[1];
        try {
            for (int i = 0; i < clients; i++) {
                int client = i;
                pool.execute(() -> {
                    try {
                        Session session = new Session(uri, REQUEST_TIMEOUT, counts);
                        ready.countDown();
                        go.await();
                        long end = started[0] + duration.toNanos();
                        for (long n = 0; !stop.get() && System.nanoTime() < end; n++) {
                            step.run(session, client, n);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception | AssertionError e) {
                        boolean first = !stop.getAndSet(true);
                        if (first || failures.size() < 20) {
                            failures.add(String.format(
                                    Locale.ROOT,
                                    "client %d at %.1f s: %s",
                                    client,
                                    (System.nanoTime() - started[0]) / 1e9,
                                    e instanceof RequestFailed ? e.getMessage() : e.toString()));
                        }
                        if (first) {
                            // The server's threads as they are when the first request fails, while the others
                            // still wait: what they wait for is the cause.
                            dump.set(ThreadDumps.write(name + "-first-failure"));
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            ready.await(30, TimeUnit.SECONDS);
            if (atStart != null) {
                atStart.run();
            }
            started[0] = System.nanoTime();
            go.countDown();
            boolean finished =
                    done.await(duration.plus(REQUEST_TIMEOUT.multipliedBy(2)).toMillis(), TimeUnit.MILLISECONDS);
            stop.set(true);
            long millis = (System.nanoTime() - started[0]) / 1_000_000;
            Map<String, Long> snapshot = new TreeMap<>();
            counts.forEach((k, v) -> snapshot.put(k, v.sum()));
            List<String> copy;
            synchronized (failures) {
                copy = List.copyOf(failures);
            }
            Result result = new Result(name, clients, millis, snapshot, copy, !finished, dump.get());
            System.out.println("[load] " + result.summary());
            copy.stream().limit(10).forEach(f -> System.out.println("[load]   " + f));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /**
     * Asks for {@code deckNames} once on a new connection and waits at most {@code bound}: after a phase, the
     * server must still answer (a hang detector, not a timing check). Returns null when it did, else why not.
     */
    static String stillAnswers(URI uri, Duration bound) {
        Session session = new Session(uri, bound, new ConcurrentHashMap<>());
        try {
            session.call("deckNames");
            return null;
        } catch (Exception e) {
            return "a single deckNames after the phase: " + e.getMessage();
        }
    }

    /** Fails the test when a phase was not clean, after writing a thread dump named after it. */
    static void assertClean(Result result, String afterwards) {
        if (result.clean() && afterwards == null) {
            return;
        }
        String dump = ThreadDumps.write(result.name() + "-after");
        StringBuilder message = new StringBuilder(result.summary());
        result.failures().stream().limit(5).forEach(f -> message.append("\n  ").append(f));
        if (afterwards != null) {
            message.append("\n  ").append(afterwards);
        }
        if (result.dump() != null) {
            message.append("\n  thread dump at the first failure: ").append(result.dump());
        }
        message.append("\n  thread dump after the phase: ").append(dump);
        throw new AssertionError(message.toString());
    }

    static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
