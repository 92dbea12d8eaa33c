package dev.ankiconnect.notetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.note.NoteTypeSync;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How structural edits of a note type translate into field moves, template moves and rewritten templates. */
class NoteTypeEditTest {

    /** Fields A, B, C; templates T1 {{A}}/{{B}}, T2 {{B}}/{{C}}; sort field B. */
    static JsonObject sample() {
        JsonObject base = NoteTypeJson.noteType(
                1,
                "M",
                NoteTypeJson.STANDARD,
                List.of(NoteTypeJson.field("A", 0), NoteTypeJson.field("B", 1), NoteTypeJson.field("C", 2)),
                List.of(
                        NoteTypeJson.template("T1", 0, "{{A}}", "{{B}}"),
                        NoteTypeJson.template("T2", 1, "x{{B}}", "{{C}}")),
                "",
                0,
                null);
        return Json.PROVIDER.createObjectBuilder(base).add("sortf", 1).build();
    }

    static List<String> names(JsonObject json, String key) {
        return json.getJsonArray(key).stream()
                .map(v -> v.asJsonObject().getString("name"))
                .toList();
    }

    @Test
    void noChange_movesNothing() {
        NoteTypeEdit.Saved saved = new NoteTypeEdit(sample()).finish(5);
        assertEquals(List.of(0, 1, 2), saved.fieldOrigins());
        assertFalse(saved.fieldsChanged());
        assertFalse(saved.generateCards());
        assertEquals(Set.of(), saved.removedTemplates());
        assertEquals(5, saved.json().getInt("mod"));
    }

    @Test
    void repositionField_movesValuesAndKeepsTheSortFieldByIdentity() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.repositionField(edit.fieldIndex("C"), 0);
        NoteTypeEdit.Saved saved = edit.finish(5);
        assertEquals(List.of("C", "A", "B"), names(saved.json(), "flds"));
        assertEquals(List.of(2, 0, 1), saved.fieldOrigins());
        assertEquals(2, saved.json().getInt("sortf"));
        assertTrue(saved.fieldsChanged());
        assertEquals(
                List.of(0, 1, 2),
                saved.json().getJsonArray("flds").stream()
                        .map(v -> v.asJsonObject().getInt("ord"))
                        .toList());
    }

    @Test
    void removeField_dropsItsValuesAndReferencesAndClampsARemovedSortField() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.removeField(edit.fieldIndex("B"));
        NoteTypeEdit.Saved saved = edit.finish(5);
        assertEquals(List.of(0, 2), saved.fieldOrigins());
        // rslib keeps the old sort index, capped to the fields left.
        assertEquals(1, saved.json().getInt("sortf"));
        JsonObject t1 = saved.json().getJsonArray("tmpls").getJsonObject(0);
        assertEquals("{{A}}", t1.getString("qfmt"));
        assertEquals("", t1.getString("afmt"));
        // A front left without any field gets the first field, as Anki does.
        assertEquals(
                "x{{A}}", saved.json().getJsonArray("tmpls").getJsonObject(1).getString("qfmt"));
        assertTrue(saved.generateCards());
    }

    @Test
    void addField_atAnIndex_insertsAnEmptyValue() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.addField("New");
        edit.repositionField(edit.fieldIndex("New"), 1);
        NoteTypeEdit.Saved saved = edit.finish(5);
        assertEquals(List.of("A", "New", "B", "C"), names(saved.json(), "flds"));
        assertEquals(List.of(0, -1, 1, 2), saved.fieldOrigins());
        assertEquals(List.of("a", "", "b", "c"), NoteTypeSync.remap(List.of("a", "b", "c"), saved.fieldOrigins()));
        assertTrue(saved.json().getJsonArray("flds").getJsonObject(1).get("id") instanceof jakarta.json.JsonNumber);
    }

    @Test
    void renameField_rewritesTemplatesWithoutMovingValues() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.field(edit.fieldIndex("B")).put("name", Json.PROVIDER.createValue("Bee"));
        NoteTypeEdit.Saved saved = edit.finish(5);
        assertFalse(saved.fieldsChanged());
        assertEquals(
                "{{Bee}}", saved.json().getJsonArray("tmpls").getJsonObject(0).getString("afmt"));
        assertEquals(
                "x{{Bee}}", saved.json().getJsonArray("tmpls").getJsonObject(1).getString("qfmt"));
    }

    @Test
    void templateEdits_reportRemovedAndMovedOrdinals() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.addTemplate("T3", "{{C}}", "");
        edit.removeTemplate(edit.templateIndex("T1"));
        edit.repositionTemplate(edit.templateIndex("T3"), 0);
        NoteTypeEdit.Saved saved = edit.finish(5);
        assertEquals(List.of("T3", "T2"), names(saved.json(), "tmpls"));
        assertEquals(List.of(-1, 1), saved.templateOrigins());
        assertEquals(Set.of(0), saved.removedTemplates());
        assertTrue(saved.generateCards());
        assertEquals(2, saved.json().getJsonArray("req").size());
    }

    @Test
    void removingTheLastTemplate_isRefused() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.removeTemplate(1);
        edit.removeTemplate(0);
        assertEquals(
                "Invalid input: 1 template required",
                ApiErrors.message(org.junit.jupiter.api.Assertions.assertThrows(Refusal.class, () -> edit.finish(5))));
    }

    @Test
    void pythonInsertIndex_followsListInsert() {
        assertEquals(2, NoteTypeEdit.pythonInsertIndex(5, 2));
        assertEquals(1, NoteTypeEdit.pythonInsertIndex(-1, 2));
        assertEquals(0, NoteTypeEdit.pythonInsertIndex(-9, 2));
        assertEquals(0, NoteTypeEdit.pythonInsertIndex(0, 2));
    }

    @Test
    void namesAreNormalisedAndMadeUniqueOnSave() {
        NoteTypeEdit edit = new NoteTypeEdit(sample());
        edit.addField("#a:{b}\" ");
        edit.addField("c");
        edit.addTemplate("t1", "{{A}} x", "");
        NoteTypeEdit.Saved saved = edit.finish(5);
        assertEquals(List.of("A", "B", "C", "ab", "c+"), names(saved.json(), "flds"));
        assertEquals(List.of("T1", "T2", "t1+"), names(saved.json(), "tmpls"));
    }

    @Test
    void remap_padsMissingValues() {
        assertEquals(List.of("b", ""), NoteTypeSync.remap(List.of("a", "b"), List.of(1, 5)));
    }
}
