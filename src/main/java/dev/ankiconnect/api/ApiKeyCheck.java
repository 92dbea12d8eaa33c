package dev.ankiconnect.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * AnkiConnect's key rule: {@code key == apiKey}, types included, where a missing key and
 * {@code "key": null} are both Python's None. With no key configured, a request that carries any
 * other key (even {@code ""}) is refused, as in the original.
 * Keys are compared in constant time.
 */
public final class ApiKeyCheck implements KeyCheck {

    public static final String REQUEST_PERMISSION = "requestPermission";

    private final byte[] expected;

    public ApiKeyCheck(String apiKey) {
        this.expected = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean required() {
        return expected != null;
    }

    @Override
    public boolean accepts(String action, JsonValue key) {
        if (REQUEST_PERMISSION.equals(action)) {
            return true;
        }
        if (expected == null) {
            return key == null || key.getValueType() == JsonValue.ValueType.NULL;
        }
        if (!(key instanceof JsonString s)) {
            return false;
        }
        return MessageDigest.isEqual(expected, s.getString().getBytes(StandardCharsets.UTF_8));
    }
}
