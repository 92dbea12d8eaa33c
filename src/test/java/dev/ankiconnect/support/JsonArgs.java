package dev.ankiconnect.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/** Action parameters written in a test as Java values: {@code o("note", o("deckName", "Default"), "tags", a("x"))}. */
public final class JsonArgs {

    private JsonArgs() {}

    /** A JSON object from name, value pairs. */
    public static JsonObject o(Object... kv) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.add((String) kv[i], v(kv[i + 1]));
        }
        return b.build();
    }

    /** A JSON array of the values. */
    public static JsonArray a(Object... items) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (Object x : items) {
            b.add(v(x));
        }
        return b.build();
    }

    /** A JSON value: null, JSON values as they are, strings, ints, longs, booleans and lists of these. */
    public static JsonValue v(Object x) {
        if (x == null) {
            return JsonValue.NULL;
        }
        if (x instanceof JsonValue j) {
            return j;
        }
        if (x instanceof String str) {
            return Json.createValue(str);
        }
        if (x instanceof Integer i) {
            return Json.createValue(i);
        }
        if (x instanceof Long l) {
            return Json.createValue(l);
        }
        if (x instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (x instanceof List<?> list) {
            return a(list.toArray());
        }
        throw new IllegalArgumentException(String.valueOf(x));
    }
}
