package dev.ankiconnect.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigValueTest {

    @Test
    void storedTextSurvivesARoundTrip() {
        for (String stored : new String[] {
            "{\"zeta\": 1, \"alpha\": [1.5, null, true], \"unknown\": {\"b\": \"\\u00e9\", \"a\": 2.0}}",
            "[1]",
            "\"noteFld\"",
            "1200",
            "0.9",
            "true",
            "false",
            "null"
        }) {
            assertEquals(stored, ConfigValue.decode(stored).encode(), stored);
        }
    }

    @Test
    void typedReads() {
        assertEquals(
                Optional.of(1700000000000L), ConfigValue.decode("1700000000000").asLong());
        assertEquals(Optional.of(-60), ConfigValue.decode("-60").asInt());
        assertEquals(Optional.empty(), ConfigValue.decode("\"4\"").asLong());
        assertEquals(Optional.of(true), ConfigValue.decode("true").asBool());
        assertEquals(Optional.of(false), ConfigValue.decode("false").asBool());
        assertEquals(Optional.empty(), ConfigValue.decode("1").asBool());
    }

    @Test
    void aNewCollectionsKeysAsStored() {
        Map<String, String> stored = new LinkedHashMap<>();
        ConfigValue.newCollection(-60).forEach((key, value) -> stored.put(key, value.encode()));
        assertEquals(
                "{activeDecks=[1], curDeck=1, newSpread=0, collapseTime=1200, timeLim=0, estTimes=true,"
                        + " dueCounts=true, nextPos=1, sortType=\"noteFld\", sortBackwards=false, addToCur=true,"
                        + " dayLearnFirst=false, schedVer=2, sched2021=true, creationOffset=-60, rollover=4}",
                stored.toString());
    }
}
