package dev.ankiconnect.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads the settings from four sources; each one overrides the one before it:
 * <ol>
 *   <li>{@code WEB-INF/ankiconnect.properties} in the WAR (built from {@code webapp-config/}),</li>
 *   <li>servlet context parameters {@code ankiconnect.<key>},</li>
 *   <li>system properties {@code ankiconnect.<key>},</li>
 *   <li>environment variables {@code ANKICONNECT_<KEY>}.</li>
 * </ol>
 * A key that is not known, in any source, fails the start with a message that names it.
 */
public final class ConfigLoader {

    /** Environment names that AnkiConnect's desktop add-on reads and that mean nothing here. */
    private static final java.util.Set<String> DESKTOP_ONLY_ENV = java.util.Set.of("ANKICONNECT_BIND_ADDRESS");
    /** AnkiConnect's own name for the extra origin, kept so existing set-ups carry over. */
    private static final String LEGACY_CORS_ENV = "ANKICONNECT_CORS_ORIGIN";

    private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);

    private ConfigLoader() {
        for (ConfigKey k : ConfigKey.values()) {
            values.put(k, k.defaultValue());
            sources.put(k, "default");
        }
    }

    /**
     * @param file          the packaged properties file, or null when there is none
     * @param contextParams context parameter names to values
     * @param system        system properties
     * @param env           environment variables
     */
    public static Config load(
            InputStream file, Map<String, String> contextParams, Properties system, Map<String, String> env) {
        ConfigLoader loader = new ConfigLoader();
        if (file != null) {
            loader.file(file);
        }
        loader.prefixed(contextParams, "context parameter");
        Map<String, String> sys = new java.util.HashMap<>();
        for (String name : system.stringPropertyNames()) {
            sys.put(name, system.getProperty(name));
        }
        loader.prefixed(sys, "system property");
        loader.env(env);
        return new Config(loader.values, loader.sources);
    }

    private void file(InputStream in) {
        Properties p = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read WEB-INF/ankiconnect.properties: " + e.getMessage());
        }
        Enumeration<?> names = p.propertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            put(ConfigKey.byKey(name), name, p.getProperty(name), "WEB-INF/ankiconnect.properties");
        }
    }

    private void prefixed(Map<String, String> map, String what) {
        map.forEach((name, value) -> {
            if (name.startsWith("ankiconnect.")) {
                put(ConfigKey.byKey(name.substring("ankiconnect.".length())), name, value, what + " " + name);
            }
        });
    }

    private void env(Map<String, String> env) {
        env.forEach((name, value) -> {
            if (!name.startsWith("ANKICONNECT_") || DESKTOP_ONLY_ENV.contains(name)) {
                return;
            }
            Function<String, ConfigKey> lookup = ConfigKey::byEnvName;
            ConfigKey key = name.equals(LEGACY_CORS_ENV) ? ConfigKey.WEB_CORS_ORIGIN : lookup.apply(name);
            put(key, name, value, "environment variable " + name);
        });
    }

    private void put(ConfigKey key, String name, String value, String source) {
        if (key == null) {
            throw new ConfigException(
                    "unknown configuration key '" + name + "' (from " + source + "); known keys: " + knownKeys());
        }
        // An empty value means "unset" for optional text keys (apiKey= in a file keeps the check off).
        values.put(key, value.isEmpty() && key.type() == ConfigKey.Type.STRING ? null : value);
        sources.put(key, source);
    }

    private static String knownKeys() {
        StringBuilder b = new StringBuilder();
        for (ConfigKey k : ConfigKey.values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k.key());
        }
        return b.toString();
    }
}
