package dev.ankiconnect.note;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Where the media of a note object (PROTOCOL 11: {@code audio}, {@code video}, {@code picture})
 * is stored and referenced in the fields. The media package provides the real implementation;
 * until then {@link #NONE} accepts the keys and attaches nothing.
 */
@FunctionalInterface
public interface NoteMediaHook {

    /**
     * Stores the note's media and appends {@code <img src="...">} / {@code [sound:...]} (or the
     * escaped error text) to the listed fields, in place.
     *
     * @param note       the note object as sent
     * @param fieldNames the model's field names, in order
     * @param fields     the field values in model order, modified in place
     */
    void attach(JsonObject note, List<String> fieldNames, String[] fields);

    NoteMediaHook NONE = (note, names, fields) -> {};
}
