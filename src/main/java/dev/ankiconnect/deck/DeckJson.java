package dev.ankiconnect.deck;

import dev.ankiconnect.api.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Anki's v11 JSON for decks and options presets, with the values a fresh collection has. */
public final class DeckJson {

    private DeckJson() {}

    /** A normal deck with no limits, using preset 1 (Anki's defaults for a new deck). */
    public static JsonObject normalDeck(long id, String name, long mtimeSecs) {
        JsonArray zero = Json.PROVIDER.createArrayBuilder().add(0).add(0).build();
        return Json.PROVIDER
                .createObjectBuilder()
                .add("id", id)
                .add("mod", mtimeSecs)
                .add("name", name)
                .add("usn", -1)
                .add("lrnToday", zero)
                .add("revToday", zero)
                .add("newToday", zero)
                .add("timeToday", zero)
                .add("collapsed", true)
                .add("browserCollapsed", true)
                .add("desc", "")
                .add("dyn", 0)
                .add("conf", 1)
                .add("extendNew", 0)
                .add("extendRev", 0)
                .add("reviewLimit", JsonValue.NULL)
                .add("newLimit", JsonValue.NULL)
                .add("reviewLimitToday", JsonValue.NULL)
                .add("newLimitToday", JsonValue.NULL)
                .build();
    }

    /** Preset values of Anki's {@code DeckConfig::default} in v11 form (ANKI-MODEL 1.11), named "Default". */
    public static JsonObject defaultPreset(long id, long mtimeSecs) {
        var b = Json.PROVIDER;
        JsonArray easyDays = b.createArrayBuilder()
                .add(1.0)
                .add(1.0)
                .add(1.0)
                .add(1.0)
                .add(1.0)
                .add(1.0)
                .add(1.0)
                .build();
        return b.createObjectBuilder()
                .add("id", id)
                .add("mod", mtimeSecs)
                .add("name", "Default")
                .add("usn", -1)
                .add("maxTaken", 60)
                .add("autoplay", true)
                .add("timer", 0)
                .add("replayq", true)
                .add(
                        "new",
                        b.createObjectBuilder()
                                .add("bury", false)
                                .add("delays", b.createArrayBuilder().add(1.0).add(10.0))
                                .add("initialFactor", 2500)
                                .add(
                                        "ints",
                                        b.createArrayBuilder().add(1).add(4).add(0))
                                .add("order", 1)
                                .add("perDay", 20))
                .add(
                        "rev",
                        b.createObjectBuilder()
                                .add("bury", false)
                                .add("ease4", 1.3)
                                .add("ivlFct", 1.0)
                                .add("maxIvl", 36500)
                                .add("perDay", 200)
                                .add("hardFactor", 1.2))
                .add(
                        "lapse",
                        b.createObjectBuilder()
                                .add("delays", b.createArrayBuilder().add(10.0))
                                .add("leechAction", 1)
                                .add("leechFails", 8)
                                .add("minInt", 1)
                                .add("mult", 0.0))
                .add("dyn", false)
                .add("newMix", 0)
                .add("newPerDayMinimum", 0)
                .add("interdayLearningMix", 0)
                .add("reviewOrder", 0)
                .add("newSortOrder", 0)
                .add("newGatherPriority", 0)
                .add("buryInterdayLearning", false)
                .add("fsrsWeights", b.createArrayBuilder())
                .add("fsrsParams5", b.createArrayBuilder())
                .add("fsrsParams6", b.createArrayBuilder())
                .add("desiredRetention", 0.9)
                .add("sm2Retention", 0.9)
                .add("weightSearch", "")
                .add("ignoreRevlogsBeforeDate", "")
                .add("easyDaysPercentages", easyDays)
                .add("stopTimerOnAnswer", false)
                .add("secondsToShowQuestion", 0.0)
                .add("secondsToShowAnswer", 0.0)
                .add("questionAction", 0)
                .add("answerAction", 0)
                .add("waitForAudio", true)
                .build();
    }
}
