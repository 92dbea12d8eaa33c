package dev.ankiconnect.config;

import jakarta.enterprise.context.ApplicationScoped;

/** The loaded {@link Config} as an application bean; set once by the start-up listener. */
@ApplicationScoped
public class Settings {

    private volatile Config config;

    public Config config() {
        Config c = config;
        if (c == null) {
            throw new IllegalStateException("configuration not loaded yet");
        }
        return c;
    }

    public void set(Config config) {
        this.config = config;
    }
}
