package dev.ankiconnect.media;

import dev.ankiconnect.api.PythonRepr;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Python's view of decoded JSON values, where AnkiConnect's behaviour depends on it. */
final class Py {

    private Py() {
    }

    /** Python truthiness: None, False, 0, "", [] and {} are false. */
    static boolean truthy(JsonValue v) {
        if (v == null) {
            return false;
        }
        switch (v.getValueType()) {
            case NULL:
            case FALSE:
                return false;
            case TRUE:
                return true;
            case STRING:
                return !((JsonString) v).getString().isEmpty();
            case NUMBER:
                return ((JsonNumber) v).bigDecimalValue().signum() != 0;
            case ARRAY:
                return !((JsonArray) v).isEmpty();
            default:
                return !((JsonObject) v).isEmpty();
        }
    }

    static String typeName(JsonValue v) {
        return PythonRepr.typeName(v == null ? JsonValue.NULL : v);
    }
}
