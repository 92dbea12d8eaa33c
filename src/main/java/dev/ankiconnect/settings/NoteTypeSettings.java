package dev.ankiconnect.settings;

import jakarta.json.JsonObject;

/**
 * The settings of a note type, as Anki's v11 JSON in its {@code config} column holds them: the JSON as stored
 * (unknown keys and their order survive) and typed reads of the values its columns repeat. Fields and templates are
 * read by {@code notetype.NoteTypeModel}; edits go through {@code notetype.NoteTypeEdit}.
 */
public record NoteTypeSettings(JsonObject json) {

    public static NoteTypeSettings decode(String stored) {
        return new NoteTypeSettings(SettingsCodec.object(stored));
    }

    public String encode() {
        return SettingsCodec.text(json);
    }

    public long id() {
        return json.getJsonNumber("id").longValueExact();
    }

    public String name() {
        return json.getString("name");
    }

    /** Anki's {@code type}: 0 standard, 1 cloze. */
    public int kind() {
        return json.getInt("type", 0);
    }

    /** Modification time, seconds. */
    public long mod() {
        return json.getJsonNumber("mod").longValue();
    }
}
