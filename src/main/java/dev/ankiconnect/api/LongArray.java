package dev.ankiconnect.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A JSON array of whole numbers held as {@code long}s: what findNotes and findCards answer, often tens of thousands
 * of ids. {@link PythonJsonWriter} writes it straight from the longs, without a JSON-P number object per id.
 */
final class LongArray extends AbstractList<JsonValue> implements JsonArray, RandomAccess {

    private final long[] values;

    LongArray(long[] values) {
        this.values = values;
    }

    /** The values when every item of {@code items} is a {@code Long}, else null. */
    static long[] longs(List<?> items) {
        long[] out = new long[items.size()];
        int i = 0;
        for (Object item : items) {
            if (!(item instanceof Long l)) {
                return null;
            }
            out[i++] = l;
        }
        return out;
    }

    long at(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public JsonValue get(int index) {
        return Json.PROVIDER.createValue(values[index]);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.ARRAY;
    }

    @Override
    public JsonObject getJsonObject(int index) {
        throw new ClassCastException("a number is not a JSON object");
    }

    @Override
    public JsonArray getJsonArray(int index) {
        throw new ClassCastException("a number is not a JSON array");
    }

    @Override
    public JsonNumber getJsonNumber(int index) {
        return Json.PROVIDER.createValue(values[index]);
    }

    @Override
    public JsonString getJsonString(int index) {
        throw new ClassCastException("a number is not a JSON string");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends JsonValue> List<T> getValuesAs(Class<T> clazz) {
        return (List<T>) this;
    }

    @Override
    public String getString(int index) {
        throw new ClassCastException("a number is not a JSON string");
    }

    @Override
    public String getString(int index, String defaultValue) {
        return defaultValue;
    }

    @Override
    public int getInt(int index) {
        return Math.toIntExact(values[index]);
    }

    @Override
    public int getInt(int index, int defaultValue) {
        return index >= 0 && index < values.length ? getInt(index) : defaultValue;
    }

    @Override
    public boolean getBoolean(int index) {
        throw new ClassCastException("a number is not a JSON boolean");
    }

    @Override
    public boolean getBoolean(int index, boolean defaultValue) {
        return defaultValue;
    }

    @Override
    public boolean isNull(int index) {
        get(index);
        return false;
    }

    @Override
    public String toString() {
        return PythonJsonWriter.write(this);
    }
}
