package dev.ankiconnect.gui;

import static dev.ankiconnect.support.JsonArgs.a;
import static dev.ankiconnect.support.JsonArgs.o;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.MarksProbe;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Add and Edit dialogs over HTTP (guiAddCards, guiAddNoteSetData, guiEditNote, guiCloseWindow and guiState's
 * dialog keys): AnkiConnect's results and error texts, replace and append, the closed dialog's success result, and that
 * opening, changing and closing a dialog is no collection write (the test-only {@link MarksProbe} reads the write
 * counter and digests) while media a note object brings is one.
 */
@ExtendWith(ArquillianExtension.class)
class GuiDialogsIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("gui-dialogs").addClass(MarksProbe.class);
    }

    @ArquillianResource
    URL url;

    AnkiClient client;
    String s;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void setUp() {
        client = new AnkiClient(url);
        s = UUID.randomUUID().toString().substring(0, 8);
        // every test starts with both dialogs closed
        client.call("guiCloseWindow", o("window", "addCards"));
        client.call("guiCloseWindow", o("window", "editNote"));
    }

    JsonObject state() {
        return client.call("guiState").asJsonObject();
    }

    long gen() {
        String profile = ((JsonString) client.call("getActiveProfile")).getString();
        URI uri = URI.create(url.toString())
                .resolve("_test/marks?profile=" + URLEncoder.encode(profile, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"marksProbe\", \"version\": 6}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return AnkiClient.parse(response.body())
                    .asJsonObject()
                    .getJsonNumber("gen")
                    .longValue();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("probe failed: " + e, e);
        }
    }

    JsonObject basic(String deck, String front, String back) {
        return o("deckName", deck, "modelName", "Basic", "fields", o("Front", front, "Back", back));
    }

    @Test
    void addDialogOpensWithTheDraftAndNothingIsSaved() {
        String deck = "Dialogs-" + s;
        client.call("createDeck", o("deck", deck));
        long gen = gen();
        long version = state().getJsonNumber("dialogVersion").longValue();
        JsonObject note = o(
                "deckName",
                deck,
                "modelName",
                "Basic",
                "fields",
                o("Front", "front " + s, "back", "ignored: names are exact", "Nope", "ignored"),
                "tags",
                a("t1-" + s, "t2"),
                "options",
                o("allowDuplicate", true));
        assertEquals(0, ((JsonNumber) client.call("guiAddCards", o("note", note))).longValue());
        JsonObject st = state();
        assertTrue(st.getJsonNumber("dialogVersion").longValue() > version, st.toString());
        JsonObject draft = st.getJsonObject("addCards");
        assertEquals(deck, draft.getString("deckName"));
        assertEquals("Basic", draft.getString("modelName"));
        assertEquals(o("Front", "front " + s, "Back", ""), draft.getJsonObject("fields"));
        assertEquals(a("t1-" + s, "t2"), draft.getJsonArray("tags"));
        assertEquals(JsonValue.NULL, st.get("editNote"));
        assertEquals(gen, gen(), "opening the Add dialog is no collection write");
        assertEquals(
                0,
                client.call("findNotes", o("query", "tag:t1-" + s))
                        .asJsonArray()
                        .size());
        // without a note: an open dialog stays as it is
        assertEquals(0, ((JsonNumber) client.call("guiAddCards")).longValue());
        assertEquals(draft, state().getJsonObject("addCards"));
        // a new note replaces the open dialog's content
        client.call("guiAddCards", o("note", basic(deck, "second " + s, "b")));
        assertEquals(
                "second " + s,
                state().getJsonObject("addCards").getJsonObject("fields").getString("Front"));
        assertEquals(JsonValue.TRUE, client.call("guiCloseWindow", o("window", "addCards")));
        assertEquals(JsonValue.NULL, state().get("addCards"));
        assertEquals(JsonValue.FALSE, client.call("guiCloseWindow", o("window", "addCards")));
        assertEquals("guiCloseWindow: unknown window: nothing", client.error("guiCloseWindow", o("window", "nothing")));
        // closed, without a note: it opens empty on Default (the main window shows the deck list) and Basic
        client.call("guiDeckBrowser");
        client.call("guiAddCards");
        JsonObject fresh = state().getJsonObject("addCards");
        assertEquals("Default", fresh.getString("deckName"));
        assertEquals("Basic", fresh.getString("modelName"));
        assertEquals(o("Front", "", "Back", ""), fresh.getJsonObject("fields"));
        assertEquals(gen, gen(), "dialog moves are no collection writes");
    }

    @Test
    void addCardsRefusesAsAnkiConnect() {
        assertEquals(
                "deck was not found: Nowhere-" + s,
                client.error("guiAddCards", o("note", basic("Nowhere-" + s, "f", "b"))));
        JsonObject badModel = o("deckName", "Default", "modelName", "NoModel-" + s, "fields", o());
        assertEquals("model was not found: NoModel-" + s, client.error("guiAddCards", o("note", badModel)));
        assertEquals("'deckName'", client.error("guiAddCards", o("note", o("modelName", "Basic"))));
        assertEquals(JsonValue.NULL, state().get("addCards"), "a refused note opens nothing");
    }

    @Test
    void setDataReplacesAppendsAndAnswersTheClosedDialog() {
        JsonObject closed = client.call("guiAddNoteSetData", o("note", o("fields", o("Front", "x"))))
                .asJsonObject();
        assertEquals(o("error", "Add Note dialog is not open", "code", 1L), closed);
        String deck = "SetData-" + s;
        client.call("createDeck", o("deck", deck));
        client.call("guiAddCards", o("note", o("deckName", "Default", "modelName", "Basic", "tags", a("a", "b"))));
        long gen = gen();
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "guiAddNoteSetData",
                        o("note", o("deckName", deck, "fields", o("Front", "one"), "tags", a("c")))));
        JsonObject draft = state().getJsonObject("addCards");
        assertEquals(deck, draft.getString("deckName"));
        assertEquals("one", draft.getJsonObject("fields").getString("Front"));
        assertEquals(a("c"), draft.getJsonArray("tags"));
        client.call(
                "guiAddNoteSetData",
                o("note", o("fields", o("Front", " two", "Back", "back"), "tags", a("c", "d")), "append", true));
        draft = state().getJsonObject("addCards");
        assertEquals(o("Front", "one two", "Back", "back"), draft.getJsonObject("fields"));
        assertEquals(a("c", "d"), draft.getJsonArray("tags"));
        client.call("guiAddNoteSetData", o("note", o("tags", "e"), "append", true));
        assertEquals(a("c", "d", "e"), state().getJsonObject("addCards").getJsonArray("tags"));
        // the note type first: the fields keep their text by position
        client.call("guiAddNoteSetData", o("note", o("modelName", "Basic (and reversed card)")));
        draft = state().getJsonObject("addCards");
        assertEquals("Basic (and reversed card)", draft.getString("modelName"));
        assertEquals(o("Front", "one two", "Back", "back"), draft.getJsonObject("fields"));
        assertEquals(
                "Deck \"Nowhere-" + s + "\" not found",
                client.error("guiAddNoteSetData", o("note", o("deckName", "Nowhere-" + s))));
        assertEquals(
                "Model \"NoModel-" + s + "\" not found",
                client.error("guiAddNoteSetData", o("note", o("modelName", "NoModel-" + s))));
        assertEquals(
                "Field \"front\" not found in current note",
                client.error("guiAddNoteSetData", o("note", o("fields", o("front", "x")))));
        assertEquals(draft, state().getJsonObject("addCards"), "a refused change changes nothing");
        assertEquals(gen, gen(), "changing the draft is no collection write");
    }

    @Test
    void mediaIsStoredAsAddNoteStoresIt() {
        String file = "_dialog-" + s + ".txt";
        String data = Base64.getEncoder().encodeToString(("dialog " + s).getBytes(StandardCharsets.UTF_8));
        JsonObject note = o(
                "deckName",
                "Default",
                "modelName",
                "Basic",
                "fields",
                o("Front", "f"),
                "audio",
                o(
                        "data",
                        data,
                        "filename",
                        file,
                        "fields",
                        Json.createArrayBuilder().add("Back").build()));
        long gen = gen();
        client.call("guiAddCards", o("note", note));
        assertEquals(
                "[sound:" + file + "]",
                state().getJsonObject("addCards").getJsonObject("fields").getString("Back"));
        assertEquals(data, ((JsonString) client.call("retrieveMediaFile", o("filename", file))).getString());
        assertEquals(gen + 1, gen(), "storing the media file is a collection write");
        // guiAddNoteSetData: the same, appended after the fields are set
        String picture = "_dialog-" + s + ".png";
        client.call(
                "guiAddNoteSetData",
                o(
                        "note",
                        o(
                                "fields",
                                o("Front", "g"),
                                "picture",
                                o(
                                        "data",
                                        data,
                                        "filename",
                                        picture,
                                        "fields",
                                        Json.createArrayBuilder().add("Front").build())),
                        "append",
                        true));
        assertEquals(
                "fg<img src=\"" + picture + "\">",
                state().getJsonObject("addCards").getJsonObject("fields").getString("Front"));
        assertEquals(gen + 2, gen());
    }

    @Test
    void editNoteOpensOnANoteAndRefusesAnUnknownOne() {
        long note = ((JsonNumber) client.call("addNote", o("note", basic("Default", "edit " + s, "b")))).longValue();
        long gen = gen();
        assertEquals(JsonValue.NULL, client.call("guiEditNote", o("note", note)));
        JsonObject st = state();
        assertEquals(note, st.getJsonNumber("editNote").longValue());
        assertEquals(JsonValue.NULL, st.get("addCards"));
        assertEquals("Note was not found: 1", client.error("guiEditNote", o("note", 1L)));
        assertEquals(note, state().getJsonNumber("editNote").longValue());
        long version = state().getJsonNumber("dialogVersion").longValue();
        assertEquals(JsonValue.TRUE, client.call("guiCloseWindow", o("window", "editNote")));
        st = state();
        assertEquals(JsonValue.NULL, st.get("editNote"));
        assertNotEquals(version, st.getJsonNumber("dialogVersion").longValue());
        assertEquals(gen, gen(), "the Edit dialog's moves are no collection writes");
    }
}
