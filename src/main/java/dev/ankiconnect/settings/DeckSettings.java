package dev.ankiconnect.settings;

import dev.ankiconnect.api.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The settings of a deck, as Anki's v11 JSON in its {@code data} column holds them: the JSON as stored (unknown keys
 * and their order survive) and typed reads and changes of what the server uses.
 */
public record DeckSettings(JsonObject json) {

    public static DeckSettings decode(String stored) {
        return new DeckSettings(SettingsCodec.object(stored));
    }

    public String encode() {
        return SettingsCodec.text(json);
    }

    /** The same settings with the columns that are authoritative over the JSON. */
    public DeckSettings withColumns(long id, String name, long mod) {
        return new DeckSettings(Json.PROVIDER
                .createObjectBuilder(json)
                .add("id", id)
                .add("name", name)
                .add("mod", mod)
                .build());
    }

    public DeckSettings withName(String name) {
        return new DeckSettings(
                Json.PROVIDER.createObjectBuilder(json).add("name", name).build());
    }

    /** The same deck pointing at another options preset. */
    public DeckSettings withPreset(long presetId, long mod) {
        return new DeckSettings(Json.PROVIDER
                .createObjectBuilder(json)
                .add("conf", presetId)
                .add("mod", mod)
                .build());
    }

    /** The deck's own desired retention (a percentage in the JSON) as a fraction, or null. */
    public Float desiredRetention() {
        return json.get("desiredRetention") instanceof JsonNumber n ? n.intValue() / 100f : null;
    }

    /**
     * The day counters ({@code newToday}, {@code revToday}, ...: {@code [day, count]}) with {@code added} counted on
     * {@code today}; a counter of another day starts again from 0.
     */
    public DeckSettings withCounted(long today, Map<String, Long> added) {
        JsonObjectBuilder updated = Json.PROVIDER.createObjectBuilder(json);
        added.forEach((key, n) -> {
            JsonArray counter = json.getJsonArray(key);
            long count = counter != null && counter.size() == 2 && counter.getInt(0) == today
                    ? counter.getJsonNumber(1).longValue()
                    : 0;
            updated.add(key, Json.PROVIDER.createArrayBuilder().add(today).add(count + n));
        });
        return new DeckSettings(updated.build());
    }
}
