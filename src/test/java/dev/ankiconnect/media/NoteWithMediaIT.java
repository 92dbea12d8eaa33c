package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Media objects inside addNote and updateNoteFields, through the real note actions (PROTOCOL §11). */
@ExtendWith(ArquillianExtension.class)
class NoteWithMediaIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("note-media");
    }

    @ArquillianResource
    URL url;

    @Test
    void addNote_storesPictureAndAudio_andReferencesThemInTheFields() {
        AnkiClient client = new AnkiClient(url);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String gif = Base64.getEncoder().encodeToString(("GIF89a-" + id).getBytes(StandardCharsets.US_ASCII));
        String mp3 = Base64.getEncoder().encodeToString(("ID3-" + id).getBytes(StandardCharsets.US_ASCII));
        long note = Long.parseLong(client.call(
                        "addNote",
                        Json.createObjectBuilder()
                                .add(
                                        "note",
                                        Json.createObjectBuilder()
                                                .add("deckName", "Default")
                                                .add("modelName", "Basic")
                                                .add(
                                                        "fields",
                                                        Json.createObjectBuilder()
                                                                .add("Front", "cat " + id)
                                                                .add("Back", "neko"))
                                                .add(
                                                        "picture",
                                                        Json.createArrayBuilder()
                                                                .add(Json.createObjectBuilder()
                                                                        .add("filename", "cat-" + id + ".gif")
                                                                        .add("data", gif)
                                                                        .add(
                                                                                "fields",
                                                                                Json.createArrayBuilder()
                                                                                        .add("Back"))))
                                                .add(
                                                        "audio",
                                                        Json.createObjectBuilder()
                                                                .add("filename", "cat-" + id + ".mp3")
                                                                .add("data", mp3)
                                                                .add(
                                                                        "fields",
                                                                        Json.createArrayBuilder()
                                                                                .add("Front"))))
                                .build())
                .toString());
        JsonObject fields = client.call(
                        "notesInfo",
                        Json.createObjectBuilder()
                                .add("notes", Json.createArrayBuilder().add(note))
                                .build())
                .asJsonArray()
                .getJsonObject(0)
                .getJsonObject("fields");
        assertEquals(
                "cat " + id + "[sound:cat-" + id + ".mp3]",
                fields.getJsonObject("Front").getString("value"));
        assertEquals(
                "neko<img src=\"cat-" + id + ".gif\">",
                fields.getJsonObject("Back").getString("value"));
        assertEquals(
                gif,
                ((jakarta.json.JsonString) client.call(
                                "retrieveMediaFile",
                                Json.createObjectBuilder()
                                        .add("filename", "cat-" + id + ".gif")
                                        .build()))
                        .getString());
    }

    @Test
    void addNote_aFailingMediaObject_writesItsErrorIntoTheField_andStillAdds() {
        AnkiClient client = new AnkiClient(url);
        String id = UUID.randomUUID().toString().substring(0, 8);
        long note = Long.parseLong(client.call(
                        "addNote",
                        Json.createObjectBuilder()
                                .add(
                                        "note",
                                        Json.createObjectBuilder()
                                                .add("deckName", "Default")
                                                .add("modelName", "Basic")
                                                .add(
                                                        "fields",
                                                        Json.createObjectBuilder()
                                                                .add("Front", "dog " + id)
                                                                .add("Back", "inu"))
                                                .add(
                                                        "picture",
                                                        Json.createObjectBuilder()
                                                                .add("filename", "x.png")
                                                                .add(
                                                                        "fields",
                                                                        Json.createArrayBuilder()
                                                                                .add("Back"))))
                                .build())
                .toString());
        JsonObject fields = client.call(
                        "notesInfo",
                        Json.createObjectBuilder()
                                .add("notes", Json.createArrayBuilder().add(note))
                                .build())
                .asJsonArray()
                .getJsonObject(0)
                .getJsonObject("fields");
        assertEquals(
                "inuYou must provide a \"data\", \"path\", or \"url\" field.",
                fields.getJsonObject("Back").getString("value"));
    }

    @Test
    void addNote_failingMediaWithoutFields_isPythonsKeyError() {
        AnkiClient client = new AnkiClient(url);
        assertEquals(
                "'fields'",
                client.error(
                        "addNote",
                        Json.createObjectBuilder()
                                .add(
                                        "note",
                                        Json.createObjectBuilder()
                                                .add("deckName", "Default")
                                                .add("modelName", "Basic")
                                                .add(
                                                        "fields",
                                                        Json.createObjectBuilder()
                                                                .add("Front", "eel " + UUID.randomUUID())
                                                                .add("Back", "unagi"))
                                                .add(
                                                        "audio",
                                                        Json.createObjectBuilder()
                                                                .add("filename", "x.mp3")))
                                .build()));
    }
}
