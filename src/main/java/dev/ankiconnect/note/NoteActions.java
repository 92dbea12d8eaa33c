package dev.ankiconnect.note;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.InvalidInputException;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.notetype.ModelCache;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.notetype.NoteType;
import dev.ankiconnect.notetype.NoteTypes;
import dev.ankiconnect.search.Target;
import dev.ankiconnect.search.run.NoteSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The note actions (PROTOCOL 10, actions.json group "note"); the tag actions of that group are tag.TagActions. */
@ApplicationScoped
public class NoteActions implements ActionGroup {

    @Inject
    Notes notes;

    @Inject
    NoteInfo info;

    @Inject
    NoteSearch search;

    @Inject
    NoteStore store;

    @Inject
    NoteTypes noteTypes;

    @Inject
    Tx tx;

    @Inject
    ModelCache models;

    /** addNote {note}: the new note's id, or the first check that failed. */
    @Action("note")
    public long addNote(Params p) {
        Notes.Outcome o = notes.add(List.of(p.value("note")), true).get(0);
        if (o.error() != null) {
            throw new InvalidInputException(o.error());
        }
        return o.id();
    }

    /** addNotes {notes}: all or nothing; one error with Python's list of the messages. */
    @Action("notes")
    public List<Long> addNotes(Params p) {
        List<Notes.Outcome> outcomes = notes.add(list(p.array("notes")), true);
        JsonArrayBuilder errors = Json.PROVIDER.createArrayBuilder();
        boolean failed = false;
        List<Long> ids = new ArrayList<>(outcomes.size());
        for (Notes.Outcome o : outcomes) {
            if (o.error() != null) {
                errors.add(o.error());
                failed = true;
            }
            ids.add(o.id());
        }
        if (failed) {
            throw new InvalidInputException(PythonRepr.repr(errors.build()));
        }
        return ids;
    }

    private static List<JsonValue> list(JsonArray a) {
        return new ArrayList<>(a);
    }

    @ReadOnly
    @Action("notes")
    public List<Boolean> canAddNotes(Params p) {
        List<Boolean> out = new ArrayList<>();
        notes.canAdd(list(p.array("notes"))).forEach(e -> out.add(e == null));
        return out;
    }

    @ReadOnly
    @Action("note")
    public boolean canAddNote(Params p) {
        return notes.canAdd(List.of(p.value("note"))).get(0) == null;
    }

    @ReadOnly
    @Action("notes")
    public List<JsonValue> canAddNotesWithErrorDetail(Params p) {
        List<JsonValue> out = new ArrayList<>();
        notes.canAdd(list(p.array("notes"))).forEach(e -> out.add(detail(e)));
        return out;
    }

    @ReadOnly
    @Action("note")
    public JsonValue canAddNoteWithErrorDetail(Params p) {
        return detail(notes.canAdd(List.of(p.value("note"))).get(0));
    }

    private static JsonValue detail(String error) {
        return error == null
                ? Json.PROVIDER.createObjectBuilder().add("canAdd", true).build()
                : Json.PROVIDER
                        .createObjectBuilder()
                        .add("canAdd", false)
                        .add("error", error)
                        .build();
    }

    @Action("note")
    public Object updateNoteFields(Params p) {
        notes.updateFields(p.object("note"));
        return null;
    }

    /** updateNote {note}: fields (with media) then tags; at least one of them. */
    @Action("note")
    public Object updateNote(Params p) {
        JsonObject note = p.object("note");
        boolean updated = false;
        if (note.containsKey("fields")) {
            notes.updateFields(note);
            updated = true;
        }
        if (note.containsKey("tags")) {
            notes.replaceAllTags(Notes.noteId(note), NoteSpecReader.tagList(note.get("tags")));
            updated = true;
        }
        if (!updated) {
            throw new Refusal(Refusal.Kind.UPDATE_NOTHING);
        }
        return null;
    }

    /** updateNoteModel {note}: new note type, fields matched case-insensitively, tags replaced. */
    @Action("note")
    public Object updateNoteModel(Params p) {
        JsonObject note = p.object("note");
        JsonValue id = note.get("id");
        if (!PythonTruth.truthy(id)) {
            throw new Refusal(Refusal.Kind.NOTE_ID_REQUIRED);
        }
        JsonValue modelName = note.get("modelName");
        if (!PythonTruth.truthy(modelName)) {
            throw new Refusal(Refusal.Kind.MODEL_NAME_REQUIRED);
        }
        if (!(note.get("fields") instanceof JsonObject fields) || fields.isEmpty()) {
            throw new Refusal(Refusal.Kind.FIELDS_NOT_DICT);
        }
        if (!(id instanceof JsonNumber number)) {
            throw new NotFoundException(NotFoundException.Kind.NOTE, PythonRepr.str(id));
        }
        notes.require(number.longValue());
        String name = modelName instanceof JsonString s ? s.getString() : PythonRepr.str(modelName);
        ModelInfo model = models.byName(name).orElseThrow(() -> new Refusal(Refusal.Kind.MODEL_NAME_NOT_FOUND, name));
        List<String> newTags = NoteSpecReader.tags(note.get("tags"));
        notes.changeModel(number.longValue(), model, fields, newTags);
        return null;
    }

    /** findNotes {query}: note ids matching an Anki search, ascending; no query gives []. */
    @ReadOnly
    @Action(optional = "query")
    public List<Long> findNotes(Params p) {
        if (!p.has("query")) {
            return List.of();
        }
        return search.find(p.string("query"), Target.NOTES);
    }

    /** notesInfo {notes | query}: one entry per id, {} for unknown ids. */
    @ReadOnly
    @Action(optional = {"notes", "query"})
    public List<JsonValue> notesInfo(Params p) {
        List<Long> ids;
        if (p.has("notes")) {
            ids = p.longList("notes");
        } else if (p.has("query")) {
            ids = search.find(p.string("query"), Target.NOTES);
        } else {
            throw new Refusal(Refusal.Kind.NOTES_OR_QUERY);
        }
        return info.info(ids);
    }

    @ReadOnly
    @Action("notes")
    public List<JsonValue> notesModTime(Params p) {
        return info.modTimes(p.longList("notes"));
    }

    @Action("notes")
    public Object deleteNotes(Params p) {
        info.delete(p.longList("notes"));
        return null;
    }

    /** removeEmptyNotes: as AnkiConnect, deletes the note types that have no notes. */
    @Action
    public Object removeEmptyNotes() {
        Set<Long> used = store.usedNoteTypes();
        for (NoteType t : noteTypes.all()) {
            if (!used.contains(t.id())) {
                tx.em().remove(t);
            }
        }
        return null;
    }
}
