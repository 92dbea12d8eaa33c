package dev.ankiconnect.deck;

import dev.ankiconnect.api.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a v11 preset the way Anki's {@code DeckConfSchema11} deserialiser does: required keys
 * must be present with the right JSON type, lenient keys fall back to their default when
 * invalid, absent optional keys take their defaults, unknown keys are kept. The result is the
 * preset as Anki would write it back (floats as floats).
 */
public final class PresetValidation {

    /** How one known key is read. */
    private enum Kind {
        INT,
        UINT,
        FLOAT,
        BOOL,
        STRING,
        FLOATS,
        INTS
    }

    /** {@code required}: absent fails; {@code lenient}: a value of the wrong type becomes the default. */
    private record Rule(Kind kind, boolean required, boolean lenient) {}

    private static final Map<String, Rule> TOP = new LinkedHashMap<>();
    private static final Map<String, Rule> NEW = new LinkedHashMap<>();
    private static final Map<String, Rule> REV = new LinkedHashMap<>();
    private static final Map<String, Rule> LAPSE = new LinkedHashMap<>();

    static {
        TOP.put("name", new Rule(Kind.STRING, true, false));
        TOP.put("maxTaken", new Rule(Kind.INT, true, false));
        TOP.put("autoplay", new Rule(Kind.BOOL, true, false));
        TOP.put("timer", new Rule(Kind.UINT, true, true));
        TOP.put("replayq", new Rule(Kind.BOOL, false, false));
        TOP.put("dyn", new Rule(Kind.BOOL, false, true));
        for (String k :
                new String[] {"newMix", "interdayLearningMix", "reviewOrder", "newSortOrder", "newGatherPriority"}) {
            TOP.put(k, new Rule(Kind.INT, false, false));
        }
        TOP.put("newPerDayMinimum", new Rule(Kind.UINT, false, false));
        TOP.put("buryInterdayLearning", new Rule(Kind.BOOL, false, false));
        TOP.put("fsrsWeights", new Rule(Kind.FLOATS, false, false));
        TOP.put("fsrsParams5", new Rule(Kind.FLOATS, false, false));
        TOP.put("fsrsParams6", new Rule(Kind.FLOATS, false, false));
        TOP.put("desiredRetention", new Rule(Kind.FLOAT, false, false));
        TOP.put("sm2Retention", new Rule(Kind.FLOAT, false, false));
        TOP.put("weightSearch", new Rule(Kind.STRING, false, false));
        TOP.put("ignoreRevlogsBeforeDate", new Rule(Kind.STRING, false, false));
        TOP.put("easyDaysPercentages", new Rule(Kind.FLOATS, false, false));
        TOP.put("stopTimerOnAnswer", new Rule(Kind.BOOL, false, false));
        TOP.put("secondsToShowQuestion", new Rule(Kind.FLOAT, false, false));
        TOP.put("secondsToShowAnswer", new Rule(Kind.FLOAT, false, false));
        TOP.put("questionAction", new Rule(Kind.UINT, false, false));
        TOP.put("answerAction", new Rule(Kind.UINT, false, false));
        TOP.put("waitForAudio", new Rule(Kind.BOOL, false, false));

        NEW.put("bury", new Rule(Kind.BOOL, false, false));
        NEW.put("delays", new Rule(Kind.FLOATS, true, true));
        NEW.put("initialFactor", new Rule(Kind.UINT, true, false));
        NEW.put("ints", new Rule(Kind.INTS, true, true));
        NEW.put("order", new Rule(Kind.UINT, true, true));
        NEW.put("perDay", new Rule(Kind.UINT, true, true));

        REV.put("bury", new Rule(Kind.BOOL, false, false));
        REV.put("ease4", new Rule(Kind.FLOAT, true, false));
        REV.put("ivlFct", new Rule(Kind.FLOAT, true, false));
        REV.put("maxIvl", new Rule(Kind.UINT, true, false));
        REV.put("perDay", new Rule(Kind.UINT, true, true));
        REV.put("hardFactor", new Rule(Kind.FLOAT, false, false));

        LAPSE.put("delays", new Rule(Kind.FLOATS, true, true));
        LAPSE.put("leechAction", new Rule(Kind.UINT, true, true));
        LAPSE.put("leechFails", new Rule(Kind.UINT, true, false));
        LAPSE.put("minInt", new Rule(Kind.UINT, true, false));
        LAPSE.put("mult", new Rule(Kind.FLOAT, true, false));
    }

    private PresetValidation() {}

    /** The preset as Anki would store it, or empty when Anki's reader would reject it. */
    public static Optional<JsonObject> normalize(JsonObject given) {
        JsonObject defaults = DeckJson.defaultPreset(0, 0);
        JsonObjectBuilder out = Json.PROVIDER.createObjectBuilder(defaults);
        for (Map.Entry<String, JsonValue> e : given.entrySet()) {
            String key = e.getKey();
            JsonValue value = e.getValue();
            Optional<JsonValue> read;
            if (key.equals("new") || key.equals("rev") || key.equals("lapse")) {
                Map<String, Rule> rules = key.equals("new") ? NEW : key.equals("rev") ? REV : LAPSE;
                if (value instanceof JsonObject section) {
                    read = section(section, defaults.getJsonObject(key), rules).map(JsonValue.class::cast);
                } else {
                    // default_on_invalid: a section of the wrong type is replaced by Anki's defaults
                    read = Optional.of(defaults.get(key));
                }
            } else if (TOP.containsKey(key)) {
                read = read(TOP.get(key), value, defaults.get(key));
            } else {
                read = Optional.of(value);
            }
            if (read.isEmpty()) {
                return Optional.empty();
            }
            out.add(key, read.get());
        }
        for (String key : new String[] {"new", "rev", "lapse"}) {
            if (!given.containsKey(key)) {
                return Optional.empty();
            }
        }
        for (Map.Entry<String, Rule> r : TOP.entrySet()) {
            if (r.getValue().required() && !given.containsKey(r.getKey())) {
                return Optional.empty();
            }
        }
        return Optional.of(out.build());
    }

    private static Optional<JsonObject> section(JsonObject given, JsonObject defaults, Map<String, Rule> rules) {
        JsonObjectBuilder out = Json.PROVIDER.createObjectBuilder(defaults);
        for (Map.Entry<String, Rule> r : rules.entrySet()) {
            if (r.getValue().required() && !given.containsKey(r.getKey())) {
                return Optional.empty();
            }
        }
        for (Map.Entry<String, JsonValue> e : given.entrySet()) {
            Rule rule = rules.get(e.getKey());
            Optional<JsonValue> read =
                    rule == null ? Optional.of(e.getValue()) : read(rule, e.getValue(), defaults.get(e.getKey()));
            if (read.isEmpty()) {
                return Optional.empty();
            }
            out.add(e.getKey(), read.get());
        }
        return Optional.of(out.build());
    }

    private static Optional<JsonValue> read(Rule rule, JsonValue value, JsonValue fallback) {
        Optional<JsonValue> v = convert(rule.kind(), value);
        if (v.isEmpty() && rule.lenient()) {
            return Optional.of(fallback);
        }
        return v;
    }

    private static Optional<JsonValue> convert(Kind kind, JsonValue value) {
        switch (kind) {
            case BOOL:
                return value == JsonValue.TRUE || value == JsonValue.FALSE ? Optional.of(value) : Optional.empty();
            case STRING:
                return value instanceof JsonString ? Optional.of(value) : Optional.empty();
            case INT:
            case UINT:
                if (value instanceof JsonNumber n && n.isIntegral()) {
                    BigDecimal d = n.bigDecimalValue();
                    boolean fits = d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                            && d.compareTo(BigDecimal.valueOf(kind == Kind.UINT ? 4294967295L : Integer.MAX_VALUE))
                                    <= 0;
                    if (fits && (kind == Kind.INT || d.signum() >= 0)) {
                        return Optional.of(Json.PROVIDER.createValue(d.longValueExact()));
                    }
                }
                return Optional.empty();
            case FLOAT:
                return value instanceof JsonNumber n
                        ? Optional.of(Json.PROVIDER.createValue(n.doubleValue()))
                        : Optional.empty();
            case FLOATS:
            case INTS:
                if (!(value instanceof JsonArray a)) {
                    return Optional.empty();
                }
                if (kind == Kind.INTS && a.size() < 2) {
                    return Optional.empty();
                }
                JsonArrayBuilder b = Json.PROVIDER.createArrayBuilder();
                for (JsonValue item : a) {
                    Optional<JsonValue> c = convert(kind == Kind.INTS ? Kind.UINT : Kind.FLOAT, item);
                    if (c.isEmpty()) {
                        return Optional.empty();
                    }
                    b.add(c.get());
                }
                if (kind == Kind.INTS) {
                    // Anki keeps [good, easy] and writes the unused third slot as 0.
                    return Optional.of(Json.PROVIDER
                            .createArrayBuilder()
                            .add(a.get(0))
                            .add(a.get(1))
                            .add(0)
                            .build());
                }
                return Optional.of(b.build());
            default:
                return Optional.empty();
        }
    }
}
