package dev.ankiconnect.review;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.api.PythonJsonWriter;
import dev.ankiconnect.card.Card;
import dev.ankiconnect.scheduler.LeechAction;
import dev.ankiconnect.scheduler.MemoryState;
import dev.ankiconnect.scheduler.Preset;
import dev.ankiconnect.scheduler.RevlogEntry;
import dev.ankiconnect.scheduler.SchedulingCard;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Translation between stored rows and the pure scheduler's values: card columns and the card's
 * {@code data} JSON, a preset's v11 JSON, and revlog entries.
 */
public final class SchedulingRows {

    private SchedulingRows() {
    }

    /** The scheduling view of a stored card. */
    public static SchedulingCard card(Card c) {
        JsonObject data = data(c.data());
        MemoryState memory = data.containsKey("s") && data.containsKey("d")
                ? new MemoryState(number(data, "s"), number(data, "d")) : null;
        return new SchedulingCard(c.id(), c.type(), c.queue(), (int) c.due(), c.ivl(), c.factor(), c.reps(), c.lapses(),
                c.left(), (int) c.odue(), c.odid(),
                data.containsKey("pos") ? data.getInt("pos") : null,
                memory,
                data.containsKey("dr") ? number(data, "dr") : null,
                data.containsKey("decay") ? number(data, "decay") : null,
                data.containsKey("lrt") ? data.getJsonNumber("lrt").longValue() : null);
    }

    /** Writes a scheduled state back into the stored card; unknown data keys (custom data) are kept. */
    public static void apply(SchedulingCard s, Card c, long nowSecs) {
        c.type(s.type()).queue(s.queue()).due(s.due()).ivl(s.ivl()).factor(s.factor()).reps(s.reps())
                .lapses(s.lapses()).left(s.left()).odue(s.odue()).odid(s.odid()).mtime(nowSecs).usn(-1);
        JsonObjectBuilder b = Json.PROVIDER.createObjectBuilder(data(c.data()));
        for (String key : List.of("pos", "s", "d", "dr", "decay", "lrt")) {
            b.remove(key);
        }
        if (s.originalPosition() != null) {
            b.add("pos", s.originalPosition());
        }
        if (s.memory() != null) {
            b.add("s", round(s.memory().stability(), 4)).add("d", round(s.memory().difficulty(), 3));
        }
        if (s.desiredRetention() != null) {
            b.add("dr", round(s.desiredRetention(), 2));
        }
        if (s.decay() != null) {
            b.add("decay", round(s.decay(), 3));
        }
        if (s.lastReviewTime() != null) {
            b.add("lrt", s.lastReviewTime());
        }
        JsonObject out = b.build();
        c.data(out.isEmpty() ? "" : PythonJsonWriter.write(out));
    }

    /** A revlog row for the entity table. */
    public static Revlog revlog(long profileId, RevlogEntry e) {
        return new Revlog().profileId(profileId).id(e.id()).cid(e.cid()).usn(-1).ease(e.ease()).ivl(e.ivl())
                .lastIvl(e.lastIvl()).factor(e.factor()).time(e.time()).type(e.type());
    }

    /** The scheduler's preset from a v11 options JSON; missing keys take Anki's defaults. */
    public static Preset preset(JsonObject conf) {
        Preset d = Preset.defaults();
        JsonObject n = conf.getJsonObject("new");
        JsonObject r = conf.getJsonObject("rev");
        JsonObject l = conf.getJsonObject("lapse");
        return new Preset(
                floats(n, "delays", d.learnSteps()),
                floats(l, "delays", d.relearnSteps()),
                integer(n, "perDay", d.newPerDay()),
                integer(r, "perDay", d.reviewsPerDay()),
                n != null && n.containsKey("initialFactor") ? integer(n, "initialFactor", 2500) / 1000f : d.initialEase(),
                nth(n, "ints", 0, d.graduatingIntervalGood()),
                nth(n, "ints", 1, d.graduatingIntervalEasy()),
                decimal(r, "ease4", d.easyMultiplier()),
                decimal(r, "hardFactor", d.hardMultiplier()),
                decimal(r, "ivlFct", d.intervalMultiplier()),
                integer(r, "maxIvl", d.maximumReviewInterval()),
                decimal(l, "mult", d.lapseMultiplier()),
                integer(l, "minInt", d.minimumLapseInterval()),
                integer(l, "leechFails", d.leechThreshold()),
                l != null && l.containsKey("leechAction") ? LeechAction.fromLegacy(l.getInt("leechAction")) : d.leechAction(),
                integer(conf, "maxTaken", d.capAnswerTimeToSecs()),
                bool(n, "bury", d.buryNew()),
                bool(r, "bury", d.buryReviews()),
                bool(conf, "buryInterdayLearning", d.buryInterdayLearning()),
                decimal(conf, "desiredRetention", d.desiredRetention()),
                decimal(conf, "sm2Retention", d.historicalRetention()),
                floats(conf, "fsrsWeights", List.of()),
                floats(conf, "fsrsParams5", List.of()),
                floats(conf, "fsrsParams6", List.of()));
    }

    static JsonObject data(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            JsonValue v = PythonJsonReader.read(Json.PROVIDER, text);
            // Anki reads invalid card data as "all absent".
            return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static float number(JsonObject o, String key) {
        return (float) o.getJsonNumber(key).doubleValue();
    }

    private static BigDecimal round(float value, int places) {
        return new BigDecimal(Float.toString(value)).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static List<Float> floats(JsonObject o, String key, List<Float> fallback) {
        if (o == null || !(o.get(key) instanceof JsonArray a)) {
            return fallback;
        }
        List<Float> out = new ArrayList<>();
        for (JsonValue v : a) {
            if (v instanceof JsonNumber num) {
                out.add((float) num.doubleValue());
            }
        }
        return out;
    }

    private static int integer(JsonObject o, String key, int fallback) {
        return o != null && o.get(key) instanceof JsonNumber num ? (int) Math.round(num.doubleValue()) : fallback;
    }

    private static float decimal(JsonObject o, String key, float fallback) {
        return o != null && o.get(key) instanceof JsonNumber num ? (float) num.doubleValue() : fallback;
    }

    private static boolean bool(JsonObject o, String key, boolean fallback) {
        if (o == null || !o.containsKey(key)) {
            return fallback;
        }
        JsonValue v = o.get(key);
        return v == JsonValue.TRUE || (v instanceof JsonNumber num && num.intValue() != 0);
    }

    private static int nth(JsonObject o, String key, int index, int fallback) {
        if (o == null || !(o.get(key) instanceof JsonArray a) || a.size() <= index
                || !(a.get(index) instanceof JsonNumber num)) {
            return fallback;
        }
        return num.intValue();
    }
}
