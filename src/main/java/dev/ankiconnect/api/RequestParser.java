package dev.ankiconnect.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Turns a request body into an {@link Envelope}, applying AnkiConnect's checks in its order:
 * decode and parse, then the JSON schema of the envelope.
 */
public final class RequestParser {

    /** The outcome of parsing one body. */
    public sealed interface Parsed permits Banner, Invalid, Valid {}

    /** An empty body: the client gets the {@code apiVersion} banner. */
    public record Banner() implements Parsed {}

    /** A body AnkiConnect refuses; {@code error} is the exact text. */
    public record Invalid(String error) implements Parsed {}

    /** A well-formed envelope. */
    public record Valid(Envelope envelope) implements Parsed {}

    private static final String SCHEMA = "{'properties': {'action': {'minLength': 1, 'type': 'string'},\n"
            + "                    'params': {'type': 'object'},\n"
            + "                    'version': {'type': 'integer'}},\n"
            + "     'required': ['action'],\n"
            + "     'type': 'object'}";

    private final JsonProvider json;
    private final int maxDepth;

    public RequestParser(JsonProvider json) {
        this(json, PythonJsonReader.DEFAULT_MAX_DEPTH);
    }

    /** @param maxDepth how deep objects and arrays may nest (configuration key jsonMaxDepth) */
    public RequestParser(JsonProvider json, int maxDepth) {
        this.json = json;
        this.maxDepth = maxDepth;
    }

    public Parsed parse(byte[] body) {
        if (body.length == 0) {
            return new Banner();
        }
        JsonValue root;
        try {
            root = PythonJsonReader.read(json, body, maxDepth);
        } catch (PythonJsonReader.JsonSyntaxError e) {
            return new Invalid(e.getMessage());
        }
        String schemaError = schemaError(root);
        if (schemaError != null) {
            return new Invalid(schemaError);
        }
        JsonObject request = (JsonObject) root;
        JsonValue params = request.get("params");
        JsonValue version = request.get("version");
        return new Valid(new Envelope(
                request.getString("action"),
                version == null ? Envelope.DEFAULT_VERSION : versionOf((JsonNumber) version),
                params == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) params,
                request.get("key")));
    }

    /** Reads a version; jsonschema accepts 6.0 as an integer, and huge values saturate. */
    static long versionOf(JsonNumber n) {
        try {
            return n.bigDecimalValue()
                    .toBigIntegerExact()
                    .max(java.math.BigInteger.valueOf(Long.MIN_VALUE))
                    .min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                    .longValue();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The jsonschema message for the first rule the body breaks, or null. */
    static String schemaError(JsonValue root) {
        if (!(root instanceof JsonObject request)) {
            return typeError(root, "object", "schema", "instance", SCHEMA);
        }
        JsonValue action = request.get("action");
        if (action == null) {
            return "'action' is a required property\n\nFailed validating 'required' in schema:\n    " + SCHEMA
                    + "\n\nOn instance:\n    " + PythonRepr.repr(request);
        }
        if (!(action instanceof JsonString s)) {
            return typeError(
                    action,
                    "string",
                    "schema['properties']['action']",
                    "instance['action']",
                    "{'minLength': 1, 'type': 'string'}");
        }
        if (s.getString().isEmpty()) {
            return "'' should be non-empty\n\nFailed validating 'minLength' in schema['properties']['action']:\n"
                    + "    {'minLength': 1, 'type': 'string'}\n\nOn instance['action']:\n    ''";
        }
        JsonValue version = request.get("version");
        if (version != null && !isInteger(version)) {
            return typeError(
                    version,
                    "integer",
                    "schema['properties']['version']",
                    "instance['version']",
                    "{'type': 'integer'}");
        }
        JsonValue params = request.get("params");
        if (params != null && !(params instanceof JsonObject)) {
            return typeError(
                    params, "object", "schema['properties']['params']", "instance['params']", "{'type': 'object'}");
        }
        return null;
    }

    private static boolean isInteger(JsonValue v) {
        if (!(v instanceof JsonNumber n)) {
            return false;
        }
        return n.isIntegral() || n.bigDecimalValue().stripTrailingZeros().scale() <= 0;
    }

    private static String typeError(JsonValue value, String type, String where, String instance, String schema) {
        return PythonRepr.repr(value) + " is not of type '" + type + "'\n\nFailed validating 'type' in " + where
                + ":\n    " + schema + "\n\nOn " + instance + ":\n    " + PythonRepr.repr(value);
    }
}
