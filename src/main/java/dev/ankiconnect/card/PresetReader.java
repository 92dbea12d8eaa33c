package dev.ankiconnect.card;

import dev.ankiconnect.scheduler.Preset;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler values of a deck preset's v11 JSON (new/rev/lapse), for cardsInfo.nextReviews.
 * Missing keys keep Anki's defaults.
 */
final class PresetReader {

    private PresetReader() {
    }

    static Preset read(JsonObject json) {
        Preset d = Preset.defaults();
        JsonObject nw = object(json, "new");
        JsonObject rev = object(json, "rev");
        JsonObject lapse = object(json, "lapse");
        List<Integer> ints = ints(nw.get("ints"));
        return new Preset(floats(nw.get("delays"), d.learnSteps()), floats(lapse.get("delays"), d.relearnSteps()),
                (int) num(nw, "perDay", d.newPerDay()), (int) num(rev, "perDay", d.reviewsPerDay()),
                (float) (num(nw, "initialFactor", d.initialEase() * 1000) / 1000.0),
                ints.size() > 0 ? ints.get(0) : d.graduatingIntervalGood(),
                ints.size() > 1 ? ints.get(1) : d.graduatingIntervalEasy(),
                (float) num(rev, "ease4", d.easyMultiplier()), (float) num(rev, "hardFactor", d.hardMultiplier()),
                (float) num(rev, "ivlFct", d.intervalMultiplier()), (int) num(rev, "maxIvl", d.maximumReviewInterval()),
                (float) num(lapse, "mult", d.lapseMultiplier()), (int) num(lapse, "minInt", d.minimumLapseInterval()),
                (int) num(lapse, "leechFails", d.leechThreshold()), d.leechAction(),
                (int) num(json, "maxTaken", d.capAnswerTimeToSecs()), d.buryNew(), d.buryReviews(),
                d.buryInterdayLearning(), (float) num(json, "desiredRetention", d.desiredRetention()),
                d.historicalRetention(), d.fsrsParams4(), d.fsrsParams5(), d.fsrsParams6());
    }

    private static JsonObject object(JsonObject json, String key) {
        return json.get(key) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static double num(JsonObject json, String key, double fallback) {
        return json.get(key) instanceof JsonNumber n ? n.doubleValue() : fallback;
    }

    private static List<Float> floats(JsonValue v, List<Float> fallback) {
        if (!(v instanceof JsonArray a)) {
            return fallback;
        }
        List<Float> out = new ArrayList<>();
        for (JsonValue x : a) {
            if (x instanceof JsonNumber n) {
                out.add((float) n.doubleValue());
            }
        }
        return out;
    }

    private static List<Integer> ints(JsonValue v) {
        List<Integer> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                if (x instanceof JsonNumber n) {
                    out.add(n.intValue());
                }
            }
        }
        return out;
    }
}
