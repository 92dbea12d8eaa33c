package dev.ankiconnect.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to an action's {@code params} object. Ids come out as {@code long} straight from
 * the decimal text, never through {@code double}; a value of the wrong type gives one consistent
 * error that names the parameter.
 */
public final class Params {

    private final String action;
    private final JsonObject json;

    public Params(String action, JsonObject json) {
        this.action = action;
        this.json = json;
    }

    public String action() {
        return action;
    }

    public JsonObject json() {
        return json;
    }

    /** True when the parameter is present and not JSON null. */
    public boolean has(String name) {
        JsonValue v = json.get(name);
        return v != null && v != JsonValue.NULL;
    }

    /** The raw value, or null when absent. */
    public JsonValue value(String name) {
        return json.get(name);
    }

    public String string(String name) {
        return asString(name, required(name));
    }

    public String string(String name, String defaultValue) {
        return has(name) ? asString(name, json.get(name)) : defaultValue;
    }

    public long longValue(String name) {
        return asLong(name, required(name));
    }

    public long longValue(String name, long defaultValue) {
        return has(name) ? asLong(name, json.get(name)) : defaultValue;
    }

    public int intValue(String name) {
        return asInt(name, required(name));
    }

    public int intValue(String name, int defaultValue) {
        return has(name) ? asInt(name, json.get(name)) : defaultValue;
    }

    public boolean bool(String name, boolean defaultValue) {
        if (!json.containsKey(name)) {
            return defaultValue;
        }
        JsonValue v = json.get(name);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw wrongType(name, "a boolean", v);
    }

    public JsonObject object(String name) {
        JsonValue v = required(name);
        if (v instanceof JsonObject o) {
            return o;
        }
        throw wrongType(name, "an object", v);
    }

    public JsonArray array(String name) {
        JsonValue v = required(name);
        if (v instanceof JsonArray a) {
            return a;
        }
        throw wrongType(name, "a list", v);
    }

    public List<Long> longList(String name) {
        JsonArray array = array(name);
        List<Long> out = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            out.add(asLong(name, v));
        }
        return out;
    }

    public List<String> stringList(String name) {
        JsonArray array = array(name);
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            out.add(asString(name, v));
        }
        return out;
    }

    private JsonValue required(String name) {
        JsonValue v = json.get(name);
        if (v == null) {
            // The registry checks required names before the call; this guards optional reads.
            throw new InvalidInputException(ApiErrors.missingArguments(action, List.of(name)));
        }
        return v;
    }

    private String asString(String name, JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw wrongType(name, "a string", v);
    }

    /** Reads an integral JSON number as a long. */
    public static long toLong(JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.longValueExact();
        }
        throw new IllegalArgumentException("not an integer");
    }

    private long asLong(String name, JsonValue v) {
        if (v instanceof JsonNumber n) {
            try {
                return n.bigDecimalValue().longValueExact();
            } catch (ArithmeticException e) {
                throw wrongType(name, "an integer", v);
            }
        }
        throw wrongType(name, "an integer", v);
    }

    private int asInt(String name, JsonValue v) {
        long value = asLong(name, v);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrongType(name, "an integer in range", v);
        }
        return (int) value;
    }

    private InvalidInputException wrongType(String name, String expected, JsonValue v) {
        return new InvalidInputException(ApiErrors.wrongParameter(action, name, expected, PythonRepr.repr(v)));
    }
}
