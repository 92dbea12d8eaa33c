package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 point 7. Slow senders (headers, then one body byte a second) hold no request thread: a normal client
 * is served meanwhile, and each slow sender gets a JSON answer when the request's time budget runs out. Sixteen
 * concurrent 60 MiB {@code storeMediaFile} bodies are all answered with JSON, stored or "server busy", with the
 * body budget a 1 GiB heap gets by default (an eighth: 128 MiB), never an OutOfMemoryError or a closed connection.
 * The client side streams the bodies in 64 KiB pieces, so the test's own memory stays small.
 */
@ExtendWith(ArquillianExtension.class)
class SlowAndLargeBodiesIT {

    static final long TIMEOUT_MS = 8_000;
    static final int SLOW_SENDERS = 250;
    static final int LARGE_BODIES = 16;
    static final long LARGE = 60L * 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war(
                "bodies", Map.of("requestTimeoutMs", String.valueOf(TIMEOUT_MS), "maxBodyMbInFlight", "128"));
    }

    @ArquillianResource
    URL url;

    private Socket open() throws IOException {
        Socket s = new Socket(url.getHost(), url.getPort());
        s.setSoTimeout(120_000);
        return s;
    }

    private String head(long contentLength) {
        return "POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /** Reads one HTTP response (status line, headers, Content-Length body) and returns its body. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed before the headers ended: " + headers);
            headers.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String h = headers.toString(StandardCharsets.ISO_8859_1);
        int length = -1;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:"))
                length = Integer.parseInt(line.substring(15).trim());
        }
        assertTrue(h.startsWith("HTTP/1.1 200"), h);
        assertTrue(length >= 0, h);
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void slowSendersHoldNoThread() throws Exception {
        String body = "{\"action\": \"version\", \"version\": 6}";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_SENDERS; i++) {
                Socket s = open();
                s.getOutputStream().write(head(body.length()).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            AnkiClient client = new AnkiClient(url);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS / 2);
            int served = 0;
            for (int second = 0; System.nanoTime() < end; second++) {
                for (Socket s : slow) {
                    s.getOutputStream().write(body.charAt(second));
                    s.getOutputStream().flush();
                }
                // the normal client is served while every slow sender is still sending
                JsonObject r = client.json("{\"action\": \"deckNames\", \"version\": 6}")
                        .asJsonObject();
                assertEquals(AnkiClient.parse("{\"result\": [\"Default\"], \"error\": null}"), r);
                served++;
                Thread.sleep(1000);
            }
            assertTrue(served >= 3, "served " + served);
            // past requestTimeoutMs each slow sender is answered with JSON and let go
            for (Socket s : slow) {
                assertEquals(
                        AnkiClient.parse("{\"result\": null, \"error\": \"the request body did not arrive within "
                                + TIMEOUT_MS + " ms (requestTimeoutMs)\"}"),
                        AnkiClient.parse(readResponse(s.getInputStream())));
            }
        } finally {
            for (Socket s : slow) s.close();
        }
        assertEquals(
                6,
                new AnkiClient(url)
                        .json("{\"action\": \"version\", \"version\": 6}")
                        .asJsonObject()
                        .getInt("result"));
    }

    /** Sends one storeMediaFile body of exactly {@link #LARGE} bytes, streamed, and returns the JSON answer. */
    private String large(int i) throws Exception {
        byte[] prefix = ("{\"action\": \"storeMediaFile\", \"version\": 6, \"params\": {\"filename\": \"big" + i
                        + ".bin\", \"data\": \"")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}}".getBytes(StandardCharsets.US_ASCII);
        long data = LARGE - prefix.length - suffix.length;
        data -= data % 4;
        long total = prefix.length + data + suffix.length;
        try (Socket s = open()) {
            // the answer may come before the body is sent (busy): read it meanwhile
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readResponse(s.getInputStream());
                } catch (IOException e) {
                    return "no answer: " + e;
                }
            });
            try {
                OutputStream out = s.getOutputStream();
                out.write(head(total).getBytes(StandardCharsets.US_ASCII));
                out.write(prefix);
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'A');
                for (long sent = 0; sent < data && !answer.isDone(); ) {
                    int n = (int) Math.min(chunk.length, data - sent);
                    out.write(chunk, 0, n);
                    sent += n;
                }
                if (!answer.isDone()) {
                    out.write(suffix);
                    out.flush();
                }
            } catch (IOException e) {
                // the server answered and closed while we were still sending: the answer has been read
            }
            return answer.get(180, TimeUnit.SECONDS);
        }
    }

    @Test
    void sixteenLargeBodiesAreAllAnsweredWithJson() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LARGE_BODIES);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < LARGE_BODIES; i++) {
                int n = i;
                answers.add(pool.submit(() -> large(n)));
            }
            int stored = 0;
            int busy = 0;
            for (int i = 0; i < LARGE_BODIES; i++) {
                String text = answers.get(i).get(300, TimeUnit.SECONDS);
                JsonObject r;
                try {
                    r = AnkiClient.parse(text).asJsonObject();
                } catch (RuntimeException e) {
                    fail("not JSON: " + text);
                    return;
                }
                if (r.isNull("error")) {
                    assertEquals("big" + i + ".bin", r.getString("result"));
                    stored++;
                } else {
                    // over the body budget, or (for one that was read) waiting too long behind the other writers, or
                    // (Payara, 16 bodies of 60 MiB at once) not fully received within this deployment's short budget
                    assertTrue(
                            r.getString("error")
                                            .equals("server busy: too many request bodies are being received "
                                                    + "at once (maxBodyMbInFlight); try again")
                                    || r.getString("error")
                                            .startsWith("server busy: another request held the collection")
                                    || r.getString("error")
                                            .equals("the request body did not arrive within " + TIMEOUT_MS
                                                    + " ms (requestTimeoutMs)"),
                            text);
                    if (r.getString("error").contains("maxBodyMbInFlight")) busy++;
                }
            }
            System.out.printf(
                    "%d large bodies: %d stored, %d over the body budget, the others behind other writers%n",
                    LARGE_BODIES, stored, busy);
            assertTrue(stored >= 1, "at least one body fits the budget");
        } finally {
            pool.shutdownNow();
        }
        // the budget is given back: one more large body is stored. On a loaded 2-core machine, Payara once took
        // longer than this deployment's short budget (8 s) to receive 60 MiB right after the burst: that error
        // says nothing about the budget, so it is tried again (twice at most); "server busy" is never retried.
        JsonObject r = AnkiClient.parse(large(99)).asJsonObject();
        for (int attempt = 0;
                attempt < 2
                        && !r.isNull("error")
                        && r.getString("error").startsWith("the request body did not arrive within");
                attempt++) {
            r = AnkiClient.parse(large(99)).asJsonObject();
        }
        assertTrue(r.isNull("error"), r.toString());
    }
}
