package dev.ankiconnect.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * Converts what an action returns into JSON: JSON-P values pass through; strings, numbers,
 * booleans, lists, maps (keys as strings, like Python's integer dict keys) and null convert.
 */
public final class Results {

    private final JsonProvider json = Json.PROVIDER;

    public JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue v) {
            return v;
        }
        if (value instanceof String s) {
            return json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return json.createValue(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return json.createValue(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return json.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return json.createValue(i);
        }
        if (value instanceof Optional<?> o) {
            return toJson(o.orElse(null));
        }
        if (value instanceof dev.ankiconnect.search.IdList ids && !ids.isEmpty()) {
            return new LongArray(ids.toLongArray());
        }
        if (value instanceof java.util.List<?> list && !list.isEmpty()) {
            long[] longs = LongArray.longs(list);
            if (longs != null) {
                return new LongArray(longs);
            }
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder b = json.createArrayBuilder();
            for (Object item : items) {
                b.add(toJson(item));
            }
            return b.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = json.createObjectBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.add(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return b.build();
        }
        throw new IllegalArgumentException(
                "an action returned a " + value.getClass().getName() + ", which has no JSON form");
    }
}
