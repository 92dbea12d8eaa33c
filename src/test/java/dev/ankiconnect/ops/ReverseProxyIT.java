package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.RawHttp;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real nginx (installed from Debian packages when missing) with the shipped example config
 * webapp-config/nginx-ankiconnect.conf in front of the deployment, at "/" and under "/anki/".
 * Started and stopped by scripts/nginx-check.sh.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReverseProxyIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Path work;
    private static int port;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "proxied",
                Map.of(
                        "apiKey", "s3cret",
                        "keyFailureLimit", "2",
                        "keyFailureBlockMs", "1000",
                        "trustedProxies", "127.0.0.1"));
    }

    @ArquillianResource
    URL url;

    @BeforeEach
    void nginx() throws Exception {
        if (work != null) {
            return;
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path base = Files.createDirectories(
                Path.of(System.getProperty("it.data.dir", "target/it-data")).toAbsolutePath());
        work = Files.createTempDirectory(base, "nginx-");
        String context = url.getPath().endsWith("/") ? url.getPath() : url.getPath() + "/";
        Process p = new ProcessBuilder(
                        "sh",
                        new File("scripts/nginx-check.sh").getAbsolutePath(),
                        "start",
                        String.valueOf(port),
                        url.getHost() + ":" + url.getPort(),
                        context,
                        work.toString())
                // Not inheritIO: output written straight to the forked JVM's stdout corrupts failsafe's channel.
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx-check.log").toFile())
                .start();
        boolean done = p.waitFor(600, TimeUnit.SECONDS);
        String output = Files.readString(work.resolve("nginx-check.log"));
        System.out.println(output);
        assertTrue(done, "nginx-check.sh start timed out: " + output);
        assertEquals(0, p.exitValue(), "scripts/nginx-check.sh start failed: " + output);
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (work != null) {
            new ProcessBuilder("sh", new File("scripts/nginx-check.sh").getAbsolutePath(), "stop", work.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("nginx-stop.log").toFile())
                    .start()
                    .waitFor(60, TimeUnit.SECONDS);
            work = null;
        }
    }

    private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void servedAtTheRoot_andUnderAPrefix() throws Exception {
        for (String path : new String[] {"/", "/anki/", "/anki/any/path"}) {
            assertEquals(
                    "{\"result\": 6, \"error\": null}",
                    post(path, "{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}")
                            .body(),
                    path);
        }
        for (String path : new String[] {"/_health", "/anki/_health"}) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            assertEquals("{\"status\": \"UP\"}", r.body(), path);
        }
    }

    @Test
    @Order(2)
    void corsPreflight_andBigBodies_passThrough() throws Exception {
        HttpResponse<String> pre = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/anki/"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pre.statusCode());
        assertEquals(
                "http://localhost",
                pre.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        String data = java.util.Base64.getEncoder().encodeToString(new byte[3 * 1024 * 1024]);
        HttpResponse<String> big = post(
                "/anki/",
                "{\"action\": \"storeMediaFile\", \"version\": 6, \"key\": \"s3cret\", "
                        + "\"params\": {\"filename\": \"big.bin\", \"data\": \"" + data + "\"}}");
        assertEquals("{\"result\": \"big.bin\", \"error\": null}", big.body());
    }

    @Test
    @Order(3)
    void aForgedForwardedFor_doesNotEscapeTheThrottle() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    "{\"result\": null, \"error\": \"valid api key must be provided\"}",
                    post("/", "{\"action\": \"version\", \"key\": \"guess\"}", "X-Forwarded-For", "203.0.113." + i)
                            .body());
        }
        HttpResponse<String> blocked =
                post("/anki/", "{\"action\": \"version\", \"key\": \"s3cret\"}", "X-Forwarded-For", "203.0.113.99");
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("too many requests with an invalid api key"), blocked.body());
        Thread.sleep(1100);
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                post("/", "{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}")
                        .body());
    }

    @Test
    @Order(4)
    void theStudyPages_underAPrefix_callTheApiFromTheirOwnOrigin() throws Exception {
        RawHttp.Response page = RawHttp.send("127.0.0.1", port, "GET", "/anki/study/", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("src=\"app.js\""), page.body());
        assertEquals(
                "text/javascript;charset=utf-8",
                RawHttp.send("127.0.0.1", port, "GET", "/anki/study/api.js", null)
                        .header("Content-Type"));
        // relative, so the browser stays under the prefix
        RawHttp.Response bare = RawHttp.send("127.0.0.1", port, "GET", "/anki/study", null);
        assertEquals(301, bare.status());
        assertEquals("study/", bare.header("Location"));
        // a page at http://anki.test:PORT/anki/study/ posts to ../ with its origin: nginx forwards the host and port
        // the browser asked for, and this keyed server takes that origin as its own; another port's is refused
        String version = "{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}";
        RawHttp.Response own = RawHttp.send(
                "127.0.0.1",
                port,
                "POST",
                "/anki/",
                version,
                "Host: anki.test:" + port,
                "Origin: http://anki.test:" + port);
        assertEquals(200, own.status());
        assertEquals("{\"result\": 6, \"error\": null}", own.body());
        RawHttp.Response other = RawHttp.send(
                "127.0.0.1",
                port,
                "POST",
                "/anki/",
                version,
                "Host: anki.test:" + port,
                "Origin: http://anki.test:" + (port + 1));
        assertEquals(403, other.status());
    }
}
