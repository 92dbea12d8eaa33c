package dev.ankiconnect.config;

/** A configuration value that is unknown or malformed; start-up fails with this message. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
