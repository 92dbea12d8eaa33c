package dev.ankiconnect.gui;

import static dev.ankiconnect.support.JsonArgs.o;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The card browser as guiState shows it to the study UI, and the UI's close button (guiCloseWindow): {@code browser}
 * is null while the browser is closed, else its search and selection; opening, searching and selecting move
 * {@code version}; closing it makes guiSelectedNotes answer [] and guiSelectCard false, as AnkiConnect's without a
 * Browser, and leaves the main window where it is.
 */
@ExtendWith(ArquillianExtension.class)
class GuiBrowserIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("gui-browser");
    }

    @ArquillianResource
    URL url;

    @Test
    void theBrowserInGuiStateAndClosingIt() {
        AnkiClient client = new AnkiClient(url);
        String deck = "GuiBrowser";
        client.call("createDeck", o("deck", deck));
        JsonObject note = o("deckName", deck, "modelName", "Basic", "fields", o("Front", "one", "Back", "two"));
        long nid = ((JsonNumber) client.call("addNote", o("note", note))).longValue();
        long card = ((JsonNumber) client.call("findCards", o("query", "nid:" + nid))
                        .asJsonArray()
                        .get(0))
                .longValue();
        client.call("guiDeckOverview", o("name", deck));

        // closed (never opened): null; closing it again answers false and moves nothing
        JsonObject closed = client.call("guiState").asJsonObject();
        assertEquals(JsonValue.NULL, closed.get("browser"));
        assertEquals(JsonValue.FALSE, client.call("guiCloseWindow", o("window", "browser")));
        assertEquals(closed, client.call("guiState").asJsonObject());

        // a search opens it, nothing selected
        client.call("guiBrowse", o("query", "nid:" + nid));
        JsonObject open = client.call("guiState").asJsonObject();
        assertEquals(o("query", "nid:" + nid, "card", JsonValue.NULL), open.get("browser"));
        assertTrue(open.getJsonNumber("version").longValue()
                > closed.getJsonNumber("version").longValue());
        assertEquals("overview", open.getString("screen"), "the browser is a window beside the main window");

        // a selection shows in it and moves the version
        assertEquals(JsonValue.TRUE, client.call("guiSelectCard", o("card", card)));
        JsonObject selected = client.call("guiState").asJsonObject();
        assertEquals(o("query", "nid:" + nid, "card", card), selected.get("browser"));
        assertTrue(selected.getJsonNumber("version").longValue()
                > open.getJsonNumber("version").longValue());
        assertEquals(Json.createArrayBuilder().add(nid).build(), client.call("guiSelectedNotes"));

        // without a query it keeps its search, and the selection goes
        client.call("guiBrowse", o());
        assertEquals(
                o("query", "nid:" + nid, "card", JsonValue.NULL),
                client.call("guiState").asJsonObject().get("browser"));
        client.call("guiSelectCard", o("card", card));

        // closing: true once, the selection gone, the main window where it was
        assertEquals(JsonValue.TRUE, client.call("guiCloseWindow", o("window", "browser")));
        JsonObject after = client.call("guiState").asJsonObject();
        assertEquals(JsonValue.NULL, after.get("browser"));
        assertTrue(after.getJsonNumber("version").longValue()
                > selected.getJsonNumber("version").longValue());
        assertEquals("overview", after.getString("screen"));
        assertEquals(deck, after.getString("deckName"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, client.call("guiSelectedNotes"));
        assertEquals(JsonValue.FALSE, client.call("guiSelectCard", o("card", card)));
        assertEquals(JsonValue.FALSE, client.call("guiSelectNote", o("note", card)));
        assertEquals(JsonValue.FALSE, client.call("guiCloseWindow", o("window", "browser")));

        // a window it does not know is refused with its name
        assertEquals("guiCloseWindow: unknown window: nope", client.error("guiCloseWindow", o("window", "nope")));
        assertEquals(
                "AnkiConnect.guiCloseWindow() missing 1 required positional argument: 'window'",
                client.error("guiCloseWindow", o()));
    }
}
