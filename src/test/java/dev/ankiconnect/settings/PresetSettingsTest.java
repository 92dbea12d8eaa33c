package dev.ankiconnect.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.deck.DeckJson;
import dev.ankiconnect.scheduler.LeechAction;
import dev.ankiconnect.scheduler.Preset;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetSettingsTest {

    @Test
    void theDefaultPresetReadsAsAnkisDefaults() {
        assertEquals(Preset.defaults(), new PresetSettings(DeckJson.defaultPreset(1, 0)).scheduler());
        assertEquals(
                Preset.defaults(), new PresetSettings(Json.createObjectBuilder().build()).scheduler());
    }

    @Test
    void changedValuesAreRead() {
        JsonObject json = Json.createObjectBuilder(DeckJson.defaultPreset(1, 0))
                .add(
                        "new",
                        Json.createObjectBuilder()
                                .add("delays", Json.createArrayBuilder().add(5.0))
                                .add("ints", Json.createArrayBuilder().add(2).add(7))
                                .add("initialFactor", 2300))
                .build();
        Preset p = new PresetSettings(json).scheduler();
        assertEquals(List.of(5f), p.learnSteps());
        assertEquals(2, p.graduatingIntervalGood());
        assertEquals(7, p.graduatingIntervalEasy());
        assertEquals(2.3f, p.initialEase());
    }

    @Test
    void defaultPresetJson_isAnkisDefaultPreset() {
        assertEquals(Preset.defaults(), new PresetSettings(DeckJson.defaultPreset(1, 0)).scheduler());
    }

    @Test
    void presetJson_mapsEveryOption() {
        String json =
                "{\"new\": {\"delays\": [2, 20.5], \"perDay\": 5, \"initialFactor\": 2300, \"ints\": [2, 6, 0], \"bury\": true},"
                        + " \"rev\": {\"perDay\": 50, \"ease4\": 1.5, \"hardFactor\": 1.1, \"ivlFct\": 0.9, \"maxIvl\": 100, \"bury\": 1},"
                        + " \"lapse\": {\"delays\": [5], \"mult\": 0.5, \"minInt\": 2, \"leechFails\": 4, \"leechAction\": 0},"
                        + " \"maxTaken\": 30, \"buryInterdayLearning\": true, \"desiredRetention\": 0.85, \"sm2Retention\": 0.8,"
                        + " \"fsrsParams6\": [0.5, 1.5]}";
        Preset p = PresetSettings.decode(json).scheduler();
        assertEquals(List.of(2f, 20.5f), p.learnSteps());
        assertEquals(List.of(5f), p.relearnSteps());
        assertEquals(5, p.newPerDay());
        assertEquals(50, p.reviewsPerDay());
        assertEquals(2.3f, p.initialEase());
        assertEquals(2, p.graduatingIntervalGood());
        assertEquals(6, p.graduatingIntervalEasy());
        assertEquals(1.5f, p.easyMultiplier());
        assertEquals(1.1f, p.hardMultiplier());
        assertEquals(0.9f, p.intervalMultiplier());
        assertEquals(100, p.maximumReviewInterval());
        assertEquals(0.5f, p.lapseMultiplier());
        assertEquals(2, p.minimumLapseInterval());
        assertEquals(4, p.leechThreshold());
        assertEquals(LeechAction.SUSPEND, p.leechAction());
        assertEquals(30, p.capAnswerTimeToSecs());
        assertEquals(true, p.buryNew());
        assertEquals(true, p.buryReviews());
        assertEquals(true, p.buryInterdayLearning());
        assertEquals(0.85f, p.desiredRetention());
        assertEquals(0.8f, p.historicalRetention());
        assertEquals(List.of(0.5f, 1.5f), p.fsrsParams());
    }

    @Test
    void storedTextRoundTripsByteForByte() {
        String stored =
                "{\"id\": 1, \"name\": \"D\\u00e9fault\", \"new\": {\"delays\": [1.0, 10.0], \"order\": 0}, \"zz\": null}";
        PresetSettings p = PresetSettings.decode(stored);
        assertEquals(stored, p.encode());
        assertEquals("D\u00e9fault", p.name());
        assertEquals(true, p.randomNewOrder());
        assertEquals(false, new PresetSettings(Json.createObjectBuilder().build()).randomNewOrder());
    }
}
