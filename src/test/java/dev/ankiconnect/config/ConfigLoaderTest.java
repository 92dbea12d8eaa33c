package dev.ankiconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static ByteArrayInputStream file(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaults() {
        Config c = ConfigLoader.load(null, Map.of(), new Properties(), Map.of());
        assertNull(c.apiKey());
        assertEquals(List.of("http://localhost"), c.list(ConfigKey.WEB_CORS_ORIGIN_LIST));
        assertEquals(6, c.integer(ConfigKey.API_VERSION));
        assertEquals(64L * 1024 * 1024, c.longValue(ConfigKey.MAX_REQUEST_BYTES));
        assertEquals(Path.of(System.getProperty("user.home"), ".ankiconnect-server"), c.dataDir());
        assertEquals("User 1", c.string(ConfigKey.DEFAULT_PROFILE));
    }

    @Test
    void eachSourceOverridesTheOneBefore() {
        String f = "apiKey=fromFile\nwebTimeout=1\napiLogPath=/tmp/a\ndataDir=/d1\n";
        Config c = ConfigLoader.load(
                file(f),
                Map.of("ankiconnect.webTimeout", "2", "ankiconnect.apiLogPath", "/tmp/b", "unrelated", "x"),
                props("ankiconnect.apiLogPath", "/tmp/c", "ankiconnect.dataDir", "/d3", "java.version", "17"),
                Map.of("ANKICONNECT_DATA_DIR", "/d4", "PATH", "/bin"));
        assertEquals("fromFile", c.apiKey());
        assertEquals(2, c.integer(ConfigKey.WEB_TIMEOUT));
        assertEquals("/tmp/c", c.string(ConfigKey.API_LOG_PATH));
        assertEquals(Path.of("/d4"), c.dataDir());
        assertEquals("environment variable ANKICONNECT_DATA_DIR", c.source(ConfigKey.DATA_DIR));
    }

    @Test
    void listsAcceptJsonOrCommas() {
        Config c = ConfigLoader.load(
                file("webCorsOriginList=[\"https://a\", \"https://b\"]\nignoreOriginList=x, y\n"),
                Map.of(),
                new Properties(),
                Map.of());
        assertEquals(List.of("https://a", "https://b"), c.list(ConfigKey.WEB_CORS_ORIGIN_LIST));
        assertEquals(List.of("x", "y"), c.list(ConfigKey.IGNORE_ORIGIN_LIST));
    }

    @Test
    void emptyTextValue_meansUnset() {
        assertNull(ConfigLoader.load(file("apiKey=\n"), Map.of(), new Properties(), Map.of())
                .apiKey());
    }

    @Test
    void legacyCorsEnvironmentVariable_isHonoured() {
        Config c = ConfigLoader.load(null, Map.of(), new Properties(), Map.of("ANKICONNECT_CORS_ORIGIN", "https://x"));
        assertEquals("https://x", c.string(ConfigKey.WEB_CORS_ORIGIN));
    }

    @Test
    void unknownKey_failsNamingIt() {
        assertEquals(
                "unknown configuration key 'apikey' (from WEB-INF/ankiconnect.properties); known keys: "
                        + "apiKey, apiVersion, apiLogPath, webCorsOriginList, webCorsOrigin, ignoreOriginList, webTimeout, "
                        + "maxRequestBytes, jsonMaxDepth, dataDir, jdbcUrl, jdbcUser, jdbcPassword, defaultProfile, "
                        + "maxMediaFileBytes, mediaPathAllowlist, mediaUrlDownloads, mediaUrlAllowPrivate, mediaDirExport, packageDir, packagePathAllowlist, maxPackageBytes, "
                        + "users, trustedProxies, keyFailureLimit, keyFailureBlockMs, searchMemoryMb, dbPoolSize, dbWaitMs, accessLogQueue, "
                        + "requestTimeoutMs, maxBulkItems, maxBodyMbInFlight",
                assertThrows(
                                ConfigException.class,
                                () -> ConfigLoader.load(file("apikey=x\n"), Map.of(), new Properties(), Map.of()))
                        .getMessage());
        assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(null, Map.of(), props("ankiconnect.nope", "1"), Map.of()));
        assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(null, Map.of(), new Properties(), Map.of("ANKICONNECT_NOPE", "1")));
    }

    @Test
    void malformedValue_failsNamingKeyAndSource() {
        assertEquals(
                "configuration key 'webTimeout' (from system property ankiconnect.webTimeout) must be a whole number, got 'soon'",
                assertThrows(
                                ConfigException.class,
                                () -> ConfigLoader.load(
                                        null, Map.of(), props("ankiconnect.webTimeout", "soon"), Map.of()))
                        .getMessage());
        assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(file("maxRequestBytes=0\n"), Map.of(), new Properties(), Map.of()));
        assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(file("webCorsOriginList=[\"a\"\n"), Map.of(), new Properties(), Map.of()));
    }

    @Test
    void envNames_areUpperSnakeCase() {
        assertEquals("ANKICONNECT_WEB_CORS_ORIGIN_LIST", ConfigKey.WEB_CORS_ORIGIN_LIST.envName());
        assertEquals("ANKICONNECT_API_KEY", ConfigKey.API_KEY.envName());
    }

    @Test
    void users_isTrueOrFalse_defaultFalse() {
        assertEquals(
                false,
                ConfigLoader.load(null, Map.of(), new Properties(), Map.of()).multiUser());
        assertEquals(
                true,
                ConfigLoader.load(file("users=TRUE\n"), Map.of(), new Properties(), Map.of())
                        .multiUser());
        assertEquals(
                "configuration key 'users' (from WEB-INF/ankiconnect.properties) must be true or false, got 'yes'",
                assertThrows(
                                ConfigException.class,
                                () -> ConfigLoader.load(file("users=yes\n"), Map.of(), new Properties(), Map.of()))
                        .getMessage());
    }
}
