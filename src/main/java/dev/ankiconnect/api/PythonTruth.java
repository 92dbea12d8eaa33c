package dev.ankiconnect.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Python's truthiness of a decoded JSON value, where AnkiConnect's behaviour depends on it ({@code if value:}). */
public final class PythonTruth {

    private PythonTruth() {}

    /**
     * False for None (and an absent value, {@code null}), False, 0, 0.0, "", [] and {}; true for everything else.
     * Python decodes a JSON number with a fraction or exponent to a float, so a literal too small for a double
     * (1e-400) is 0.0 there, and false; an integer literal is never 0 as a double unless it is 0.
     */
    public static boolean truthy(JsonValue v) {
        if (v == null) {
            return false;
        }
        return switch (v.getValueType()) {
            case NULL, FALSE -> false;
            case TRUE -> true;
            case NUMBER -> ((JsonNumber) v).doubleValue() != 0;
            case STRING -> !((JsonString) v).getString().isEmpty();
            case ARRAY -> !((JsonArray) v).isEmpty();
            case OBJECT -> !((JsonObject) v).isEmpty();
        };
    }
}
