package dev.ankiconnect.note;

import static dev.ankiconnect.support.Fixtures.basicNote;
import static dev.ankiconnect.support.Fixtures.clozeNote;
import static dev.ankiconnect.support.Fixtures.ids;
import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The note actions over HTTP: AnkiConnect's test_notes.py behaviours and PROTOCOL 10. */
@ExtendWith(ArquillianExtension.class)
class NoteActionsIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("notes");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private String deck() {
        return Fixtures.deck(client, "notes");
    }

    private JsonArray notesInfo(long... ids) {
        return client.call("notesInfo", params("notes", ids(ids))).asJsonArray();
    }

    private List<Long> find(String query) {
        return longs(client.call("findNotes", params("query", Json.createValue(query))));
    }

    @Test
    void addNote_returnsAnIdAndNotesInfoShowsTheNote() {
        String deck = deck();
        long id = basicNote(client)
                .deck(deck)
                .fields("Front", "front 1", "back", "back 1")
                .tags("tag1")
                .add();
        JsonObject info = notesInfo(id).getJsonObject(0);
        assertEquals(id, info.getJsonNumber("noteId").longValue());
        assertEquals("Basic", info.getString("modelName"));
        assertEquals(Json.createArrayBuilder().add("tag1").build(), info.getJsonArray("tags"));
        assertEquals(
                Json.createObjectBuilder()
                        .add(
                                "Front",
                                Json.createObjectBuilder()
                                        .add("value", "front 1")
                                        .add("order", 0))
                        .add(
                                "Back",
                                Json.createObjectBuilder()
                                        .add("value", "back 1")
                                        .add("order", 1))
                        .build(),
                info.getJsonObject("fields"));
        assertEquals(1, info.getJsonArray("cards").size());
        assertEquals(
                List.of("noteId", "profile", "tags", "fields", "modelName", "mod", "cards"),
                List.copyOf(info.keySet()));
        assertEquals(List.of(id), find("deck:\"" + deck + "\""));
    }

    @Test
    void addNote_refusesDuplicatesUnlessAllowed() {
        String deck = deck();
        basicNote(client).deck(deck).fields("Front", "dup <b>front</b>").add();
        String error = client.error(
                "addNote",
                params(
                        "note",
                        basicNote(client)
                                .deck(deck)
                                .fields("Front", "dup front")
                                .json()));
        assertEquals("cannot create note because it is a duplicate", error);
        JsonObject allow =
                Json.createObjectBuilder().add("allowDuplicate", true).build();
        basicNote(client).deck(deck).fields("Front", "dup front").options(allow).add();
        assertEquals(2, find("deck:\"" + deck + "\"").size());
    }

    @Test
    void addNote_errorsInLookupOrder() {
        JsonObject noModel = Json.createObjectBuilder()
                .add("deckName", "nope")
                .add("fields", JsonValue.EMPTY_JSON_OBJECT)
                .build();
        assertEquals("'modelName'", client.error("addNote", params("note", noModel)));
        JsonObject badModel = Json.createObjectBuilder()
                .add("modelName", "nope")
                .add("deckName", "nope")
                .build();
        assertEquals("model was not found: nope", client.error("addNote", params("note", badModel)));
        JsonObject badDeck = Json.createObjectBuilder()
                .add("modelName", "Basic")
                .add("deckName", "nope")
                .build();
        assertEquals("deck was not found: nope", client.error("addNote", params("note", badDeck)));
        JsonObject noFields = Json.createObjectBuilder()
                .add("modelName", "Basic")
                .add("deckName", "Default")
                .build();
        assertEquals("'fields'", client.error("addNote", params("note", noFields)));
        JsonObject badOption = basicNote(client)
                .fields("Front", "x")
                .options(Json.createObjectBuilder().add("allowDuplicate", "yes").build())
                .json();
        assertEquals(
                "option parameter \"allowDuplicate\" must be boolean",
                client.error("addNote", params("note", badOption)));
        JsonObject badChildren = basicNote(client)
                .fields("Front", "x")
                .options(Json.createObjectBuilder()
                        .add("duplicateScopeOptions", Json.createObjectBuilder().add("checkChildren", 1))
                        .build())
                .json();
        assertEquals(
                "option parameter \"duplicateScopeOptions.checkChildren\" must be boolean",
                client.error("addNote", params("note", badChildren)));
        assertEquals(
                "cannot create note because it is empty",
                client.error(
                        "addNote",
                        params(
                                "note",
                                basicNote(client).fields("Back", "only back").json())));
        assertEquals(
                "cannot create note for unknown reason",
                client.error(
                        "addNote",
                        params(
                                "note",
                                clozeNote(client).fields("Text", "no cloze").json())));
        assertEquals(
                "cannot create note for unknown reason",
                client.error(
                        "addNote",
                        params(
                                "note",
                                basicNote(client).fields("Front", "{{c1::x}}").json())));
    }

    @Test
    void bug164_whitespaceFrontWithDeckScopeIsADuplicateTheSecondTime() {
        String deck = deck();
        JsonObject options = Json.createObjectBuilder()
                .add("allowDuplicate", false)
                .add("duplicateScope", "deck")
                .build();
        JsonObject note = basicNote(client)
                .deck(deck)
                .fields("Front", " Whitespace\n", "Back", "")
                .options(options)
                .json();
        client.call("addNote", params("note", note));
        assertEquals("cannot create note because it is a duplicate", client.error("addNote", params("note", note)));
    }

    @Test
    void deckScope_checksOnlyTheScopeDeckAndOptionallyItsChildren() {
        String parent = deck();
        String child = parent + "::child";
        client.call("createDeck", params("deck", Json.createValue(child)));
        basicNote(client).deck(child).fields("Front", "scoped").add();
        JsonObject deckScope =
                Json.createObjectBuilder().add("duplicateScope", "deck").build();
        // same text in the parent deck: not a duplicate within the parent alone
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "canAddNote",
                        params(
                                "note",
                                basicNote(client)
                                        .deck(parent)
                                        .fields("Front", "scoped")
                                        .options(deckScope)
                                        .json())));
        JsonObject withChildren = Json.createObjectBuilder()
                .add("duplicateScope", "deck")
                .add("duplicateScopeOptions", Json.createObjectBuilder().add("checkChildren", true))
                .build();
        assertEquals(
                JsonValue.FALSE,
                client.call(
                        "canAddNote",
                        params(
                                "note",
                                basicNote(client)
                                        .deck(parent)
                                        .fields("Front", "scoped")
                                        .options(withChildren)
                                        .json())));
        JsonObject missingDeck = Json.createObjectBuilder()
                .add("duplicateScope", "deck")
                .add("duplicateScopeOptions", Json.createObjectBuilder().add("deckName", "no such deck"))
                .build();
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "canAddNote",
                        params(
                                "note",
                                basicNote(client)
                                        .deck(child)
                                        .fields("Front", "scoped")
                                        .options(missingDeck)
                                        .json())));
        // checkAllModels compares with every note type, by checksum
        JsonObject allModels = Json.createObjectBuilder()
                .add("duplicateScopeOptions", Json.createObjectBuilder().add("checkAllModels", true))
                .build();
        JsonObject reversed = Json.createObjectBuilder()
                .add("deckName", parent)
                .add("modelName", "Basic (and reversed card)")
                .add("fields", Json.createObjectBuilder().add("Front", "scoped"))
                .add("options", allModels)
                .build();
        assertEquals(JsonValue.FALSE, client.call("canAddNote", params("note", reversed)));
    }

    @Test
    void addNotes_isAllOrNothingWithPythonListError() {
        String deck = deck();
        JsonArray notes = Json.createArrayBuilder()
                .add(basicNote(client).deck(deck).fields("Front", "foo").json())
                .add(basicNote(client).deck(deck).fields("Front", "bar").json())
                .add(basicNote(client).deck(deck).fields("Front", "foo").json())
                .add(Json.createObjectBuilder()
                        .add("deckName", deck)
                        .add("modelName", "non_existent_model")
                        .add("fields", JsonValue.EMPTY_JSON_OBJECT))
                .build();
        assertEquals(
                "['cannot create note because it is a duplicate', 'model was not found: non_existent_model']",
                client.error("addNotes", params("notes", notes)));
        assertEquals(List.of(), find("deck:\"" + deck + "\""));
        JsonArray good = Json.createArrayBuilder()
                .add(basicNote(client).deck(deck).fields("Front", "foo").json())
                .add(basicNote(client).deck(deck).fields("Front", "bar").json())
                .build();
        List<Long> ids = longs(client.call("addNotes", params("notes", good)));
        assertEquals(2, ids.size());
        assertEquals(ids, find("deck:\"" + deck + "\""));
    }

    @Test
    void canAddNotes_variantsCheckAgainstTheCollectionOnly() {
        String deck = deck();
        basicNote(client).deck(deck).fields("Front", "can foo").add();
        JsonObject allow =
                Json.createObjectBuilder().add("allowDuplicate", true).build();
        JsonArray notes = Json.createArrayBuilder()
                .add(basicNote(client).deck(deck).fields("Front", "can foo").json())
                .add(basicNote(client).deck(deck).fields("Front", "can baz").json())
                .add(basicNote(client).deck(deck).fields("Front", "can baz").json())
                .add(basicNote(client)
                        .deck(deck)
                        .fields("Front", "can foo")
                        .options(allow)
                        .json())
                .build();
        assertEquals(
                Json.createArrayBuilder()
                        .add(false)
                        .add(true)
                        .add(true)
                        .add(true)
                        .build(),
                client.call("canAddNotes", params("notes", notes)));
        JsonArray detail = client.call("canAddNotesWithErrorDetail", params("notes", notes))
                .asJsonArray();
        assertEquals(
                Json.createObjectBuilder()
                        .add("canAdd", false)
                        .add("error", "cannot create note because it is a duplicate")
                        .build(),
                detail.get(0));
        assertEquals(Json.createObjectBuilder().add("canAdd", true).build(), detail.get(1));
        JsonObject bad = Json.createObjectBuilder()
                .add("modelName", "nope")
                .add("deckName", deck)
                .build();
        assertEquals(
                Json.createObjectBuilder()
                        .add("canAdd", false)
                        .add("error", "model was not found: nope")
                        .build(),
                client.call("canAddNoteWithErrorDetail", params("note", bad)));
        assertEquals(JsonValue.FALSE, client.call("canAddNote", params("note", bad)));
    }

    @Test
    void tags_addRemoveReplaceClearAndRegistry() {
        String deck = deck();
        long n1 = basicNote(client)
                .deck(deck)
                .fields("Front", "tags 1")
                .tags("tg1")
                .add();
        long n2 = basicNote(client)
                .deck(deck)
                .fields("Front", "tags 2")
                .tags("tg2")
                .add();
        client.call(
                "addTags",
                Json.createObjectBuilder()
                        .add("notes", ids(n1))
                        .add("tags", "tg2 Parent Parent::Child")
                        .build());
        assertEquals(
                Json.createArrayBuilder()
                        .add("Parent")
                        .add("Parent::Child")
                        .add("tg1")
                        .add("tg2")
                        .build(),
                client.call("getNoteTags", params("note", Json.createValue(n1))));
        // existing spelling wins, case-insensitively
        client.call(
                "addTags",
                Json.createObjectBuilder()
                        .add("notes", ids(n2))
                        .add("tags", "TG1 parent::other")
                        .build());
        assertEquals(
                Json.createArrayBuilder()
                        .add("Parent::other")
                        .add("tg1")
                        .add("tg2")
                        .build(),
                client.call("getNoteTags", params("note", Json.createValue(n2))));
        client.call(
                "removeTags",
                Json.createObjectBuilder()
                        .add("notes", ids(n2))
                        .add("tags", "parent tg2")
                        .build());
        assertEquals(
                Json.createArrayBuilder().add("tg1").build(),
                client.call("getNoteTags", params("note", Json.createValue(n2))));
        client.call(
                "replaceTags",
                Json.createObjectBuilder()
                        .add("notes", ids(n1, 123))
                        .add("tag_to_replace", "TG1")
                        .add("replace_with_tag", "foo")
                        .build());
        assertEquals(
                Json.createArrayBuilder()
                        .add("foo")
                        .add("Parent")
                        .add("Parent::Child")
                        .add("tg2")
                        .build(),
                client.call("getNoteTags", params("note", Json.createValue(n1))));
        client.call(
                "replaceTagsInAllNotes",
                Json.createObjectBuilder()
                        .add("tag_to_replace", "tg1")
                        .add("replace_with_tag", "bar")
                        .build());
        assertEquals(
                Json.createArrayBuilder().add("bar").build(),
                client.call("getNoteTags", params("note", Json.createValue(n2))));
        Set<String> registered = strings(client.call("getTags"));
        assertTrue(
                registered.containsAll(Set.of("tg1", "tg2", "Parent::Child", "Parent::other", "foo", "bar")),
                registered.toString());
        client.call("clearUnusedTags");
        Set<String> after = strings(client.call("getTags"));
        assertTrue(after.containsAll(Set.of("tg2", "Parent::Child", "foo", "bar")), after.toString());
        assertTrue(!after.contains("tg1") && !after.contains("Parent::other"), after.toString());
    }

    private static Set<String> strings(JsonValue v) {
        Set<String> out = new TreeSet<>();
        v.asJsonArray().forEach(x -> out.add(((jakarta.json.JsonString) x).getString()));
        return out;
    }

    @Test
    void updateNoteTags_andGetNoteTags() {
        long id = basicNote(client)
                .deck(deck())
                .fields("Front", "update tags")
                .tags("old")
                .add();
        client.call(
                "updateNoteTags",
                Json.createObjectBuilder().add("note", id).add("tags", "single").build());
        assertEquals(
                Json.createArrayBuilder().add("single").build(),
                client.call("getNoteTags", params("note", Json.createValue(id))));
        client.call(
                "updateNoteTags",
                Json.createObjectBuilder()
                        .add("note", id)
                        .add("tags", Json.createArrayBuilder().add("a").add("c").add("b"))
                        .build());
        assertEquals(
                Json.createArrayBuilder().add("a").add("b").add("c").build(),
                client.call("getNoteTags", params("note", Json.createValue(id))));
        assertEquals(
                "Must provide tags as a list of strings",
                client.error(
                        "updateNoteTags",
                        Json.createObjectBuilder()
                                .add("note", id)
                                .add("tags", 5)
                                .build()));
        assertEquals("Note was not found: 123", client.error("getNoteTags", params("note", Json.createValue(123))));
    }

    @Test
    void updateNoteFields_andUpdateNote() {
        long id = basicNote(client)
                .deck(deck())
                .fields("Front", "uf front", "Back", "uf back")
                .add();
        long mod = notesInfo(id).getJsonObject(0).getJsonNumber("mod").longValue();
        client.call(
                "updateNoteFields",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add(
                                        "fields",
                                        Json.createObjectBuilder()
                                                .add("Back", "new back")
                                                .add("back", "ignored"))
                                .build()));
        JsonObject fields = notesInfo(id).getJsonObject(0).getJsonObject("fields");
        assertEquals("uf front", fields.getJsonObject("Front").getString("value"));
        assertEquals("new back", fields.getJsonObject("Back").getString("value"));
        assertTrue(notesInfo(id).getJsonObject(0).getJsonNumber("mod").longValue() >= mod);
        assertEquals(
                "Note was not found: 123",
                client.error(
                        "updateNoteFields",
                        params(
                                "note",
                                Json.createObjectBuilder()
                                        .add("id", 123)
                                        .add("fields", JsonValue.EMPTY_JSON_OBJECT)
                                        .build())));
        client.call(
                "updateNote",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("fields", Json.createObjectBuilder().add("Front", "both front"))
                                .add("tags", Json.createArrayBuilder().add("t1").add("t2"))
                                .build()));
        JsonObject info = notesInfo(id).getJsonObject(0);
        assertEquals(
                "both front",
                info.getJsonObject("fields").getJsonObject("Front").getString("value"));
        assertEquals(Json.createArrayBuilder().add("t1").add("t2").build(), info.getJsonArray("tags"));
        assertEquals(
                "Must provide a \"fields\" or \"tags\" property.",
                client.error(
                        "updateNote",
                        params("note", Json.createObjectBuilder().add("id", id).build())));
    }

    @Test
    void updatingANoteAddsCardsThatBecameNonEmptyAndKeepsTheOthers() {
        String deck = deck();
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", deck)
                .add("modelName", "Basic (optional reversed card)")
                .add(
                        "fields",
                        Json.createObjectBuilder().add("Front", "opt front").add("Back", "opt back"))
                .build();
        long id = ((jakarta.json.JsonNumber) client.call("addNote", params("note", note))).longValue();
        assertEquals(1, notesInfo(id).getJsonObject(0).getJsonArray("cards").size());
        client.call(
                "updateNoteFields",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("fields", Json.createObjectBuilder().add("Add Reverse", "y"))
                                .build()));
        assertEquals(2, notesInfo(id).getJsonObject(0).getJsonArray("cards").size());
        client.call(
                "updateNoteFields",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("fields", Json.createObjectBuilder().add("Add Reverse", ""))
                                .build()));
        assertEquals(2, notesInfo(id).getJsonObject(0).getJsonArray("cards").size());
    }

    @Test
    void cloze_generatesACardPerClozeNumberAndUpdatesAddMore() {
        String deck = deck();
        long id = clozeNote(client)
                .deck(deck)
                .fields("Text", "{{c1::a}} {{c3::b}}")
                .add();
        List<Long> cards = longs(notesInfo(id).getJsonObject(0).get("cards"));
        assertEquals(2, cards.size());
        JsonArray info = client.call("cardsInfo", params("cards", ids(cards))).asJsonArray();
        assertEquals(0, info.getJsonObject(0).getInt("ord"));
        assertEquals(2, info.getJsonObject(1).getInt("ord"));
        // both cards of one note share one new position
        assertEquals(info.getJsonObject(0).getInt("due"), info.getJsonObject(1).getInt("due"));
        client.call(
                "updateNoteFields",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("fields", Json.createObjectBuilder().add("Text", "{{c2::only two}}"))
                                .build()));
        List<Long> after = longs(notesInfo(id).getJsonObject(0).get("cards"));
        assertEquals(3, after.size());
        assertTrue(after.containsAll(cards));
    }

    @Test
    void newNotesGetIncreasingPositions() {
        String deck = deck();
        long a = basicNote(client).deck(deck).fields("Front", "pos a").add();
        long b = basicNote(client).deck(deck).fields("Front", "pos b").add();
        long ca = longs(notesInfo(a).getJsonObject(0).get("cards")).get(0);
        long cb = longs(notesInfo(b).getJsonObject(0).get("cards")).get(0);
        JsonArray info = client.call("cardsInfo", params("cards", ids(ca, cb))).asJsonArray();
        assertEquals(
                info.getJsonObject(0).getInt("due") + 1, info.getJsonObject(1).getInt("due"));
        assertNotEquals(a, b);
    }

    @Test
    void notesInfo_byQuery_unknownIds_andModTimes() {
        String deck = deck();
        long id = basicNote(client).deck(deck).fields("Front", "info by query").add();
        JsonArray byQuery = client.call("notesInfo", params("query", Json.createValue("deck:\"" + deck + "\"")))
                .asJsonArray();
        assertEquals(1, byQuery.size());
        assertEquals(id, byQuery.getJsonObject(0).getJsonNumber("noteId").longValue());
        assertEquals(Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build(), notesInfo(123));
        assertEquals(
                "Must provide either \"notes\" or a \"query\"", client.error("notesInfo", JsonValue.EMPTY_JSON_OBJECT));
        JsonArray mod =
                client.call("notesModTime", params("notes", ids(id, 123))).asJsonArray();
        assertEquals(id, mod.getJsonObject(0).getJsonNumber("noteId").longValue());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, mod.get(1));
    }

    @Test
    void findNotes_emptyAndMissingQueries_andSearchErrors() {
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, client.call("findNotes"));
        String deck = deck();
        long id = basicNote(client).deck(deck).fields("Front", "findable Zebra").add();
        assertTrue(find("").contains(id));
        assertEquals(List.of(id), find("deck:\"" + deck + "\" front:*zebra*"));
        assertEquals(List.of(id), find("deck:\"" + deck + "\" zebra"));
        // first-field searches go through the fkey index: exact field, ASCII case ignored
        assertEquals(List.of(id), find("\"front:FINDABLE zebra\""));
        assertEquals(List.of(id), find("deck:\"" + deck + "\" \"Front:findable ZEBRA\""));
        assertEquals(List.of(), find("front:findable"));
        long html =
                basicNote(client).deck(deck).fields("Front", "<b>findable</b>").add();
        assertEquals(List.of(), find("front:findable"));
        assertEquals(List.of(html), find("\"front:<b>findable</b>\""));
        assertTrue(client.error("findNotes", params("query", Json.createValue("(")))
                .startsWith("Invalid search:"));
    }

    @Test
    void deleteNotes_removesNotesAndCards() {
        String deck = deck();
        long a = basicNote(client).deck(deck).fields("Front", "del a").add();
        long b = basicNote(client).deck(deck).fields("Front", "del b").add();
        client.call("deleteNotes", params("notes", ids(a, b, 123)));
        assertEquals(List.of(), find("deck:\"" + deck + "\""));
        assertEquals(
                JsonValue.EMPTY_JSON_ARRAY,
                client.call("findCards", params("query", Json.createValue("deck:\"" + deck + "\""))));
    }

    @Test
    void updateNoteModel_switchesTypeAndReplacesTags() {
        long id = basicNote(client)
                .deck(deck())
                .fields("Front", "switch me")
                .tags("keep")
                .add();
        client.call(
                "updateNoteModel",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("modelName", "Basic (and reversed card)")
                                .add(
                                        "fields",
                                        Json.createObjectBuilder()
                                                .add("front", "switched")
                                                .add("Back", "b"))
                                .build()));
        JsonObject info = notesInfo(id).getJsonObject(0);
        assertEquals("Basic (and reversed card)", info.getString("modelName"));
        assertEquals(
                "switched", info.getJsonObject("fields").getJsonObject("Front").getString("value"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, info.getJsonArray("tags"));
        assertEquals(2, info.getJsonArray("cards").size());
        assertEquals(
                "Note ID is required", client.error("updateNoteModel", params("note", JsonValue.EMPTY_JSON_OBJECT)));
        assertEquals(
                "Model 'nope' not found",
                client.error(
                        "updateNoteModel",
                        params(
                                "note",
                                Json.createObjectBuilder()
                                        .add("id", id)
                                        .add("modelName", "nope")
                                        .add(
                                                "fields",
                                                Json.createObjectBuilder().add("a", "b"))
                                        .build())));
    }

    /**
     * A reversed note switched to Basic keeps both cards, as in Anki; the second card's template is gone, and
     * rendering it fails as Anki's renderer does ({@code missing template}), which sync tools rely on to notice the
     * broken card. The first card still renders.
     */
    @Test
    void cardsInfo_ofACardWhoseTemplateIsGone_failsAsAnkiDoes() {
        long id = Fixtures.note(client, "Basic (and reversed card)")
                .deck(deck())
                .fields("Front", "two sides", "Back", "b")
                .add();
        client.call(
                "updateNoteModel",
                params(
                        "note",
                        Json.createObjectBuilder()
                                .add("id", id)
                                .add("modelName", "Basic")
                                .add(
                                        "fields",
                                        Json.createObjectBuilder()
                                                .add("Front", "one side")
                                                .add("Back", "b"))
                                .build()));
        JsonArray cards = notesInfo(id).getJsonObject(0).getJsonArray("cards");
        assertEquals(2, cards.size());
        long first = cards.getJsonNumber(0).longValue();
        long second = cards.getJsonNumber(1).longValue();
        JsonObject ok = client.call("cardsInfo", params("cards", ids(first)))
                .asJsonArray()
                .getJsonObject(0);
        assertEquals(
                "one side", ok.getJsonObject("fields").getJsonObject("Front").getString("value"));
        assertEquals("missing template", client.error("cardsInfo", params("cards", ids(second))));
        assertEquals("missing template", client.error("cardsInfo", params("cards", ids(first, second))));
    }
}
