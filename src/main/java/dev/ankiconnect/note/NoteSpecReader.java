package dev.ankiconnect.note;

import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckIndex;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.text.NoteText;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an addNote/canAddNote note object into a {@link NewNote} in AnkiConnect's lookup order
 * (PROTOCOL 10): modelName, deckName, tags, fields (case-insensitive names, unknown names
 * dropped), media, options. Model lookups are cached for the whole call.
 */
public final class NoteSpecReader {

    private final Function<String, Optional<ModelInfo>> modelByName;
    private final DeckIndex decks;
    private final NoteMediaHook media;
    private final Map<String, Optional<ModelInfo>> models = new HashMap<>();

    public NoteSpecReader(Function<String, Optional<ModelInfo>> modelByName, DeckIndex decks, NoteMediaHook media) {
        this.modelByName = modelByName;
        this.decks = decks;
        this.media = media;
    }

    public NewNote read(JsonValue value) {
        if (!(value instanceof JsonObject note)) {
            // Python's TypeError for note['modelName'] on something that is not a dict
            String type = value == null ? "NoneType" : PythonRepr.typeName(value);
            throw new Refusal(Refusal.Kind.NOT_SUBSCRIPTABLE, type);
        }
        String modelName = string(note, "modelName");
        ModelInfo model = models.computeIfAbsent(modelName, modelByName)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.MODEL, modelName));
        String deckName = string(note, "deckName");
        Deck deck = decks.byName(deckName);
        if (deck == null) {
            throw new NotFoundException(NotFoundException.Kind.DECK, deckName);
        }
        List<String> tags = tags(note.get("tags"));
        JsonValue fieldsValue = note.get("fields");
        if (fieldsValue == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, "fields");
        }
        String[] fields = new String[model.fieldCount()];
        Arrays.fill(fields, "");
        if (!(fieldsValue instanceof JsonObject given)) {
            // Python iterates note['fields'].items()
            throw new Refusal(Refusal.Kind.NO_ATTRIBUTE, PythonRepr.typeName(fieldsValue), "items");
        }
        for (Map.Entry<String, JsonValue> e : given.entrySet()) {
            int i = model.fieldIndexIgnoreCase(e.getKey());
            if (i >= 0) {
                fields[i] = fieldText(e.getValue());
            }
        }
        // MEDIA CALL SITE: audio/video/picture objects are stored and their references appended to
        // the fields here, after the fields are applied and before the options and duplicate check.
        media.attach(note, model.fieldNames(), fields);
        DuplicateOptions options = DuplicateOptions.parse(note);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = NoteText.normalizeField(fields[i]);
        }
        return new NewNote(model, deck.id(), deck.name(), fields, tags, options);
    }

    static String string(JsonObject note, String key) {
        JsonValue v = note.get(key);
        if (v == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, key);
        }
        return v instanceof JsonString s ? s.getString() : PythonRepr.str(v);
    }

    /** A field value as Anki stores it: strings as they are, anything else as Python's str(). */
    public static String fieldText(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : PythonRepr.str(v);
    }

    static List<String> tags(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue t : a) {
                if (t instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (v instanceof JsonString s) {
            out.add(s.getString());
        }
        return out;
    }

    /** updateNote's and updateNoteTags' tags: a string becomes a one-element list; anything but a list of strings is refused. */
    public static List<String> tagList(JsonValue v) {
        if (v instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (!(v instanceof JsonArray a)) {
            throw new Refusal(Refusal.Kind.TAGS_NOT_STRINGS);
        }
        List<String> out = new ArrayList<>();
        for (JsonValue t : a) {
            if (!(t instanceof JsonString s)) {
                throw new Refusal(Refusal.Kind.TAGS_NOT_STRINGS);
            }
            out.add(s.getString());
        }
        return out;
    }
}
