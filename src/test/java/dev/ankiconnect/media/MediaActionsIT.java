package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The media actions with the default configuration: path and url sources off, 100 MiB limit. */
@ExtendWith(ArquillianExtension.class)
class MediaActionsIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("media");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private JsonValue store(String filename, String data) {
        return client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", filename)
                        .add("data", data)
                        .build());
    }

    private JsonValue retrieve(String filename) {
        return client.call(
                "retrieveMediaFile",
                Json.createObjectBuilder().add("filename", filename).build());
    }

    private List<String> names(String pattern) {
        JsonArray a = client.call(
                        "getMediaFilesNames",
                        Json.createObjectBuilder().add("pattern", pattern).build())
                .asJsonArray();
        return a.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toList());
    }

    private static JsonValue str(String s) {
        return Json.createValue(s);
    }

    // test_media.py

    @Test
    void storeMediaFile_oneFile_returnsItsName() {
        assertEquals(str("_one_test.txt"), store("_one_test.txt", b64("test")));
        assertEquals(str(b64("test")), retrieve("_one_test.txt"));
    }

    @Test
    void storeMediaFile_twoFilesWithTheSameName_keepsBoth() {
        assertEquals(str("_two_test.txt"), store("_two_test.txt", b64("test")));
        JsonValue second = client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_two_test.txt")
                        .add("data", b64("test2"))
                        .add("deleteExisting", false)
                        .build());
        String expected = "_two_test-" + MediaStore.sha1("test2".getBytes(StandardCharsets.UTF_8)) + ".txt";
        assertEquals(str(expected), second);
        assertEquals(str(b64("test")), retrieve("_two_test.txt"));
        assertEquals(str(b64("test2")), retrieve(expected));
        // The same content under the same name reuses it.
        assertEquals(
                str("_two_test.txt"),
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_two_test.txt")
                                .add("data", b64("test"))
                                .add("deleteExisting", false)
                                .build()));
        assertEquals(List.of(expected, "_two_test.txt"), names("_two_tes*.txt"));
    }

    @Test
    void storeMediaFile_deleteExistingByDefault_replacesTheFile() {
        assertEquals(str("_repl.txt"), store("_repl.txt", b64("old")));
        assertEquals(str("_repl.txt"), store("_repl.txt", b64("new")));
        assertEquals(str(b64("new")), retrieve("_repl.txt"));
        assertEquals(List.of("_repl.txt"), names("_repl*"));
    }

    @Test
    void retrieveMediaFile_givesTheStoredBase64_orFalse() {
        store("_ret_test.txt", b64("retrieve me"));
        assertEquals(str(b64("retrieve me")), retrieve("_ret_test.txt"));
        assertEquals(str(b64("retrieve me")), retrieve("some/dir/_ret_test.txt"));
        assertEquals(JsonValue.FALSE, retrieve("_ret_missing.txt"));
    }

    @Test
    void getMediaFilesNames_matchesGlobPatterns() {
        store("_gl_test.txt", b64("1"));
        store("_gl_test2.txt", b64("2"));
        store("_gl_x.mp3", b64("3"));
        store(".gl_hidden", b64("4"));
        assertEquals(List.of("_gl_test.txt", "_gl_test2.txt"), names("_gl_tes*.txt"));
        assertEquals(List.of("_gl_test.txt"), names("_gl_tes?.txt"));
        assertEquals(List.of("_gl_x.mp3"), names("_gl_[x-z].mp3"));
        assertEquals(List.of(), names("_gl_[!x].mp3"));
        assertEquals(List.of(".gl_hidden"), names(".gl*"));
        assertEquals(List.of(), names("../*"));
        List<String> all = client.call("getMediaFilesNames").asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toList());
        assertTrue(all.containsAll(List.of("_gl_test.txt", "_gl_test2.txt", "_gl_x.mp3")));
        assertTrue(!all.contains(".gl_hidden"));
    }

    @Test
    void deleteMediaFile_removesOnlyThatFile() {
        store("_del_test.txt", b64("a"));
        store("_del_test2.txt", b64("b"));
        assertEquals(
                JsonValue.NULL,
                client.call(
                        "deleteMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_del_test.txt")
                                .build()));
        assertEquals(JsonValue.FALSE, retrieve("_del_test.txt"));
        assertEquals(List.of("_del_test2.txt"), names("_del_tes*.txt"));
        assertEquals(
                JsonValue.NULL,
                client.call(
                        "deleteMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_del_never.txt")
                                .build()));
    }

    @Test
    void getMediaDirPath_isAnExistingDirectoryWithTheFiles() throws IOException {
        store("_dir_a.bin", b64(new byte[] {0, (byte) 0xFF, 10, 13}));
        Path dir = Path.of(((JsonString) client.call("getMediaDirPath")).getString());
        assertTrue(dir.isAbsolute());
        assertTrue(Files.isDirectory(dir));
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 10, 13}, Files.readAllBytes(dir.resolve("_dir_a.bin")));
        store("_dir_a.bin", b64(new byte[] {1, 2, 3, 4}));
        client.call("getMediaDirPath");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(dir.resolve("_dir_a.bin")));
        client.call(
                "deleteMediaFile",
                Json.createObjectBuilder().add("filename", "_dir_a.bin").build());
        Files.writeString(dir.resolve("_dir_stray.txt"), "not imported");
        assertEquals(str(dir.toString()), client.call("getMediaDirPath"));
        assertTrue(!Files.exists(dir.resolve("_dir_a.bin")));
        assertTrue(!Files.exists(dir.resolve("_dir_stray.txt")));
        assertEquals(JsonValue.FALSE, retrieve("_dir_stray.txt"));
    }

    // Binary content and size

    @Test
    void binaryRoundTrip_20MiB_isExact() {
        byte[] data = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(data);
        assertEquals(str("_big.bin"), store("_big.bin", b64(data)));
        JsonValue back = retrieve("_big.bin");
        assertArrayEquals(data, Base64.getDecoder().decode(((JsonString) back).getString()));
    }

    @Test
    void everyByteValue_roundTrips() {
        byte[] data = new byte[512];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        store("_bytes.bin", b64(data));
        assertArrayEquals(data, Base64.getDecoder().decode(((JsonString) retrieve("_bytes.bin")).getString()));
    }

    // skipHash

    @Test
    void skipHash_matching_storesNothing_andReturnsNull() {
        String md5 = MediaStore.md5("placeholder".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                JsonValue.NULL,
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_skip.mp3")
                                .add("data", b64("placeholder"))
                                .add("skipHash", md5)
                                .build()));
        assertEquals(JsonValue.FALSE, retrieve("_skip.mp3"));
        assertEquals(
                str("_skip.mp3"),
                client.call(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_skip.mp3")
                                .add("data", b64("real audio"))
                                .add("skipHash", md5)
                                .build()));
    }

    // Refusals leave nothing stored

    private void refused(String expectedError, JsonObject params) {
        assertEquals(expectedError, client.error("storeMediaFile", params));
        String filename = params.getString("filename");
        assertEquals(JsonValue.FALSE, retrieve(filename));
    }

    @Test
    void noSource_isAnkiConnectsError() {
        refused(
                "You must provide a \"data\", \"path\", or \"url\" field.",
                Json.createObjectBuilder().add("filename", "_nosrc.txt").build());
        refused(
                "You must provide a \"data\", \"path\", or \"url\" field.",
                Json.createObjectBuilder()
                        .add("filename", "_nosrc.txt")
                        .add("data", "")
                        .add("path", "")
                        .addNull("url")
                        .build());
    }

    @Test
    void badBase64_isRefused() {
        refused(
                "\"data\" of media file \"_bad64.txt\" is not valid base64: Illegal base64 character 21",
                Json.createObjectBuilder()
                        .add("filename", "_bad64.txt")
                        .add("data", "abc!")
                        .build());
        refused(
                "media \"data\" must be a string, not 'int'",
                Json.createObjectBuilder()
                        .add("filename", "_bad64.txt")
                        .add("data", 12)
                        .build());
    }

    @Test
    void pathAndUrl_areOffByDefault() {
        refused(
                "reading media from a \"path\" is disabled on this server (mediaPathAllowlist is empty)",
                Json.createObjectBuilder()
                        .add("filename", "_path.txt")
                        .add("path", "/etc/hostname")
                        .build());
        refused(
                "downloading media from a \"url\" is disabled on this server (mediaUrlDownloads=false)",
                Json.createObjectBuilder()
                        .add("filename", "_url.txt")
                        .add("url", "http://127.0.0.1:1/x")
                        .build());
    }

    @Test
    void fileNames_cannotLeaveTheStore() {
        assertEquals(str("..evil.txt"), store("../evil.txt", b64("e")));
        assertEquals(str("etcevil2.txt"), store("/etc/evil2.txt", b64("e")));
        assertEquals(str("..windowsevil3.txt"), store("..\\windows\\evil3.txt", b64("e")));
        assertEquals(str("nulbyte.txt"), store("nul\u0000byte.txt", b64("e")));
        assertEquals(str("CON_.txt"), store("CON.txt", b64("e")));
        assertEquals(str(".._"), store("..", b64("e")));
        assertEquals(
                "media file name \"/\" is empty once the characters Anki does not allow in file names are removed",
                client.error(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "/")
                                .add("data", b64("e"))
                                .build()));
        assertEquals(
                "media file name \"\" is empty once the characters Anki does not allow in file names are removed",
                client.error(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "")
                                .add("data", b64("e"))
                                .build()));
    }

    @Test
    void parameters_areCheckedAsAnkiConnectDoes() {
        assertEquals(
                "AnkiConnect.storeMediaFile() missing 1 required positional argument: 'filename'",
                client.error(
                        "storeMediaFile",
                        Json.createObjectBuilder().add("data", b64("x")).build()));
        assertEquals(
                "AnkiConnect.retrieveMediaFile() got an unexpected keyword argument 'path'",
                client.error(
                        "retrieveMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "x")
                                .add("path", "y")
                                .build()));
    }
}
