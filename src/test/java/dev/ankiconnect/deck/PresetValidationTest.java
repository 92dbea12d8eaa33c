package dev.ankiconnect.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.support.AnkiClient;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Presets are read as Anki's DeckConfSchema11 reads them. */
class PresetValidationTest {

    static JsonObject defaults() {
        return DeckJson.defaultPreset(1, 10);
    }

    static JsonObject with(String key, String json) {
        return Json.PROVIDER
                .createObjectBuilder(defaults())
                .add(key, AnkiClient.parse(json))
                .build();
    }

    @Test
    void theDefaultPreset_readsBackUnchanged() {
        assertEquals(Optional.of(defaults()), PresetValidation.normalize(defaults()));
    }

    @Test
    void wrongTypesOfStrictKeys_areRejected() {
        assertTrue(PresetValidation.normalize(with("maxTaken", "\"60\"")).isEmpty());
        assertTrue(PresetValidation.normalize(with("autoplay", "1")).isEmpty());
        assertTrue(PresetValidation.normalize(with("maxTaken", "60.5")).isEmpty());
        assertTrue(PresetValidation.normalize(with("rev", "{\"ease4\": 1.3, \"ivlFct\": 1, \"perDay\": 5}"))
                .isEmpty());
        assertTrue(PresetValidation.normalize(Json.PROVIDER
                        .createObjectBuilder(defaults())
                        .remove("lapse")
                        .build())
                .isEmpty());
    }

    @Test
    void lenientKeys_fallBackToTheirDefaults() {
        JsonObject read = PresetValidation.normalize(with("timer", "\"on\"")).orElseThrow();
        assertEquals(0, read.getInt("timer"));
        JsonObject section = PresetValidation.normalize(with(
                        "new",
                        "{\"delays\": \"x\", \"initialFactor\": 2500,"
                                + " \"ints\": [2, 5], \"order\": 0, \"perDay\": -1}"))
                .orElseThrow()
                .getJsonObject("new");
        assertEquals(AnkiClient.parse("[1.0, 10.0]"), section.get("delays"));
        assertEquals(AnkiClient.parse("[2, 5, 0]"), section.get("ints"));
        assertEquals(20, section.getInt("perDay"));
        assertEquals(0, section.getInt("order"));
    }

    @Test
    void floatsAreWrittenAsFloatsAndUnknownKeysKept() {
        JsonObject read = PresetValidation.normalize(
                        add(with("desiredRetention", "1")).add("x", 1).build())
                .orElseThrow();
        assertEquals("1.0", read.get("desiredRetention").toString());
        assertEquals(1, read.getInt("x"));
    }

    private static jakarta.json.JsonObjectBuilder add(JsonObject o) {
        return Json.PROVIDER.createObjectBuilder(o);
    }
}
