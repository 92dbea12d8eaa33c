package dev.ankiconnect.deck;

import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.error.Refusal;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code int(x)} on a decoded JSON value, with CPython's error texts (AnkiConnect converts config ids so). */
public final class PythonInt {

    private PythonInt() {}

    /** int(x): strings are parsed (surrounding whitespace allowed), floats truncated, booleans 0/1. */
    public static long of(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue().setScale(0, RoundingMode.DOWN).longValue();
        }
        if (v == JsonValue.TRUE) {
            return 1;
        }
        if (v == JsonValue.FALSE) {
            return 0;
        }
        if (v instanceof JsonString s) {
            String text = s.getString().strip().replace("_", "");
            try {
                if (!text.isEmpty() && !s.getString().contains("__")) {
                    return new BigDecimal(new java.math.BigInteger(text)).longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // falls through to Python's message
            }
            throw new Refusal(Refusal.Kind.INT_LITERAL, PythonRepr.repr(v));
        }
        throw new Refusal(Refusal.Kind.INT_ARGUMENT, PythonRepr.typeName(v));
    }
}
