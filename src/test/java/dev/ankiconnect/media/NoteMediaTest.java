package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.InvalidInputException;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.error.Refusal;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoteMediaTest {

    private final List<String> stored = new ArrayList<>();

    /** Stores under "stored-" + filename; "skip" skips; "fail" fails with a text that needs escaping. */
    private String store(JsonObject media) {
        String name = media.getString("filename", null);
        if (name == null) {
            throw new InvalidInputException("'filename'");
        }
        if (name.equals("fail")) {
            throw new InvalidInputException("bad <b>&</b>");
        }
        stored.add(name);
        return name.equals("skip") ? null : "stored-" + name;
    }

    private Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Front", "f");
        f.put("Back", "b");
        return f;
    }

    private Map<String, String> apply(String noteJson) {
        Map<String, String> f = fields();
        NoteMedia.apply(PythonJsonReader.read(Json.PROVIDER, noteJson).asJsonObject(), f, this::store);
        return f;
    }

    @Test
    void references_areAppended_inKindOrder() {
        Map<String, String> f = apply("{\"picture\": {\"filename\": \"p.png\", \"fields\": [\"Front\"]},"
                + " \"audio\": [{\"filename\": \"a.mp3\", \"fields\": [\"Front\", \"Back\"]}, null],"
                + " \"video\": {\"filename\": \"v.mp4\", \"fields\": [\"Back\", \"Nope\", \"front\"]}}");
        assertEquals("f[sound:stored-a.mp3]<img src=\"stored-p.png\">", f.get("Front"));
        assertEquals("b[sound:stored-a.mp3][sound:stored-v.mp4]", f.get("Back"));
        assertEquals(List.of("Front", "Back"), new ArrayList<>(f.keySet()));
        assertEquals(List.of("a.mp3", "v.mp4", "p.png"), stored);
    }

    @Test
    void skipHashMatch_orNoFields_appendsNothing() {
        Map<String, String> f = apply("{\"audio\": [{\"filename\": \"skip\", \"fields\": [\"Front\"]},"
                + " {\"filename\": \"x.mp3\"}, {\"filename\": \"y.mp3\", \"fields\": \"Front\"}]}");
        assertEquals(fields(), f);
        assertEquals(List.of("skip", "x.mp3", "y.mp3"), stored);
    }

    @Test
    void failures_areAppendedEscaped_toTheListedFields() {
        Map<String, String> f = apply("{\"picture\": [{\"filename\": \"fail\", \"fields\": [\"Back\", \"Nope\"]},"
                + " {\"fields\": [\"Front\"]}, {\"filename\": \"ok.png\", \"fields\": [\"Back\"]}]}");
        assertEquals("f'filename'", f.get("Front"));
        assertEquals("bbad &lt;b&gt;&amp;&lt;/b&gt;<img src=\"stored-ok.png\">", f.get("Back"));
    }

    @Test
    void failureWithoutFields_isKeyErrorFields() {
        assertEquals(
                "'fields'",
                ApiErrors.message(assertThrows(Refusal.class, () -> apply("{\"audio\": {\"filename\": \"fail\"}}"))));
    }

    @Test
    void failure_iteratesFieldsTheWayPythonDoes() {
        // A string is iterated character by character; a dict by its keys.
        Map<String, String> f = new LinkedHashMap<>(Map.of("F", "1", "B", "2"));
        NoteMedia.apply(
                PythonJsonReader.read(
                                Json.PROVIDER,
                                "{\"audio\": [{\"filename\": \"fail\", \"fields\": \"FX\"},"
                                        + " {\"filename\": \"fail\", \"fields\": {\"B\": 1}}]}")
                        .asJsonObject(),
                f,
                this::store);
        assertEquals("1bad &lt;b&gt;&amp;&lt;/b&gt;", f.get("F"));
        assertEquals("2bad &lt;b&gt;&amp;&lt;/b&gt;", f.get("B"));
        assertEquals(
                "'NoneType' object is not iterable",
                ApiErrors.message(assertThrows(
                        Refusal.class, () -> apply("{\"audio\": {\"filename\": \"fail\", \"fields\": null}}"))));
        assertEquals(
                "'int' object is not iterable",
                ApiErrors.message(assertThrows(
                        Refusal.class, () -> apply("{\"audio\": {\"filename\": \"fail\", \"fields\": 3}}"))));
    }

    @Test
    void entriesThatAreNotObjects_raisePythonsTypeError() {
        assertEquals(
                "string indices must be integers, not 'str'",
                ApiErrors.message(assertThrows(Refusal.class, () -> apply("{\"audio\": \"a.mp3\"}"))));
        assertEquals(
                "'int' object is not subscriptable",
                ApiErrors.message(assertThrows(Refusal.class, () -> apply("{\"picture\": [1]}"))));
    }

    @Test
    void noMedia_changesNothing() {
        assertEquals(fields(), apply("{\"audio\": null, \"video\": [], \"fields\": {}}"));
        assertEquals(List.of(), stored);
    }
}
