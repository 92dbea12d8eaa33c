package dev.ankiconnect.review;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.scheduler.MemoryState;
import dev.ankiconnect.scheduler.RevlogEntry;
import dev.ankiconnect.scheduler.SchedulingCard;
import dev.ankiconnect.settings.SettingsCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Translation between stored rows and the pure scheduler's values: card columns and the card's
 * {@code data} JSON, and revlog entries (a preset's: {@link dev.ankiconnect.settings.PresetSettings#scheduler}).
 */
public final class SchedulingRows {

    private SchedulingRows() {}

    /** The scheduling view of a stored card. */
    public static SchedulingCard card(CardRow c) {
        JsonObject data = data(c.data);
        MemoryState memory = data.containsKey("s") && data.containsKey("d")
                ? new MemoryState(number(data, "s"), number(data, "d"))
                : null;
        return new SchedulingCard(
                c.id,
                c.type,
                c.queue,
                (int) c.due,
                c.ivl,
                c.factor,
                c.reps,
                c.lapses,
                c.left,
                (int) c.odue,
                c.odid,
                data.containsKey("pos") ? data.getInt("pos") : null,
                memory,
                data.containsKey("dr") ? number(data, "dr") : null,
                data.containsKey("decay") ? number(data, "decay") : null,
                data.containsKey("lrt") ? data.getJsonNumber("lrt").longValue() : null);
    }

    /** Writes a scheduled state back into the stored card; unknown data keys (custom data) are kept. */
    public static void apply(SchedulingCard s, CardRow c, long nowSecs) {
        c.type = s.type();
        c.queue = s.queue();
        c.due = s.due();
        c.ivl = s.ivl();
        c.factor = s.factor();
        c.reps = s.reps();
        c.lapses = s.lapses();
        c.left = s.left();
        c.odue = s.odue();
        c.odid = s.odid();
        c.mtime = nowSecs;
        c.usn = -1;
        JsonObjectBuilder b = Json.PROVIDER.createObjectBuilder(data(c.data));
        for (String key : List.of("pos", "s", "d", "dr", "decay", "lrt")) {
            b.remove(key);
        }
        if (s.originalPosition() != null) {
            b.add("pos", s.originalPosition());
        }
        if (s.memory() != null) {
            b.add("s", round(s.memory().stability(), 4))
                    .add("d", round(s.memory().difficulty(), 3));
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
        c.data = out.isEmpty() ? "" : SettingsCodec.text(out);
    }

    /** A revlog row for the entity table. */
    public static Revlog revlog(long profileId, RevlogEntry e) {
        return new Revlog()
                .profileId(profileId)
                .id(e.id())
                .cid(e.cid())
                .usn(-1)
                .ease(e.ease())
                .ivl(e.ivl())
                .lastIvl(e.lastIvl())
                .factor(e.factor())
                .time(e.time())
                .type(e.type());
    }

    static JsonObject data(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            JsonValue v = SettingsCodec.value(text);
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
        return new BigDecimal(Float.toString(value))
                .setScale(places, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
