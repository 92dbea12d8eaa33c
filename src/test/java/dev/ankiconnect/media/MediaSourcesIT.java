package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The path and url sources switched on: an allowlisted directory, downloads allowed to reach
 * loopback (the test's own server), and a 1000-byte file limit.
 */
@ExtendWith(ArquillianExtension.class)
class MediaSourcesIT {

    static final Path ROOT;
    static final Path ALLOWED;

    static {
        try {
            ROOT = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "media-sources-");
            ALLOWED = Files.createDirectories(ROOT.resolve("allowed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war(
                "media-sources",
                Map.of(
                        "mediaPathAllowlist", "[\"" + ALLOWED + "\"]",
                        "mediaUrlDownloads", "true",
                        "mediaUrlAllowPrivate", "true",
                        "maxMediaFileBytes", "1000"));
    }

    @ArquillianResource
    URL url;

    AnkiClient client;
    LocalHttp http;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
        http = new LocalHttp(2000);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private JsonValue retrieve(String filename) {
        return client.call(
                "retrieveMediaFile",
                Json.createObjectBuilder().add("filename", filename).build());
    }

    private void refused(String expectedError, JsonObject params) {
        assertEquals(expectedError, client.error("storeMediaFile", params));
        assertEquals(JsonValue.FALSE, retrieve(params.getString("filename")));
    }

    @Test
    void path_insideTheAllowlist_isRead() throws IOException {
        Path f = Files.writeString(ALLOWED.resolve("in.txt"), "from disk");
        assertEquals(
                Json.createValue("_p_in.txt"),
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_p_in.txt")
                                .add("path", f.toString())
                                .build()));
        assertEquals(Json.createValue(MediaActionsIT.b64("from disk")), retrieve("_p_in.txt"));
    }

    @Test
    void path_outsideTheAllowlist_isRefused() throws IOException {
        Path secret = Files.writeString(ROOT.resolve("secret.txt"), "secret");
        Path link = ALLOWED.resolve("link.txt");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, secret);
        for (String p : new String[] {
            secret.toString(), ALLOWED + "/../secret.txt", link.toString(), "secret.txt", "/etc/passwd"
        }) {
            refused(
                    "media path '" + p + "' is refused: it is not inside a directory listed in mediaPathAllowlist",
                    Json.createObjectBuilder()
                            .add("filename", "_p_out.txt")
                            .add("path", p)
                            .build());
        }
        refused(
                "[Errno 2] No such file or directory: '" + ALLOWED.resolve("missing.txt") + "'",
                Json.createObjectBuilder()
                        .add("filename", "_p_out.txt")
                        .add("path", ALLOWED.resolve("missing.txt").toString())
                        .build());
    }

    @Test
    void path_overTheLimit_isRefused() throws IOException {
        Path big = Files.write(ALLOWED.resolve("big.bin"), new byte[1001]);
        refused(
                "media file \"" + big + "\" is 1001 bytes, larger than the limit of 1000 bytes (maxMediaFileBytes)",
                Json.createObjectBuilder()
                        .add("filename", "_p_big.bin")
                        .add("path", big.toString())
                        .build());
    }

    @Test
    void data_overTheLimit_isRefused() {
        refused(
                "media file \"_d_big.bin\" is 1002 bytes, larger than the limit of 1000 bytes (maxMediaFileBytes)",
                Json.createObjectBuilder()
                        .add("filename", "_d_big.bin")
                        .add("data", MediaActionsIT.b64(new byte[1002]))
                        .build());
    }

    @Test
    void url_downloads_andFollowsRedirects() {
        assertEquals(
                Json.createValue("_u_file.bin"),
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_u_file.bin")
                                .add("url", http.url("/file"))
                                .build()));
        assertEquals(Json.createValue(MediaActionsIT.b64(new byte[] {1, 2, 3, 4, 5})), retrieve("_u_file.bin"));
        assertEquals(
                Json.createValue("_u_redir.bin"),
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_u_redir.bin")
                                .add("url", http.url("/redirect"))
                                .build()));
        assertEquals(Json.createValue(MediaActionsIT.b64(new byte[] {1, 2, 3, 4, 5})), retrieve("_u_redir.bin"));
    }

    @Test
    void url_dataTakesPrecedence_thenPath_thenUrl() throws IOException {
        Path f = Files.writeString(ALLOWED.resolve("prec.txt"), "path wins");
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_prec1.txt")
                        .add("data", MediaActionsIT.b64("data wins"))
                        .add("path", f.toString())
                        .add("url", http.url("/text"))
                        .build());
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_prec2.txt")
                        .add("data", "")
                        .add("path", f.toString())
                        .add("url", http.url("/text"))
                        .build());
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_prec3.txt")
                        .add("path", "")
                        .add("url", http.url("/text"))
                        .build());
        assertEquals(Json.createValue(MediaActionsIT.b64("data wins")), retrieve("_prec1.txt"));
        assertEquals(Json.createValue(MediaActionsIT.b64("path wins")), retrieve("_prec2.txt"));
        assertEquals(Json.createValue(MediaActionsIT.b64("downloaded")), retrieve("_prec3.txt"));
        assertEquals(1, http.hits.get());
    }

    @Test
    void url_failures_areRefused() {
        refused(
                http.url("/missing") + " download failed with return code 404",
                Json.createObjectBuilder()
                        .add("filename", "_u_404.bin")
                        .add("url", http.url("/missing"))
                        .build());
        refused(
                "media file \"" + http.url("/big") + "\" is 2000 bytes, larger than the limit of 1000 bytes"
                        + " (maxMediaFileBytes)",
                Json.createObjectBuilder()
                        .add("filename", "_u_big.bin")
                        .add("url", http.url("/big"))
                        .build());
        refused(
                "media url 'file:///etc/passwd' is refused: only http and https URLs can be downloaded",
                Json.createObjectBuilder()
                        .add("filename", "_u_file.txt")
                        .add("url", "file:///etc/passwd")
                        .build());
    }

    @Test
    void url_skipHash_storesNothing() {
        String md5 = MediaStore.md5("downloaded".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                JsonValue.NULL,
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_u_skip.txt")
                                .add("url", http.url("/text"))
                                .add("skipHash", md5)
                                .build()));
        assertEquals(JsonValue.FALSE, retrieve("_u_skip.txt"));
        assertTrue(http.hits.get() == 1);
    }
}
