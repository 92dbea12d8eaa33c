package dev.ankiconnect.settings;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.scheduler.LeechAction;
import dev.ankiconnect.scheduler.Preset;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of an options preset ("deck config"), as Anki's v11 JSON holds them: the JSON as stored (so unknown
 * keys and their order survive a round trip) and typed reads of what the server uses.
 */
public record PresetSettings(JsonObject json) {

    public static PresetSettings decode(String stored) {
        return new PresetSettings(SettingsCodec.object(stored));
    }

    public String encode() {
        return SettingsCodec.text(json);
    }

    public String name() {
        return json.getString("name");
    }

    /** The same settings with the columns that are authoritative over the JSON. */
    public PresetSettings withColumns(long id, String name, long mod, int usn) {
        return new PresetSettings(Json.PROVIDER
                .createObjectBuilder(json)
                .add("id", id)
                .add("name", name)
                .add("mod", mod)
                .add("usn", usn)
                .build());
    }

    /** The same settings under another id and modification time, marked unsynced. */
    public PresetSettings withId(long id, long mod) {
        return new PresetSettings(Json.PROVIDER
                .createObjectBuilder(json)
                .add("id", id)
                .add("mod", mod)
                .add("usn", -1)
                .build());
    }

    /** v11 {@code new.order} 0: new cards get random positions. */
    public boolean randomNewOrder() {
        return object("new") != null && object("new").get("order") instanceof JsonNumber n && n.intValue() == 0;
    }

    /** The scheduler's preset; missing keys take Anki's defaults. */
    public Preset scheduler() {
        Preset d = Preset.defaults();
        JsonObject n = object("new");
        JsonObject r = object("rev");
        JsonObject l = object("lapse");
        return new Preset(
                floats(n, "delays", d.learnSteps()),
                floats(l, "delays", d.relearnSteps()),
                integer(n, "perDay", d.newPerDay()),
                integer(r, "perDay", d.reviewsPerDay()),
                n != null && n.containsKey("initialFactor")
                        ? integer(n, "initialFactor", 2500) / 1000f
                        : d.initialEase(),
                nth(n, "ints", 0, d.graduatingIntervalGood()),
                nth(n, "ints", 1, d.graduatingIntervalEasy()),
                decimal(r, "ease4", d.easyMultiplier()),
                decimal(r, "hardFactor", d.hardMultiplier()),
                decimal(r, "ivlFct", d.intervalMultiplier()),
                integer(r, "maxIvl", d.maximumReviewInterval()),
                decimal(l, "mult", d.lapseMultiplier()),
                integer(l, "minInt", d.minimumLapseInterval()),
                integer(l, "leechFails", d.leechThreshold()),
                l != null && l.containsKey("leechAction")
                        ? LeechAction.fromLegacy(l.getInt("leechAction"))
                        : d.leechAction(),
                integer(json, "maxTaken", d.capAnswerTimeToSecs()),
                bool(n, "bury", d.buryNew()),
                bool(r, "bury", d.buryReviews()),
                bool(json, "buryInterdayLearning", d.buryInterdayLearning()),
                decimal(json, "desiredRetention", d.desiredRetention()),
                decimal(json, "sm2Retention", d.historicalRetention()),
                floats(json, "fsrsWeights", List.of()),
                floats(json, "fsrsParams5", List.of()),
                floats(json, "fsrsParams6", List.of()));
    }

    /** A nested object, or null when it is missing or not an object. */
    private JsonObject object(String key) {
        return json.get(key) instanceof JsonObject o ? o : null;
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
        if (o == null
                || !(o.get(key) instanceof JsonArray a)
                || a.size() <= index
                || !(a.get(index) instanceof JsonNumber num)) {
            return fallback;
        }
        return num.intValue();
    }
}
