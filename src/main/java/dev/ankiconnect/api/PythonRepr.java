package dev.ankiconnect.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/** Python's {@code repr()} and {@code str()} of a decoded JSON value, for error texts that quote input. */
public final class PythonRepr {

    private PythonRepr() {}

    /** repr(): strings quoted, {@code True}/{@code False}/{@code None}, dicts with single quotes. */
    public static String repr(JsonValue value) {
        StringBuilder out = new StringBuilder();
        repr(value, out, 0);
        return out.toString();
    }

    /** str(): like repr() except that a top-level string is its bare text. */
    public static String str(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return repr(value);
    }

    /** The Python type name of a decoded JSON value ({@code dict}, {@code list}, {@code str} ...). */
    public static String typeName(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                return "dict";
            case ARRAY:
                return "list";
            case STRING:
                return "str";
            case NUMBER:
                return ((JsonNumber) value).isIntegral() ? "int" : "float";
            case TRUE:
            case FALSE:
                return "bool";
            default:
                return "NoneType";
        }
    }

    private static void repr(JsonValue value, StringBuilder out, int depth) {
        if (depth > PythonJsonWriter.MAX_DEPTH) {
            // Python's repr of a structure this deep stops at its recursion limit too.
            throw new IllegalStateException("maximum recursion depth exceeded while getting the repr of an object");
        }
        switch (value.getValueType()) {
            case NULL -> out.append("None");
            case TRUE -> out.append("True");
            case FALSE -> out.append("False");
            case NUMBER -> out.append(PythonJsonWriter.write(value));
            case STRING -> string(((JsonString) value).getString(), out);
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue v : (JsonArray) value) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    repr(v, out, depth + 1);
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(": ");
                    repr(e.getValue(), out, depth + 1);
                }
                out.append('}');
            }
        }
    }

    /** Python picks single quotes unless the text has a single quote and no double quote. */
    static void string(String s, StringBuilder out) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }
}
