package dev.ankiconnect.media;

import dev.ankiconnect.api.PythonRepr;
import jakarta.json.JsonValue;

/** Python's view of decoded JSON values, where AnkiConnect's behaviour depends on it. */
final class Py {

    private Py() {}

    static String typeName(JsonValue v) {
        return PythonRepr.typeName(v == null ? JsonValue.NULL : v);
    }
}
