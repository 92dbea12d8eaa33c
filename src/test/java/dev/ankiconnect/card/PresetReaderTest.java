package dev.ankiconnect.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.deck.DeckJson;
import dev.ankiconnect.scheduler.Preset;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetReaderTest {

    @Test
    void theDefaultPresetReadsAsAnkisDefaults() {
        assertEquals(Preset.defaults(), PresetReader.read(DeckJson.defaultPreset(1, "Default", 0)));
        assertEquals(Preset.defaults(), PresetReader.read(Json.createObjectBuilder().build()));
    }

    @Test
    void changedValuesAreRead() {
        JsonObject json = Json.createObjectBuilder(DeckJson.defaultPreset(1, "Default", 0))
                .add("new", Json.createObjectBuilder().add("delays", Json.createArrayBuilder().add(5.0))
                        .add("ints", Json.createArrayBuilder().add(2).add(7)).add("initialFactor", 2300))
                .build();
        Preset p = PresetReader.read(json);
        assertEquals(List.of(5f), p.learnSteps());
        assertEquals(2, p.graduatingIntervalGood());
        assertEquals(7, p.graduatingIntervalEasy());
        assertEquals(2.3f, p.initialEase());
    }
}
