package dev.ankiconnect.media;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on 127.0.0.1 for download tests: /file (bytes 1..5), /text ("downloaded"),
 * /redirect (302 to /file), /big (size bytes),
 * anything else 404. Counts the requests it received.
 */
final class LocalHttp implements AutoCloseable {

    final HttpServer server;
    final AtomicInteger hits = new AtomicInteger();
    private final int bigSize;

    LocalHttp(int bigSize) {
        this.bigSize = bigSize;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            byte[] body = new byte[0];
            int status = 200;
            switch (path) {
                case "/file" -> body = new byte[] {1, 2, 3, 4, 5};
                case "/text" -> body = "downloaded".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case "/redirect" -> {
                    ex.getResponseHeaders().add("Location", "/file");
                    status = 302;
                }
                case "/big" -> body = new byte[bigSize];
                default -> status = 404;
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
