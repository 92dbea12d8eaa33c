package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.error.Refusal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UrlSourceTest {

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            byte[] body = new byte[0];
            int status = 200;
            if (path.equals("/\u97f3 \u58f0")
                    && "kana=\u304a\u3093".equals(ex.getRequestURI().getQuery())
                    && ex.getRequestURI().getRawPath().equals("/%E9%9F%B3%20%E5%A3%B0")) {
                body = new byte[] {9};
            } else if (path.equals("/file")) {
                body = new byte[] {1, 2, 3};
            } else if (path.equals("/redirect")) {
                ex.getResponseHeaders().add("Location", "/file");
                status = 302;
            } else if (path.equals("/to-other-address")) {
                ex.getResponseHeaders()
                        .add(
                                "Location",
                                "http://127.0.0.2:" + server.getAddress().getPort() + "/file");
                status = 307;
            } else if (path.equals("/to-ftp")) {
                ex.getResponseHeaders().add("Location", "ftp://example.com/x");
                status = 301;
            } else if (path.equals("/slow")) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (path.equals("/chunked")) {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[] {7, 7});
                    out.flush();
                    out.write(new byte[] {8});
                }
                return;
            } else if (path.equals("/chunked-big")) {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[600]);
                    out.flush();
                    out.write(new byte[600]);
                } catch (IOException e) {
                    // The client hung up once it had seen too much.
                }
                return;
            } else if (path.equals("/big")) {
                body = new byte[5000];
            } else {
                status = 404;
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void publicAddresses() throws Exception {
        assertTrue(UrlSource.isPublic(InetAddress.getByName("93.184.216.34")));
        assertTrue(UrlSource.isPublic(InetAddress.getByName("2606:2800:220:1::")));
        for (String a : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "2002:7f00:1::",
            "64:ff9b::a00:1",
            "198.18.0.1"
        }) {
            assertFalse(UrlSource.isPublic(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void privateHosts_areRefusedWithoutContact() {
        UrlSource guarded = new UrlSource(2000, 1000, false);
        for (String url : new String[] {
            base + "/file",
            "http://localhost:" + server.getAddress().getPort() + "/file",
            "http://[::1]:1/x",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/x"
        }) {
            String msg = ApiErrors.message(assertThrows(Refusal.class, () -> guarded.download(url)));
            assertTrue(msg.startsWith("media url '" + url + "' is refused: "), msg);
            assertTrue(msg.endsWith("; set mediaUrlAllowPrivate=true to allow it"), msg);
        }
        assertEquals(0, hits.get());
    }

    @Test
    void schemes_otherThanHttp_areRefused() {
        UrlSource s = new UrlSource(2000, 1000, true);
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.com/x", "jar:file:/x!/y", "/relative"}) {
            assertEquals(
                    "media url '" + url + "' is refused: only http and https URLs can be downloaded",
                    ApiErrors.message(assertThrows(Refusal.class, () -> s.download(url))));
        }
    }

    @Test
    void downloads_followRedirects_andCheckEachHop() {
        UrlSource s = new UrlSource(2000, 1000, true);
        assertArrayEquals(new byte[] {1, 2, 3}, s.download(base + "/file"));
        assertArrayEquals(new byte[] {1, 2, 3}, s.download(base + "/redirect"));
        assertEquals(
                "media url '" + base + "/to-ftp' is refused: only http and https URLs can be downloaded"
                        + " (redirected to ftp://example.com/x)",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download(base + "/to-ftp"))));
        assertEquals(
                base + "/missing download failed with return code 404",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download(base + "/missing"))));
        assertEquals(
                "media file \"" + base + "/big\" is 5000 bytes, larger than the limit of 1000 bytes"
                        + " (maxMediaFileBytes)",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download(base + "/big"))));
    }

    @Test
    void slowServers_timeOutAfterWebTimeout() {
        UrlSource s = new UrlSource(300, 1000, true);
        assertEquals(
                base + "/slow download failed: timed out after 300 ms (webTimeout)",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download(base + "/slow"))));
    }

    @Test
    void nonAsciiAndSpaces_areSentPercentEncoded() {
        UrlSource s = new UrlSource(2000, 1000, true);
        assertArrayEquals(new byte[] {9}, s.download(base + "/\u97f3 \u58f0?kana=\u304a\u3093"));
        assertArrayEquals(new byte[] {9}, s.download(base + "/%E9%9F%B3%20%E5%A3%B0?kana=%E3%81%8A%E3%82%93"));
        assertEquals(
                "media url 'http://[x/' is refused: not a valid URL",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download("http://[x/"))));
    }

    @Test
    void chunkedBodies_areDecoded_andCapped() {
        UrlSource s = new UrlSource(2000, 1000, true);
        assertArrayEquals(new byte[] {7, 7, 8}, s.download(base + "/chunked"));
        assertEquals(
                "media file \"" + base + "/chunked-big\" is larger than the limit of 1000 bytes (maxMediaFileBytes)",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download(base + "/chunked-big"))));
    }

    @Test
    void responseParsing() throws IOException {
        HttpGet.Response r = HttpGet.read(
                new java.io.ByteArrayInputStream(
                        ("HTTP/1.1 100 Continue\r\n\r\n" + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                10);
        assertEquals(200, r.status());
        assertArrayEquals("abc".getBytes(), r.body());
        HttpGet.Response redirect = HttpGet.read(
                new java.io.ByteArrayInputStream(
                        "HTTP/1.0 302 Found\nLocation: /x\n\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                10);
        assertEquals(302, redirect.status());
        assertEquals("/x", redirect.location());
        HttpGet.Response toEnd = HttpGet.read(
                new java.io.ByteArrayInputStream(
                        "HTTP/1.0 200 OK\r\n\r\nall of it".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                10);
        assertArrayEquals("all of it".getBytes(), toEnd.body());
        assertThrows(
                IOException.class,
                () -> HttpGet.read(new java.io.ByteArrayInputStream("garbage\r\n\r\n".getBytes()), 10));
        assertThrows(
                HttpGet.TooLarge.class,
                () -> HttpGet.read(
                        new java.io.ByteArrayInputStream("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n".getBytes()),
                        10));
    }

    /** An https server with a self-signed certificate: the download must fail certificate checks. */
    @Test
    void https_verifiesCertificates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path ks = tmp.resolve("ks.p12");
        Process p = new ProcessBuilder(
                        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        ks.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit",
                        "-alias",
                        "t",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf =
                javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(ctx));
        https.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, 1);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(1);
            }
        });
        https.start();
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/x";
            String msg =
                    ApiErrors.message(assertThrows(Refusal.class, () -> new UrlSource(2000, 1000, true).download(url)));
            assertTrue(msg.startsWith(url + " download failed: SSLHandshakeException"), msg);
            assertEquals(0, hits.get());
        } finally {
            https.stop(0);
        }
    }

    @Test
    void redirects_toAnAddressThatIsNotPermitted_areRefusedBeforeContact() {
        UrlSource s = new UrlSource(2000, 1000, a -> a.getHostAddress().equals("127.0.0.1"));
        String url = base + "/to-other-address";
        assertEquals(
                "media url '" + url + "' is refused: 127.0.0.2 is a loopback, private or link-local address"
                        + " (127.0.0.2); set mediaUrlAllowPrivate=true to allow it",
                ApiErrors.message(assertThrows(Refusal.class, () -> s.download(url))));
        assertEquals(1, hits.get());
    }
}
