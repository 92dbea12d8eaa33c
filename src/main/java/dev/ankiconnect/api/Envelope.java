package dev.ankiconnect.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One request: {@code {"action", "version", "params", "key"}}.
 *
 * @param version the API level the client speaks, 4 when absent; it only shapes the reply
 * @param key     the {@code key} member as sent (any JSON type), or null when absent
 */
public record Envelope(String action, long version, JsonObject params, JsonValue key) {

    public static final long DEFAULT_VERSION = 4;

    public Envelope withParams(JsonObject newParams) {
        return new Envelope(action, version, newParams, key);
    }
}
