package dev.ankiconnect.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.startup.Tomcat;

/**
 * Throughput and latency of the protocol layer. Starts an embedded Tomcat 10.1 with the packaged
 * WAR at "/" and a bare JSON echo servlet at "/echo" (the container's own ceiling), then drives
 * {@code version}, {@code multi} and the echo with 1 and 32 keep-alive connections.
 *
 * <p>Run: {@code mvn -Pbench -DskipTests package exec:exec}. Options (system properties):
 * {@code bench.seconds} (measured seconds per case, default 8), {@code bench.warmup} (default 3),
 * {@code bench.port} (default 18790); {@code bench.url} (an already running server, e.g. the one of
 * {@code scripts/standalone-tomcat.sh}: nothing is started) and {@code bench.echo} (its echo servlet,
 * default {@code /echo/} on the same host and port); {@code bench.levels} (connection counts, default
 * {@code 1,32}); {@code bench.cases} (some of {@code echo,version,multi}; default all).
 */
public final class ProtocolBenchmark {

    private static final String VERSION = "{\"action\": \"version\", \"version\": 6}";
    private static final String VERSION_REPLY = "{\"result\": 6, \"error\": null}";

    private ProtocolBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = BenchOptions.integer("bench.seconds", 8);
        int warmup = BenchOptions.integer("bench.warmup", 3);
        int port = BenchOptions.integer("bench.port", 18790);
        String url = BenchOptions.string("bench.url");
        BenchOptions.Target app = url == null ? BenchOptions.Target.local(port, "/") : BenchOptions.Target.of(url);
        String echoUrl = BenchOptions.string("bench.echo");
        BenchOptions.Target echo = echoUrl != null
                ? BenchOptions.Target.of(echoUrl)
                : new BenchOptions.Target(app.host(), app.port(), "/echo/");
        Tomcat tomcat = url == null ? start(port) : null;
        boolean failed = false;
        System.out.println(
                url == null ? "embedded Tomcat on port " + port : "server " + app.uri() + ", echo " + echo.uri());
        try {
            StringBuilder multi =
                    new StringBuilder("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": [");
            for (int i = 0; i < 10; i++) {
                multi.append(i == 0 ? "" : ", ").append(VERSION);
            }
            multi.append("]}}");
            List<Case> cases = List.of(
                    new Case("echo", "echo (container ceiling)", echo, VERSION, null),
                    new Case("version", "version", app, VERSION, VERSION_REPLY),
                    new Case("multi", "multi (10 x version)", app, multi.toString(), null));
            System.out.printf(
                    Locale.ROOT,
                    "%n%-26s %5s %10s %8s %8s %8s %8s %7s%n",
                    "case",
                    "conns",
                    "req/s",
                    "p50 ms",
                    "p90 ms",
                    "p99 ms",
                    "max ms",
                    "errors");
            int[] connections = BenchOptions.integers("bench.levels", 1, 32);
            String only = BenchOptions.string("bench.cases");
            double[][] rate = new double[cases.size()][connections.length];
            for (int c = 0; c < connections.length; c++) {
                for (int i = 0; i < cases.size(); i++) {
                    Case k = cases.get(i);
                    if (only != null && !List.of(only.split(",")).contains(k.key)) {
                        continue;
                    }
                    run(k, connections[c], warmup);
                    Result r = run(k, connections[c], seconds);
                    rate[i][c] = r.rate();
                    failed |= r.errors() > 0;
                    System.out.printf(
                            Locale.ROOT,
                            "%-26s %5d %10.0f %8.2f %8.2f %8.2f %8.2f %7d%n",
                            k.name,
                            connections[c],
                            r.rate(),
                            r.percentile(50),
                            r.percentile(90),
                            r.percentile(99),
                            r.percentile(100),
                            r.errors());
                }
            }
            System.out.println();
            for (int c = 0; c < connections.length; c++) {
                if (rate[0][c] > 0 && rate[1][c] > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "version / echo ceiling at %d connection(s): %.2f (%.0f / %.0f req/s)%n",
                            connections[c],
                            rate[1][c] / rate[0][c],
                            rate[1][c],
                            rate[0][c]);
                }
            }
        } finally {
            if (tomcat != null) {
                EmbeddedServer.stop(tomcat);
            }
        }
        if (failed) {
            // the figures stand, but a run in which a request failed is a failed run
            System.exit(1);
        }
    }

    private record Case(String key, String name, BenchOptions.Target target, String body, String expected) {}

    private record Result(long count, long errors, double rate, long[] micros) {
        double percentile(int p) {
            if (micros.length == 0) {
                return 0;
            }
            int index = (int) Math.min(micros.length - 1, Math.ceil(p / 100.0 * micros.length) - 1);
            return micros[Math.max(0, index)] / 1000.0;
        }
    }

    private static Result run(Case k, int connections, int seconds) throws Exception {
        AtomicLong errors = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        long[] counts = new long[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[connections];
        long[][] perThread = new long[connections][];
        for (int t = 0; t < connections; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (KeepAliveClient client =
                        new KeepAliveClient(k.target.host(), k.target.port(), k.target.path(), k.body)) {
                    ready.countDown();
                    go.await();
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        int status = client.send();
                        long took = System.nanoTime() - now;
                        if (status != 200
                                || (k.expected != null && !k.expected.equals(client.lastBody()))
                                || client.lastBody().contains("\"error\": \"")) {
                            errors.incrementAndGet();
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = took / 1000;
                    }
                } catch (Exception e) {
                    System.err.println(k.name + ": " + e);
                    errors.incrementAndGet();
                    ready.countDown();
                }
                counts[id] = n;
                perThread[id] = Arrays.copyOf(lat, n);
            });
            threads[t].start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all =
                Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(total, errors.get(), total / elapsed, all);
    }

    private static Tomcat start(int port) throws Exception {
        return EmbeddedServer.start(port, Path.of("target", "bench-data"), true);
    }
}
