package dev.ankiconnect.search;

import static dev.ankiconnect.support.Fixtures.basicNote;
import static dev.ankiconnect.support.Fixtures.ids;
import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Searches of read-only requests run on an in-memory copy of the collection: every kind of write must show in
 * the very next search, also inside one {@code multi}, and a read-only request must keep nothing it writes.
 */
@ExtendWith(ArquillianExtension.class)
class SearchMemoryIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("searchmemory");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;
    String word;

    @BeforeEach
    void setUp() {
        client = new AnkiClient(url);
        word = "w" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<Long> find(String action, String query) {
        return longs(client.call(action, params("query", Json.createValue(query))));
    }

    @Test
    void addedUpdatedAndDeletedNotesShowInTheNextSearch() {
        assertEquals(List.of(), find("findNotes", word));
        long id = basicNote(client)
                .fields("Front", word, "Back", "one")
                .tags("fresh")
                .add();
        assertEquals(List.of(id), find("findNotes", word));
        assertEquals(List.of(id), find("findNotes", word + " tag:fresh"));

        client.call(
                "updateNoteFields",
                Json.createObjectBuilder()
                        .add(
                                "note",
                                Json.createObjectBuilder()
                                        .add("id", id)
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder().add("Front", word + "x")))
                        .build());
        assertEquals(List.of(id), find("findNotes", word + "x"));
        assertEquals(List.of(), find("findNotes", "front:" + word));

        client.call(
                "replaceTags",
                Json.createObjectBuilder()
                        .add("notes", ids(id))
                        .add("tag_to_replace", "fresh")
                        .add("replace_with_tag", "stale")
                        .build());
        assertEquals(List.of(), find("findNotes", word + " tag:fresh"));
        assertEquals(List.of(id), find("findNotes", word + " tag:stale"));

        client.call("deleteNotes", params("notes", ids(id)));
        assertEquals(List.of(), find("findNotes", word));
    }

    @Test
    void cardChangesShowInTheNextSearch() {
        String deck = Fixtures.deck(client, "Mem");
        long note =
                basicNote(client).deck(deck).fields("Front", word, "Back", "b").add();
        List<Long> cards = find("findCards", "deck:\"" + deck + "\"");
        assertEquals(1, cards.size());
        assertEquals(List.of(), find("findCards", "deck:\"" + deck + "\" is:suspended"));

        client.call("suspend", params("cards", ids(cards.get(0))));
        assertEquals(cards, find("findCards", "deck:\"" + deck + "\" is:suspended"));

        String other = Fixtures.deck(client, "Moved");
        client.call(
                "changeDeck",
                Json.createObjectBuilder()
                        .add("cards", ids(cards.get(0)))
                        .add("deck", other)
                        .build());
        assertEquals(List.of(), find("findCards", "deck:\"" + deck + "\""));
        assertEquals(List.of(note), find("findNotes", "deck:\"" + other + "\""));

        client.call(
                "setDueDate",
                Json.createObjectBuilder()
                        .add("cards", ids(cards.get(0)))
                        .add("days", "0")
                        .build());
        assertEquals(cards, find("findCards", "deck:\"" + other + "\" is:review"));
    }

    @Test
    void aWriteAndASearchInOneMultiSeeEachOther() {
        JsonArray actions = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("action", "addNote")
                        .add(
                                "params",
                                Json.createObjectBuilder()
                                        .add(
                                                "note",
                                                basicNote(client)
                                                        .fields("Front", word, "Back", "m")
                                                        .json())))
                .add(Json.createObjectBuilder()
                        .add("action", "findNotes")
                        .add("params", Json.createObjectBuilder().add("query", word)))
                .build();
        JsonArray results = client.call("multi", params("actions", actions)).asJsonArray();
        long added = results.getJsonNumber(0).longValue();
        assertEquals(List.of(added), longs(results.get(1)));
    }

    @Test
    void notesInfoByQueryReadsTheCopyToo() {
        long id = basicNote(client).fields("Front", word, "Back", "q").add();
        JsonValue info = client.call("notesInfo", params("query", Json.createValue("front:" + word)));
        assertEquals(1, info.asJsonArray().size());
        assertEquals(
                id, info.asJsonArray().getJsonObject(0).getJsonNumber("noteId").longValue());
    }
}
