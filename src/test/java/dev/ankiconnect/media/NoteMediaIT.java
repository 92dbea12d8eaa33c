package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link NoteMedia} against the real store, through a test-only action ({@link NoteMediaProbe}). */
@ExtendWith(ArquillianExtension.class)
class NoteMediaIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("note-media", Map.of("maxMediaFileBytes", "100")).addClass(NoteMediaProbe.class);
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private JsonObject probe(String noteJson) {
        JsonObject note = AnkiClient.parse(noteJson).asJsonObject();
        return client.call(
                        "noteMediaProbe",
                        Json.createObjectBuilder().add("note", note).build())
                .asJsonObject();
    }

    private JsonValue retrieve(String filename) {
        return client.call(
                "retrieveMediaFile",
                Json.createObjectBuilder().add("filename", filename).build());
    }

    private static String b64(String s) {
        return MediaActionsIT.b64(s);
    }

    @Test
    void storedFiles_areReferencedByTheirStoredNames() {
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_n_clash.mp3")
                        .add("data", b64("old"))
                        .build());
        JsonObject fields = probe("{\"fields\": {\"Front\": \"f\", \"Back\": \"b\"},"
                + " \"audio\": {\"filename\": \"_n_clash.mp3\", \"data\": \"" + b64("new")
                + "\", \"fields\": [\"Front\"]},"
                + " \"picture\": [{\"filename\": \"_n_pic.png\", \"data\": \"" + b64("png")
                + "\", \"fields\": [\"Back\", \"Nope\"]}]}");
        String hashed = "_n_clash-" + MediaStore.sha1("new".getBytes(StandardCharsets.UTF_8)) + ".mp3";
        // deleteExisting defaults to false inside notes: the old file stays, the new one gets a hashed name.
        assertEquals("f[sound:" + hashed + "]", fields.getString("Front"));
        assertEquals("b<img src=\"_n_pic.png\">", fields.getString("Back"));
        assertEquals(Json.createValue(b64("old")), retrieve("_n_clash.mp3"));
        assertEquals(Json.createValue(b64("new")), retrieve(hashed));
        assertEquals(Json.createValue(b64("png")), retrieve("_n_pic.png"));
    }

    @Test
    void deleteExisting_replaces_andSkipHash_skips() {
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_n_rep.mp3")
                        .add("data", b64("old"))
                        .build());
        String md5 = MediaStore.md5("silence".getBytes(StandardCharsets.UTF_8));
        JsonObject fields = probe("{\"fields\": {\"Front\": \"\"},"
                + " \"audio\": [{\"filename\": \"_n_rep.mp3\", \"data\": \"" + b64("new")
                + "\", \"deleteExisting\": true,"
                + " \"fields\": [\"Front\"]}, {\"filename\": \"_n_skip.mp3\", \"data\": \"" + b64("silence") + "\","
                + " \"skipHash\": \"" + md5 + "\", \"fields\": [\"Front\"]}]}");
        assertEquals("[sound:_n_rep.mp3]", fields.getString("Front"));
        assertEquals(Json.createValue(b64("new")), retrieve("_n_rep.mp3"));
        assertEquals(JsonValue.FALSE, retrieve("_n_skip.mp3"));
    }

    @Test
    void failures_areAppendedToTheFields_andStoreNothing() {
        JsonObject fields = probe("{\"fields\": {\"Front\": \"f\", \"Back\": \"b\"},"
                + " \"video\": [{\"filename\": \"_n_nosrc.mp4\", \"fields\": [\"Front\"]},"
                + " {\"filename\": \"_n_path.mp4\", \"path\": \"/etc/passwd\", \"fields\": [\"Back\"]},"
                + " {\"filename\": \"_n_big.mp4\", \"data\": \"" + MediaActionsIT.b64(new byte[101])
                + "\", \"fields\": [\"Back\"]}]}");
        assertEquals("fYou must provide a \"data\", \"path\", or \"url\" field.", fields.getString("Front"));
        assertEquals(
                "breading media from a \"path\" is disabled on this server (mediaPathAllowlist is empty)"
                        + "media file \"_n_big.mp4\" is 101 bytes, larger than the limit of 100 bytes (maxMediaFileBytes)",
                fields.getString("Back"));
        assertEquals(JsonValue.FALSE, retrieve("_n_nosrc.mp4"));
        assertEquals(JsonValue.FALSE, retrieve("_n_path.mp4"));
        assertEquals(JsonValue.FALSE, retrieve("_n_big.mp4"));
    }

    @Test
    void failureWithoutFields_failsTheActionWithKeyErrorFields() {
        assertEquals(
                "'fields'",
                client.error(
                        "noteMediaProbe",
                        Json.createObjectBuilder()
                                .add(
                                        "note",
                                        AnkiClient.parse(
                                                "{\"fields\": {\"Front\": \"f\"}, \"audio\": {\"filename\": \"x.mp3\"}}"))
                                .build()));
    }
}
