package dev.ankiconnect.apkg;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;

/** The one shared JSON-P provider (looking it up per call is slow) plus parse/serialise helpers. */
final class JsonSupport {
    static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonSupport() {}

    static JsonValue parse(String text) {
        try (JsonReader r = PROVIDER.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }

    /** Parses a JSON object; empty or blank text (a schema-18 col column) reads as {}. */
    static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue v = parse(text);
        if (!(v instanceof JsonObject o)) {
            throw new IllegalArgumentException("expected a JSON object, got " + v.getValueType());
        }
        return o;
    }

    static String write(JsonStructure value) {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = PROVIDER.createWriter(sw)) {
            w.write(value);
        }
        return sw.toString();
    }

    /** Float from a protobuf as the double a human wrote (0.9f → 0.9, not 0.8999999761581421). */
    static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }
}
