package dev.ankiconnect.gui;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.note.NoteMediaHook;
import dev.ankiconnect.note.NoteSpecReader;
import dev.ankiconnect.note.Notes;
import dev.ankiconnect.notetype.ModelCache;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Anki's Add and Edit dialogs on a server (guiAddCards, guiAddNoteSetData, guiEditNote, and the "addCards" and
 * "editNote" windows of guiCloseWindow): one of each per profile, kept in the database ({@link GuiDialogStore}); the
 * study UI shows them and follows them. The Add dialog holds a draft note that nothing saves: the user's "Add" is
 * addNote. Opening, changing and closing a dialog is no collection write ({@link Tx#keepWindow}); only media a note
 * object brings (audio, video, picture, stored as addNote stores them) is one.
 */
@ApplicationScoped
public class GuiDialogActions implements ActionGroup {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Decks decks;

    @Inject
    ModelCache models;

    @Inject
    Notes notes;

    @Inject
    CollectionGeneration generation;

    @Inject
    Instance<NoteMediaHook> mediaHooks;

    GuiDialogs stored() {
        return GuiDialogStore.read(Sql.connection(tx), profile.id());
    }

    /** Changes the dialogs from what they are now to what {@code to} makes of them ({@link WindowMoves#move}). */
    private boolean move(Function<GuiDialogs, Optional<GuiDialogs>> to) {
        return WindowMoves.move(
                tx, this::stored, to, target -> GuiDialogStore.write(Sql.connection(tx), profile.id(), target));
    }

    /** The Add dialog's draft note. */
    record Draft(String deckName, String modelName, Map<String, String> fields, List<String> tags) {

        String toJson() {
            JsonObjectBuilder f = Json.PROVIDER.createObjectBuilder();
            fields.forEach(f::add);
            JsonArrayBuilder t = Json.PROVIDER.createArrayBuilder();
            tags.forEach(t::add);
            return Json.PROVIDER
                    .createObjectBuilder()
                    .add("deckName", deckName)
                    .add("modelName", modelName)
                    .add("fields", f)
                    .add("tags", t)
                    .build()
                    .toString();
        }

        static Draft fromJson(String json) {
            JsonObject o = Json.PROVIDER.createReader(new StringReader(json)).readObject();
            Map<String, String> fields = new LinkedHashMap<>();
            o.getJsonObject("fields").forEach((k, v) -> fields.put(k, ((JsonString) v).getString()));
            List<String> tags = new ArrayList<>();
            o.getJsonArray("tags").forEach(v -> tags.add(((JsonString) v).getString()));
            return new Draft(o.getString("deckName"), o.getString("modelName"), fields, tags);
        }
    }

    private NoteMediaHook media() {
        return mediaHooks.isResolvable() ? mediaHooks.get() : NoteMediaHook.NONE;
    }

    private static boolean hasMedia(JsonObject note) {
        for (String kind : List.of("audio", "video", "picture")) {
            JsonValue v = note.get(kind);
            if (v != null && v != JsonValue.NULL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores the note object's media as addNote does and appends the references (or the error texts) to the fields.
     * Storing a file is a collection write: it is made as every write is, as the collection's one writer, and counted
     * ({@link Tx#keepWrites}), like guiCheckDatabase's repairs.
     */
    private void attachMedia(JsonObject note, Map<String, String> fields) {
        if (!hasMedia(note)) {
            return;
        }
        generation.lockForWrite();
        tx.keepWrites();
        List<String> names = new ArrayList<>(fields.keySet());
        String[] values = names.stream().map(fields::get).toArray(String[]::new);
        media().attach(note, names, values);
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), values[i]);
        }
    }

    private static Map<String, String> emptyFields(ModelInfo model) {
        Map<String, String> fields = new LinkedHashMap<>();
        model.fieldNames().forEach(n -> fields.put(n, ""));
        return fields;
    }

    private static String text(JsonObject note, String key) {
        JsonValue v = note.get(key);
        if (v == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, key);
        }
        return v instanceof JsonString s ? s.getString() : PythonRepr.str(v);
    }

    /** A note object's tags: a list of strings, or one string of space-separated tags; other entries are dropped. */
    private static List<String> tags(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue t : a) {
                if (t instanceof JsonString s && !s.getString().isBlank()) {
                    out.add(s.getString().strip());
                }
            }
        } else if (v instanceof JsonString s) {
            for (String t : s.getString().strip().split("\\s+")) {
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * guiAddCards {note?}: opens the profile's Add dialog and answers the id of its note, 0 as in current Anki (the
     * note is not saved). With a note object (addNote's shape; options ignored): the deck and model must exist
     * (AnkiConnect's texts), fields are set by exact name (unknown names ignored), tags set, media stored and
     * referenced as addNote does; an open Add dialog takes the new content. Without one: an open dialog stays as it
     * is, a closed one opens on the main window's deck (else Default) and the note type "Basic" (else the first by
     * name), its fields empty.
     */
    @Action(optional = "note")
    @ReadOnly
    public long guiAddCards(Params p) {
        JsonValue value = p.value("note");
        if (value == null || value == JsonValue.NULL) {
            Draft fresh = freshDraft();
            move(d -> d.addDraft() != null ? Optional.empty() : Optional.of(d.withAddDraft(fresh.toJson())));
            return 0;
        }
        if (!(value instanceof JsonObject note)) {
            throw new Refusal(Refusal.Kind.NOT_SUBSCRIPTABLE, PythonRepr.typeName(value));
        }
        String deckName = text(note, "deckName");
        String modelName = text(note, "modelName");
        Deck deck =
                decks.byName(deckName).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.DECK, deckName));
        ModelInfo model = models.byName(modelName)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.MODEL, modelName));
        Map<String, String> fields = emptyFields(model);
        if (note.get("fields") instanceof JsonObject given) {
            given.forEach((k, v) -> fields.computeIfPresent(k, (name, old) -> NoteSpecReader.fieldText(v)));
        }
        attachMedia(note, fields);
        String draft = new Draft(deck.name(), model.name(), fields, tags(note.get("tags"))).toJson();
        move(d -> Optional.of(d.withAddDraft(draft)));
        return 0;
    }

    private Draft freshDraft() {
        Long windowDeck = GuiStateStore.read(Sql.connection(tx), profile.id()).deckId();
        Deck deck = decks.byIdOrDefault(windowDeck);
        ModelInfo model = models.byName("Basic")
                .or(() -> models.all().values().stream()
                        .min(Comparator.comparing(ModelInfo::name, String.CASE_INSENSITIVE_ORDER)))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.MODEL, "Basic"));
        return new Draft(deck.name(), model.name(), emptyFields(model), List.of());
    }

    /**
     * guiAddNoteSetData {note, append?}: changes the open Add dialog's note. deckName and modelName, when given,
     * replace the dialog's (the note type first: the fields keep their text by position); fields are matched by exact
     * name against the dialog's note type and replace the text, or are appended to it with append; tags replace the
     * list, or are merged with append (duplicates dropped); media as addNote. True; while the Add dialog is closed the
     * call still succeeds, with AnkiConnect's {@code {"error": "Add Note dialog is not open", "code": 1}} as result.
     */
    @Action(value = "note", optional = "append")
    @ReadOnly
    public Object guiAddNoteSetData(Params p) {
        JsonObject note = p.object("note");
        boolean append = p.bool("append", false);
        JsonObject closed = Json.PROVIDER
                .createObjectBuilder()
                .add("error", ApiErrors.ADD_DIALOG_CLOSED)
                .add("code", 1)
                .build();
        GuiDialogs now = stored();
        if (now.addDraft() == null) {
            return closed;
        }
        String deckName = null;
        if (note.containsKey("deckName")) {
            String name = text(note, "deckName");
            deckName = decks.byName(name)
                    .map(Deck::name)
                    .orElseThrow(() -> new Refusal(Refusal.Kind.GUI_DIALOG_DECK_NOT_FOUND, name));
        }
        ModelInfo model = null;
        if (note.containsKey("modelName")) {
            String name = text(note, "modelName");
            model = models.byName(name).orElseThrow(() -> new Refusal(Refusal.Kind.GUI_DIALOG_MODEL_NOT_FOUND, name));
        }
        Draft read = Draft.fromJson(now.addDraft());
        // refused (an unknown field) before any media file is stored
        changed(read, note, append, deckName, model, Map.of());
        // the media references once (a file is stored once), appended to the fields by every attempt below
        Map<String, String> refs = new LinkedHashMap<>();
        (model != null ? model.fieldNames() : new ArrayList<>(read.fields().keySet())).forEach(n -> refs.put(n, ""));
        attachMedia(note, refs);
        String deck = deckName;
        ModelInfo type = model;
        // decided on the dialog as it is when written: another request's change in between is kept
        boolean open = move(d -> d.addDraft() == null
                ? Optional.empty()
                : Optional.of(d.withAddDraft(changed(Draft.fromJson(d.addDraft()), note, append, deck, type, refs)
                        .toJson())));
        return open ? JsonValue.TRUE : closed;
    }

    /** The draft as guiAddNoteSetData changes it: deck, note type, fields, tags, then the media references. */
    private static Draft changed(
            Draft draft,
            JsonObject note,
            boolean append,
            String deckName,
            ModelInfo model,
            Map<String, String> mediaRefs) {
        String modelName = draft.modelName();
        Map<String, String> fields = new LinkedHashMap<>(draft.fields());
        if (model != null) {
            if (!model.name().equals(modelName)) {
                List<String> old = new ArrayList<>(fields.values());
                fields = emptyFields(model);
                int i = 0;
                for (String field : fields.keySet()) {
                    if (i < old.size()) {
                        fields.put(field, old.get(i));
                    }
                    i++;
                }
            }
            modelName = model.name();
        }
        if (note.get("fields") instanceof JsonObject given) {
            for (Map.Entry<String, JsonValue> e : given.entrySet()) {
                if (!fields.containsKey(e.getKey())) {
                    throw new Refusal(Refusal.Kind.GUI_DIALOG_FIELD_NOT_FOUND, e.getKey());
                }
                String text = NoteSpecReader.fieldText(e.getValue());
                fields.put(e.getKey(), append ? fields.get(e.getKey()) + text : text);
            }
        }
        List<String> tags = draft.tags();
        if (note.containsKey("tags")) {
            List<String> given = tags(note.get("tags"));
            if (append) {
                LinkedHashSet<String> merged = new LinkedHashSet<>(tags);
                merged.addAll(given);
                tags = new ArrayList<>(merged);
            } else {
                tags = given;
            }
        }
        for (Map.Entry<String, String> ref : mediaRefs.entrySet()) {
            fields.computeIfPresent(ref.getKey(), (k, v) -> v + ref.getValue());
        }
        return new Draft(deckName != null ? deckName : draft.deckName(), modelName, fields, tags);
    }

    /**
     * guiEditNote {note}: opens the profile's Edit dialog on that note (an open one moves to it); null. An unknown id
     * fails with "Note was not found: {note}".
     */
    @Action("note")
    @ReadOnly
    public Object guiEditNote(Params p) {
        long id = p.longValue("note");
        notes.require(id);
        move(d -> Optional.of(d.withEditNote(id)));
        return null;
    }

    /** guiCloseWindow's names of the Add and Edit dialogs. */
    static final String ADD_WINDOW = "addCards";

    static final String EDIT_WINDOW = "editNote";

    /** Closes the dialog guiCloseWindow names ({@link #ADD_WINDOW} or {@link #EDIT_WINDOW}); false when it was not open. */
    boolean close(String window) {
        return switch (window) {
            case ADD_WINDOW -> move(d -> d.addDraft() == null ? Optional.empty() : Optional.of(d.withAddDraft(null)));
            case EDIT_WINDOW -> move(d -> d.editNote() == null ? Optional.empty() : Optional.of(d.withEditNote(null)));
            default -> false;
        };
    }

    /** guiState's "addCards": the Add dialog's draft note, or null while it is closed. */
    JsonValue addCardsJson(GuiDialogs d) {
        return d.addDraft() == null
                ? JsonValue.NULL
                : Json.PROVIDER.createReader(new StringReader(d.addDraft())).readObject();
    }
}
