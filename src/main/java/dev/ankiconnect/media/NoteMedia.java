package dev.ankiconnect.media;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.ApiException;
import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Media inside note objects (PROTOCOL 11), for addNote, addNotes, canAddNote*, updateNoteFields
 * and updateNote: call {@link #apply} after the fields are set and before the duplicate check.
 *
 * <p>For each of {@code audio}, {@code video}, {@code picture} in that order, the value is one
 * media object or an array of them ({@code null} entries skipped). Each object is stored like
 * {@code storeMediaFile} (data, path, url; skipHash; {@code deleteExisting} defaults to false
 * here). On success, unless skipHash matched, {@code [sound:NAME]} (audio, video) or
 * {@code <img src="NAME">} (picture) is appended to every field named in its {@code fields}
 * array that exists in the map (exact names), NAME being the stored name. On failure the error
 * text, with {@code &}, {@code <}, {@code >} escaped, is appended to those fields instead; a
 * failing object without {@code fields} throws Python's KeyError {@code 'fields'} (a {@link Refusal}), as
 * Python's KeyError reads. Files stored before a later failure in the same object list stay
 * stored.
 *
 * <p>The files are written in the action's transaction: when the action fails as a whole (an
 * addNote duplicate, an addNotes error, the {@code 'fields'} KeyError), they are rolled back with
 * it, where desktop Anki would leave them in the folder. canAddNote* return normally, so the files
 * they store stay, as in AnkiConnect.
 */
@ApplicationScoped
public class NoteMedia {

    /** Stores one media object and returns the stored name, or null when skipHash matched. */
    @FunctionalInterface
    interface Storer {
        String store(JsonObject media);
    }

    private static final List<String> KINDS = List.of("audio", "video", "picture");

    @Inject
    MediaUploads uploads;

    /**
     * Processes the note's media and appends references (or error texts) to {@code fields}.
     *
     * @param note   the note object of the request (its audio/video/picture members are read)
     * @param fields field name to value, exact names, changed in place
     * @throws Refusal {@code 'fields'} (and Python's TypeError texts for media
     *         entries of the wrong type), where AnkiConnect raises instead of appending
     */
    public void apply(JsonObject note, Map<String, String> fields) {
        apply(note, fields, this::storeOne);
    }

    private String storeOne(JsonObject media) {
        JsonValue filename = media.get("filename");
        if (filename == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, "filename");
        }
        if (!(filename instanceof JsonString name)) {
            throw new Refusal(Refusal.Kind.MEDIA_NOT_STRING, "filename", Py.typeName(filename));
        }
        return uploads.store(
                name.getString(),
                media.get("data"),
                media.get("path"),
                media.get("url"),
                media.get("skipHash"),
                PythonTruth.truthy(media.get("deleteExisting")));
    }

    static void apply(JsonObject note, Map<String, String> fields, Storer storer) {
        for (String kind : KINDS) {
            JsonValue value = note.get(kind);
            if (value == null || value == JsonValue.NULL) {
                continue;
            }
            List<JsonValue> list = value instanceof JsonArray a ? a : List.of(value);
            for (JsonValue entry : list) {
                if (entry != JsonValue.NULL) {
                    one(kind, entry, fields, storer);
                }
            }
        }
    }

    private static void one(String kind, JsonValue entry, Map<String, String> fields, Storer storer) {
        if (!(entry instanceof JsonObject media)) {
            throw new Refusal(Refusal.Kind.NOT_SUBSCRIPTABLE, Py.typeName(entry));
        }
        String stored;
        try {
            stored = storer.store(media);
        } catch (ApiException | Refusal e) {
            String text = escape(ApiErrors.message(e));
            for (String field : targets(media.get("fields"))) {
                fields.computeIfPresent(field, (k, v) -> v + text);
            }
            return;
        }
        JsonValue targets = media.get("fields");
        if (stored != null && targets instanceof JsonArray array) {
            String ref = kind.equals("picture") ? "<img src=\"" + stored + "\">" : "[sound:" + stored + "]";
            for (JsonValue f : array) {
                if (f instanceof JsonString s) {
                    fields.computeIfPresent(s.getString(), (k, v) -> v + ref);
                }
            }
        }
    }

    /** What Python's {@code for field in media['fields']} iterates over in the error path. */
    static List<String> targets(JsonValue v) {
        if (v == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, "fields");
        }
        List<String> out = new ArrayList<>();
        switch (v.getValueType()) {
            case ARRAY -> {
                for (JsonValue f : (JsonArray) v) {
                    if (f instanceof JsonString s) {
                        out.add(s.getString());
                    }
                }
            }
            case OBJECT -> out.addAll(((JsonObject) v).keySet());
            case STRING ->
                ((JsonString) v).getString().codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            default -> throw new Refusal(Refusal.Kind.NOT_ITERABLE, Py.typeName(v));
        }
        return out;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
