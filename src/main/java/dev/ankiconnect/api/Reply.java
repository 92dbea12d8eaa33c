package dev.ankiconnect.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The reply shapes: the bare result up to version 4, {@code {result, error}} from 5 on. */
public final class Reply {

    private Reply() {}

    public static JsonValue success(long version, JsonValue result) {
        if (version <= 4) {
            return result;
        }
        return Json.PROVIDER
                .createObjectBuilder()
                .add("result", result)
                .add("error", JsonValue.NULL)
                .build();
    }

    /** Errors have the same shape whatever the version. */
    public static JsonObject error(String message) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("result", JsonValue.NULL)
                .add("error", message)
                .build();
    }

    /** What an empty body gets. */
    public static JsonObject banner(int apiVersion) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("apiVersion", "AnkiConnect v." + apiVersion)
                .build();
    }
}
