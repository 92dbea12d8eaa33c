package dev.ankiconnect.bench;

import java.net.URI;

/**
 * The benchmarks' {@code bench.*} system properties. The bench profile passes every one of them
 * to the forked JVM, empty when not given on the mvn command line: empty means the default.
 */
final class BenchOptions {

    private BenchOptions() {}

    static String string(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static int integer(String name, int defaultValue) {
        String v = string(name);
        return v == null ? defaultValue : Integer.parseInt(v);
    }

    static int[] integers(String name, int... defaultValue) {
        String v = string(name);
        if (v == null) {
            return defaultValue;
        }
        String[] parts = v.split(",");
        int[] r = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            r[i] = Integer.parseInt(parts[i].trim());
        }
        return r;
    }

    /** An http URL's host, port and path ("/" when empty). */
    record Target(String host, int port, String path) {
        static Target of(String url) {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("not an http URL: " + url);
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return new Target(u.getHost(), u.getPort() < 0 ? 80 : u.getPort(), path);
        }

        static Target local(int port, String path) {
            return new Target("127.0.0.1", port, path);
        }

        URI uri() {
            return URI.create("http://" + host + ":" + port + path);
        }
    }
}
