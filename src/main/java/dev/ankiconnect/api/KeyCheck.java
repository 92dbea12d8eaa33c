package dev.ankiconnect.api;

import jakarta.json.JsonValue;

/** Decides whether an envelope's {@code key} lets it run (see {@link ApiKeyCheck} and multi-user mode). */
public interface KeyCheck {

    /** True when this envelope may run; {@code requestPermission} always may. */
    boolean accepts(String action, JsonValue key);

    /** True when requests need a key (what requestPermission reports as requireApikey). */
    boolean required();
}
