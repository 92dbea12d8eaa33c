package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.PackageReader;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /packages/import and GET /packages/export: key, CORS, size limit, and the round trip. */
@ExtendWith(ArquillianExtension.class)
class PackageHttpIT {

    static final Path DIR = PackageFixtures.newDir("packagehttp");
    static final String KEY = "s3cret";
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "packagehttp", Map.of("packageDir", DIR.toString(), "apiKey", KEY, "maxPackageBytes", "100000"));
    }

    @ArquillianResource
    URL url;

    URI base;

    @BeforeEach
    void connect() throws Exception {
        base = url.toURI();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> upload(String file, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("packages/import"))
                .POST(HttpRequest.BodyPublishers.ofFile(DIR.resolve(file)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    private static JsonObject json(HttpResponse<byte[]> r) {
        return AnkiClient.parse(new String(r.body(), StandardCharsets.UTF_8)).asJsonObject();
    }

    private HttpResponse<byte[]> download(String query, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve("packages/export?" + query)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void uploadThenDownload_roundTrips() throws Exception {
        HttpResponse<byte[]> r = upload("srs-converter-mixed-legacy-2.apkg", "X-AnkiConnect-Key", KEY);
        assertEquals(200, r.statusCode());
        assertEquals("{\"result\": true, \"error\": null}", new String(r.body(), StandardCharsets.UTF_8));

        HttpResponse<byte[]> d = download("deck=" + q("Test - Mixed Types") + "&includeSched=true&key=" + KEY);
        assertEquals(200, d.statusCode());
        assertEquals(
                "application/octet-stream",
                d.headers().firstValue("Content-Type").orElse(""));
        assertTrue(d.headers().firstValue("Content-Disposition").orElse("").contains("Test - Mixed Types.apkg"));
        AnkiPackage source = PackageFixtures.read(DIR.resolve("srs-converter-mixed-legacy-2.apkg"));
        try (AnkiPackage got = new PackageReader().read(new ByteArrayInputStream(d.body()))) {
            assertEquals(8, got.notes().size());
            assertEquals(13, got.cards().size());
            assertEquals(26, got.revlog().size());
            assertEquals(1, got.media().size());
            assertArrayEquals(
                    source.media().get(0).readAllBytes(), got.media().get(0).readAllBytes());
        }
        // no temporary files stay in the package directory
        try (var files = Files.list(DIR)) {
            assertEquals(
                    0,
                    files.filter(f -> f.getFileName().toString().startsWith("."))
                            .count());
        }
    }

    @Test
    void keyIsRequiredOnBothEndpoints() throws Exception {
        HttpResponse<byte[]> r = upload("anki-pylib-media.apkg");
        assertEquals(403, r.statusCode());
        assertEquals("valid api key must be provided", json(r).getString("error"));
        assertEquals(
                403,
                upload("anki-pylib-media.apkg", "X-AnkiConnect-Key", "wrong").statusCode());
        assertEquals(403, download("deck=Default").statusCode());
        assertEquals(403, download("deck=Default&key=wrong").statusCode());
        assertEquals(200, download("deck=Default", "X-AnkiConnect-Key", KEY).statusCode());
    }

    @Test
    void refusedOriginGets403AndAllowedOriginItsCorsHeader() throws Exception {
        assertEquals(
                403,
                download("deck=Default&key=" + KEY, "Origin", "https://evil.example")
                        .statusCode());
        HttpResponse<byte[]> ok = download("deck=Default&key=" + KEY, "Origin", "http://127.0.0.1:8000");
        assertEquals(200, ok.statusCode());
        assertEquals(
                "http://127.0.0.1:8000",
                ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<byte[]> pre = send(HttpRequest.newBuilder(base.resolve("packages/import"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost"));
        assertEquals(200, pre.statusCode());
        assertEquals(
                "*", pre.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
    }

    @Test
    void tooLargeNotAPackageMissingDeckAndWrongMethod() throws Exception {
        HttpResponse<byte[]> big = upload("ankidroid-templates.apkg", "X-AnkiConnect-Key", KEY); // 21 KB: fits
        assertEquals(200, big.statusCode());
        Path huge = DIR.resolve("huge.bin");
        Files.write(huge, new byte[200_000]);
        HttpResponse<byte[]> tooLarge = upload("huge.bin", "X-AnkiConnect-Key", KEY);
        assertEquals(413, tooLarge.statusCode());
        assertEquals(
                "package is larger than the limit of 100000 bytes (maxPackageBytes)",
                json(tooLarge).getString("error"));

        Files.writeString(DIR.resolve("junk.bin"), "not a zip");
        HttpResponse<byte[]> junk = upload("junk.bin", "X-AnkiConnect-Key", KEY);
        assertEquals(400, junk.statusCode());
        assertTrue(
                json(junk).getString("error").startsWith("Not an Anki package: "),
                json(junk).toString());

        HttpResponse<byte[]> missing = download("deck=Nope&key=" + KEY);
        assertEquals(404, missing.statusCode());
        assertEquals("deck was not found: Nope", json(missing).getString("error"));

        HttpResponse<byte[]> wrong = send(HttpRequest.newBuilder(base.resolve("packages/export?key=" + KEY))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, wrong.statusCode());
        assertEquals(
                404,
                send(HttpRequest.newBuilder(base.resolve("packages/other?key=" + KEY))
                                .GET())
                        .statusCode());
    }

    /** The README's curl commands that send a key, run as written (only the host and port become this server's). */
    @Test
    void readmeCurlCommandsWithAKey_workAsWritten() throws Exception {
        ReadmeCurls.run(url, true, Json.createObjectBuilder().add("key", KEY), DIR);
    }

    @Test
    void theJsonEndpointStillWorksBesideIt() {
        AnkiClient client = new AnkiClient(url);
        JsonObject reply = client.json(Json.createObjectBuilder()
                        .add("action", "version")
                        .add("version", 6)
                        .add("key", KEY)
                        .build()
                        .toString())
                .asJsonObject();
        assertEquals(6, reply.getInt("result"));
    }
}
