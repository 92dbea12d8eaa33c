package dev.ankiconnect.config;

import java.util.Locale;

/**
 * Every configuration key the server reads, with its type and default. The names of the keys
 * that AnkiConnect itself has are AnkiConnect's.
 */
public enum ConfigKey {
    API_KEY("apiKey", Type.STRING, null),
    API_VERSION("apiVersion", Type.INT, "6"),
    API_LOG_PATH("apiLogPath", Type.STRING, null),
    WEB_CORS_ORIGIN_LIST("webCorsOriginList", Type.LIST, "http://localhost"),
    WEB_CORS_ORIGIN("webCorsOrigin", Type.STRING, null),
    IGNORE_ORIGIN_LIST("ignoreOriginList", Type.LIST, ""),
    WEB_TIMEOUT("webTimeout", Type.INT, "10000"),
    MAX_REQUEST_BYTES("maxRequestBytes", Type.LONG, String.valueOf(64L * 1024 * 1024)),
    JSON_MAX_DEPTH("jsonMaxDepth", Type.INT, "512"),
    DATA_DIR("dataDir", Type.STRING, null),
    JDBC_URL("jdbcUrl", Type.STRING, null),
    JDBC_USER("jdbcUser", Type.STRING, null),
    JDBC_PASSWORD("jdbcPassword", Type.STRING, null),
    DEFAULT_PROFILE("defaultProfile", Type.STRING, "User 1"),
    MAX_MEDIA_FILE_BYTES("maxMediaFileBytes", Type.LONG, String.valueOf(100L * 1024 * 1024)),
    MEDIA_PATH_ALLOWLIST("mediaPathAllowlist", Type.LIST, ""),
    MEDIA_URL_DOWNLOADS("mediaUrlDownloads", Type.STRING, "false"),
    MEDIA_URL_ALLOW_PRIVATE("mediaUrlAllowPrivate", Type.STRING, "false"),
    MEDIA_DIR_EXPORT("mediaDirExport", Type.STRING, "true"),
    PACKAGE_DIR("packageDir", Type.STRING, null),
    PACKAGE_PATH_ALLOWLIST("packagePathAllowlist", Type.LIST, ""),
    MAX_PACKAGE_BYTES("maxPackageBytes", Type.LONG, String.valueOf(512L * 1024 * 1024)),
    USERS("users", Type.STRING, "false"),
    TRUSTED_PROXIES("trustedProxies", Type.LIST, ""),
    KEY_FAILURE_LIMIT("keyFailureLimit", Type.INT, "10"),
    KEY_FAILURE_BLOCK_MS("keyFailureBlockMs", Type.LONG, "1000"),
    SEARCH_MEMORY_MB("searchMemoryMb", Type.INT, "256"),
    DB_POOL_SIZE("dbPoolSize", Type.INT, "0"),
    DB_WAIT_MS("dbWaitMs", Type.LONG, "10000"),
    ACCESS_LOG_QUEUE("accessLogQueue", Type.INT, "65536"),
    REQUEST_TIMEOUT_MS("requestTimeoutMs", Type.LONG, "30000"),
    MAX_BULK_ITEMS("maxBulkItems", Type.INT, "100000"),
    MAX_BODY_MB_IN_FLIGHT("maxBodyMbInFlight", Type.INT, "0");

    /** How a key's text is read. */
    public enum Type {
        STRING,
        INT,
        LONG,
        LIST
    }

    private final String key;
    private final Type type;
    private final String defaultValue;

    ConfigKey(String key, Type type, String defaultValue) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The environment variable: {@code ANKICONNECT_} + the key in upper snake case. */
    public String envName() {
        return "ANKICONNECT_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The context parameter and system property: {@code ankiconnect.} + the key. */
    public String propertyName() {
        return "ankiconnect." + key;
    }

    public static ConfigKey byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    public static ConfigKey byEnvName(String env) {
        for (ConfigKey k : values()) {
            if (k.envName().equals(env)) {
                return k;
            }
        }
        return null;
    }
}
