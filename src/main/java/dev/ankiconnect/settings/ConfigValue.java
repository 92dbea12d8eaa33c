package dev.ankiconnect.settings;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.scheduler.CollectionDay;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The value of one key of the collection config (Anki's {@code col.conf}, the {@code col_config} table): the JSON as
 * stored (an object keeps its keys, unknown ones too, and their order) and typed reads of what the server uses.
 */
public record ConfigValue(JsonValue json) {

    public static ConfigValue decode(String stored) {
        return new ConfigValue(SettingsCodec.value(stored));
    }

    public String encode() {
        return SettingsCodec.text(json);
    }

    public static ConfigValue of(long n) {
        return new ConfigValue(Json.PROVIDER.createValue(n));
    }

    public static ConfigValue of(String s) {
        return new ConfigValue(Json.PROVIDER.createValue(s));
    }

    public static ConfigValue of(boolean b) {
        return new ConfigValue(b ? JsonValue.TRUE : JsonValue.FALSE);
    }

    /** The value as a whole number, when it is a number. */
    public Optional<Long> asLong() {
        return json instanceof JsonNumber n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** The value as an int, when it is a number. */
    public Optional<Integer> asInt() {
        return json instanceof JsonNumber n ? Optional.of(n.intValue()) : Optional.empty();
    }

    /** The value when it is {@code true} or {@code false}. */
    public Optional<Boolean> asBool() {
        return json == JsonValue.TRUE
                ? Optional.of(true)
                : json == JsonValue.FALSE ? Optional.of(false) : Optional.empty();
    }

    /**
     * The keys a new Anki collection starts with (ANKI-MODEL 1.13), in the order they are written; {@code curModel}
     * is set by the note types.
     *
     * @param offsetMinutesWest the server zone's offset at creation, minutes west of UTC (Anki's {@code
     *     creationOffset})
     */
    public static Map<String, ConfigValue> newCollection(int offsetMinutesWest) {
        Map<String, ConfigValue> keys = new LinkedHashMap<>();
        keys.put(
                "activeDecks",
                new ConfigValue(Json.PROVIDER.createArrayBuilder().add(1).build()));
        keys.put("curDeck", of(1));
        keys.put("newSpread", of(0));
        keys.put("collapseTime", of(1200));
        keys.put("timeLim", of(0));
        keys.put("estTimes", of(true));
        keys.put("dueCounts", of(true));
        keys.put("nextPos", of(1));
        keys.put("sortType", of("noteFld"));
        keys.put("sortBackwards", of(false));
        keys.put("addToCur", of(true));
        keys.put("dayLearnFirst", of(false));
        keys.put("schedVer", of(2));
        keys.put("sched2021", of(true));
        keys.put("creationOffset", of(offsetMinutesWest));
        keys.put("rollover", of(CollectionDay.DEFAULT_ROLLOVER_HOUR));
        return keys;
    }
}
