package dev.ankiconnect.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. Looking the provider up costs a service-loader
 * scan on every {@code jakarta.json.Json} call, so everything goes through this instance.
 */
public final class Json {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {}
}
