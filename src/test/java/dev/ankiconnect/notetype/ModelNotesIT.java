package dev.ankiconnect.notetype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deck and model edits keep existing notes and cards consistent. Notes are added with the note
 * actions; where those are not deployed yet (the notes work lives on another branch) the tests
 * are skipped rather than faked with test-only actions.
 */
@ExtendWith(ArquillianExtension.class)
class ModelNotesIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("decks");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    static JsonObject j(String json) {
        return AnkiClient.parse(json.replace('\'', '"')).asJsonObject();
    }

    JsonValue call(String action, String params) {
        return client.call(action, j(params));
    }

    void model(String name, String fields, String templates) {
        call(
                "createModel",
                "{'modelName': '" + name + "', 'inOrderFields': " + fields + ", 'cardTemplates': " + templates + "}");
    }

    long addNote(String deck, String model, String fields) {
        return ((jakarta.json.JsonNumber) call(
                        "addNote",
                        "{'note': {'deckName': '" + deck + "', 'modelName': '" + model + "', 'fields': " + fields
                                + "}}"))
                .longValueExact();
    }

    JsonObject info(long nid) {
        return client.call(
                        "notesInfo",
                        Json.createObjectBuilder()
                                .add("notes", Json.createArrayBuilder().add(nid))
                                .build())
                .asJsonArray()
                .getJsonObject(0);
    }

    /** "name=value" per field in field order. */
    List<String> fields(long nid) {
        JsonObject fields = info(nid).getJsonObject("fields");
        String[] out = new String[fields.size()];
        fields.forEach((name, v) -> out[v.asJsonObject().getInt("order")] =
                name + "=" + v.asJsonObject().getString("value"));
        return List.of(out);
    }

    /** Ordinals of the note's cards, by card id order. */
    List<Integer> cardOrds(long nid) {
        JsonArray cards = info(nid).getJsonArray("cards");
        JsonArray infos = client.call(
                        "cardsInfo",
                        Json.createObjectBuilder().add("cards", cards).build())
                .asJsonArray();
        List<Integer> out = new ArrayList<>();
        infos.forEach(c -> out.add(c.asJsonObject().getInt("ord")));
        out.sort(Integer::compare);
        return out;
    }

    @Test
    void fieldEdits_moveTheValuesOfEveryNote() {
        model("NF", "['a', 'b', 'c']", "[{'Front': '{{a}}', 'Back': '{{b}}'}]");
        long nid = addNote("Default", "NF", "{'a': '1', 'b': '2', 'c': '3'}");
        call("modelFieldReposition", "{'modelName': 'NF', 'fieldName': 'c', 'index': 0}");
        assertEquals(List.of("c=3", "a=1", "b=2"), fields(nid));
        call("modelFieldAdd", "{'modelName': 'NF', 'fieldName': 'new', 'index': 1}");
        assertEquals(List.of("c=3", "new=", "a=1", "b=2"), fields(nid));
        call("modelFieldRename", "{'modelName': 'NF', 'oldFieldName': 'b', 'newFieldName': 'bee'}");
        assertEquals(List.of("c=3", "new=", "a=1", "bee=2"), fields(nid));
        call("modelFieldRemove", "{'modelName': 'NF', 'fieldName': 'new'}");
        assertEquals(List.of("c=3", "a=1", "bee=2"), fields(nid));
    }

    @Test
    void fieldReposition_recomputesTheChecksumUsedForDuplicates() {
        model("NDup", "['a', 'b']", "[{'Front': '{{a}}', 'Back': '{{b}}'}]");
        addNote("Default", "NDup", "{'a': 'first', 'b': 'second'}");
        call("modelFieldReposition", "{'modelName': 'NDup', 'fieldName': 'b', 'index': 0}");
        assertEquals(
                JsonValue.FALSE,
                call(
                        "canAddNote",
                        "{'note': {'deckName': 'Default', 'modelName': 'NDup', 'fields': {'b': 'second', 'a': 'x'}}}"));
        assertEquals(
                JsonValue.TRUE,
                call(
                        "canAddNote",
                        "{'note': {'deckName': 'Default', 'modelName': 'NDup', 'fields': {'b': 'first', 'a': 'x'}}}"));
    }

    @Test
    void templateEdits_removeRenumberAndGenerateCards() {
        model("NT", "['a', 'b']", "[{'Front': '{{a}}', 'Back': ''}, {'Front': '{{b}}', 'Back': ''}]");
        long both = addNote("Default", "NT", "{'a': 'x', 'b': 'y'}");
        long onlyA = addNote("Default", "NT", "{'a': 'z', 'b': ''}");
        assertEquals(List.of(0, 1), cardOrds(both));
        assertEquals(List.of(0), cardOrds(onlyA));

        call("modelTemplateReposition", "{'modelName': 'NT', 'templateName': 'Card 2', 'index': 0}");
        assertEquals(List.of(0, 1), cardOrds(both));
        assertEquals(List.of(1), cardOrds(onlyA));

        call("modelTemplateRemove", "{'modelName': 'NT', 'templateName': 'Card 1'}");
        assertEquals(List.of(0), cardOrds(both));
        // The note keeps existing without cards (notesInfo would fail on it, as AnkiConnect's does).
        assertEquals(j("{'x': []}").get("x"), call("findCards", "{'query': 'nid:" + onlyA + "'}"));

        call(
                "modelTemplateAdd",
                "{'modelName': 'NT', 'template': {'Name': 'Again A', 'Front': '{{a}} again', 'Back': ''}}");
        assertEquals(List.of(0, 1), cardOrds(both));
        assertEquals(List.of(1), cardOrds(onlyA));
    }
}
