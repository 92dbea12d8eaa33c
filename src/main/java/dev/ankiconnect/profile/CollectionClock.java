package dev.ankiconnect.profile;

import dev.ankiconnect.db.Tx;
import dev.ankiconnect.scheduler.CollectionDay;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.settings.ConfigValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;

/**
 * "Today" for the active collection: its {@link CollectionDay} (creation time, creation offset, rollover hour)
 * read from the profile and its config, in the server's time zone (a desktop Anki uses its machine's zone the
 * same way). Everything that needs the collection's day asks here.
 */
@ApplicationScoped
public class CollectionClock {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    CollectionConfigs config;

    /** The settings the active collection's day depends on. */
    public CollectionDay day() {
        long crt = ProfileStore.find(tx.em(), profile.id())
                .map(Profile::crt)
                .orElseGet(() -> System.currentTimeMillis() / 1000);
        Integer creationOffset =
                config.value("creationOffset").flatMap(ConfigValue::asInt).orElse(null);
        Long rollover = config.value("rollover").flatMap(ConfigValue::asLong).orElse(null);
        return CollectionDay.of(crt, creationOffset, rollover);
    }

    public Timing now() {
        return at(System.currentTimeMillis() / 1000);
    }

    public Timing at(long nowSecs) {
        return at(day(), nowSecs);
    }

    /** The timing of {@code day} (read earlier by {@link #day()}) at {@code nowSecs}, in the server's zone. */
    public static Timing at(CollectionDay day, long nowSecs) {
        return day.at(nowSecs, ZoneId.systemDefault());
    }

    /** Learn-ahead seconds (config {@code collapseTime}). */
    public int collapseTimeSecs() {
        return (int) config.getLong("collapseTime", 1200);
    }
}
