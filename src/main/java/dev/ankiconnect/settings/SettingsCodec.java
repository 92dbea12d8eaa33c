package dev.ankiconnect.settings;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.api.PythonJsonWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The one codec between stored settings text and its JSON: Python's {@code json} rules both ways, as Anki
 * writes them, so what is read and written back stays byte for byte what Anki (and AnkiConnect) would store.
 */
public final class SettingsCodec {

    private SettingsCodec() {}

    /** A stored JSON object (a preset's {@code config}, a deck's {@code data}, a note type's {@code config}). */
    public static JsonObject object(String stored) {
        return value(stored).asJsonObject();
    }

    /** Any stored JSON value. */
    public static JsonValue value(String stored) {
        return PythonJsonReader.read(Json.PROVIDER, stored);
    }

    /** The text to store. */
    public static String text(JsonValue json) {
        return PythonJsonWriter.write(json);
    }
}
