package dev.ankiconnect.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The server's settings, read once at start-up by {@link ConfigLoader} and immutable after.
 * Values were validated when loaded, so the getters cannot fail.
 */
public final class Config {

    private final Map<ConfigKey, String> values;
    private final Map<ConfigKey, String> sources;

    Config(Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        for (ConfigKey key : ConfigKey.values()) {
            validate(key, values.get(key));
        }
    }

    /** Settings from explicit values, everything else at its default (for tests and tools). */
    public static Config of(Map<ConfigKey, String> explicit) {
        Map<ConfigKey, String> v = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            v.put(k, k.defaultValue());
            s.put(k, "default");
        }
        explicit.forEach((k, val) -> {
            v.put(k, val);
            s.put(k, "explicit");
        });
        return new Config(v, s);
    }

    public String string(ConfigKey key) {
        return values.get(key);
    }

    public int integer(ConfigKey key) {
        return Integer.parseInt(values.get(key).trim());
    }

    public long longValue(ConfigKey key) {
        return Long.parseLong(values.get(key).trim());
    }

    public List<String> list(ConfigKey key) {
        return parseList(values.get(key));
    }

    /** Where a value came from, for the start-up log. */
    public String source(ConfigKey key) {
        return sources.get(key);
    }

    /** Multi-user mode: {@code users=true}. Keys identify users; each user has their own profiles. */
    public boolean multiUser() {
        String v = string(ConfigKey.USERS);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    public String apiKey() {
        return string(ConfigKey.API_KEY);
    }

    /** The data directory: {@code dataDir}, else {@code ~/.ankiconnect-server}. */
    public Path dataDir() {
        String dir = string(ConfigKey.DATA_DIR);
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".ankiconnect-server");
    }

    /** Lists are a JSON array of strings or a comma-separated list. */
    static List<String> parseList(String text) {
        if (text == null) {
            return List.of();
        }
        String t = text.trim();
        List<String> out = new ArrayList<>();
        if (t.startsWith("[")) {
            if (!t.endsWith("]")) {
                throw new IllegalArgumentException("unterminated list");
            }
            String inner = t.substring(1, t.length() - 1).trim();
            if (inner.isEmpty()) {
                return List.of();
            }
            for (String part : inner.split(",")) {
                String p = part.trim();
                if (p.length() < 2 || !p.startsWith("\"") || !p.endsWith("\"")) {
                    throw new IllegalArgumentException("list items must be double-quoted strings");
                }
                out.add(p.substring(1, p.length() - 1));
            }
            return List.copyOf(out);
        }
        for (String part : t.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    private void validate(ConfigKey key, String value) {
        if (value == null) {
            return;
        }
        try {
            switch (key.type()) {
                case INT -> {
                    if (Integer.parseInt(value.trim()) < 0) {
                        throw new IllegalArgumentException("must not be negative");
                    }
                }
                case LONG -> {
                    if (Long.parseLong(value.trim()) <= 0) {
                        throw new IllegalArgumentException("must be positive");
                    }
                }
                case LIST -> parseList(value);
                case STRING -> {
                    if (key == ConfigKey.USERS
                            && !value.trim().equalsIgnoreCase("true")
                            && !value.trim().equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException("true or false");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            String expected = switch (key.type()) {
                case INT -> "a whole number";
                case LONG -> "a positive whole number";
                case LIST -> "a JSON array of strings or a comma-separated list";
                case STRING -> key == ConfigKey.USERS ? "true or false" : "text";
            };
            throw new ConfigException("configuration key '" + key.key() + "' (from " + sources.get(key) + ") must be "
                    + expected + ", got '" + value + "'");
        }
    }
}
