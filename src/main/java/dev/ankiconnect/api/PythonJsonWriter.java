package dev.ankiconnect.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Writes JSON exactly as Python's {@code json.dumps} does with default settings: separators
 * {@code ", "} and {@code ": "}, and every non-ASCII character escaped as {@code \\uXXXX}.
 */
public final class PythonJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJsonWriter() {}

    /** Serialises one value. */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out);
        return out.toString();
    }

    /**
     * Nesting the writer follows before it gives up, as Python's encoder does at its recursion limit: above
     * what the reader lets in ({@link PythonJsonReader#MAX_DEPTH_CAP}) with room for the reply's own levels,
     * and far below what would overflow a thread's stack.
     */
    static final int MAX_DEPTH = PythonJsonReader.MAX_DEPTH_CAP + 100;

    static void write(JsonValue value, StringBuilder out) {
        write(value, out, 0);
    }

    private static void write(JsonValue value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("maximum recursion depth exceeded while encoding a JSON object");
        }
        if (value instanceof LongArray ids) {
            out.append('[');
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(ids.at(i));
            }
            out.append(']');
            return;
        }
        switch (value.getValueType()) {
            case NULL:
                out.append("null");
                break;
            case TRUE:
                out.append("true");
                break;
            case FALSE:
                out.append("false");
                break;
            case NUMBER:
                number((JsonNumber) value, out);
                break;
            case STRING:
                string(((JsonString) value).getString(), out);
                break;
            case ARRAY: {
                out.append('[');
                boolean first = true;
                for (JsonValue item : (JsonArray) value) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    write(item, out, depth + 1);
                }
                out.append(']');
                break;
            }
            case OBJECT: {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(": ");
                    write(e.getValue(), out, depth + 1);
                }
                out.append('}');
                break;
            }
            default:
                throw new IllegalStateException("unknown JSON value type " + value.getValueType());
        }
    }

    private static void number(JsonNumber n, StringBuilder out) {
        if (n.isIntegral()) {
            // JSON-P: integral means scale 0, and toString() is BigDecimal.toString(), which for
            // scale 0 is the plain digits; no BigDecimal and BigInteger per id written.
            out.append(n.toString());
            return;
        }
        // Python prints floats with repr(): shortest round-trip digits, "1e-05" style exponents.
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            out.append((long) d).append(".0");
            return;
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            out.append(s);
            return;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        if (exp >= -4 && exp < 16) {
            out.append(new java.math.BigDecimal(s).stripTrailingZeros().toPlainString());
            return;
        }
        out.append(mantissa).append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            out.append('0');
        }
        out.append(abs);
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        // Runs of printable ASCII other than '"' and '\\' are copied in one append: most text
        // written is field contents and ids, and a call per character made replies slow.
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    out.append("\\u")
                            .append(HEX[(c >> 12) & 0xf])
                            .append(HEX[(c >> 8) & 0xf])
                            .append(HEX[(c >> 4) & 0xf])
                            .append(HEX[c & 0xf]);
            }
        }
        out.append(s, run, s.length());
        out.append('"');
    }
}
