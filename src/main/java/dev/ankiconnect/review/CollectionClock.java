package dev.ankiconnect.review;

import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.profile.Profile;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.scheduler.Timing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.ZoneId;

/**
 * "Today" for the active collection: days since its creation with its rollover hour, in the
 * server's time zone (a desktop Anki uses its machine's zone the same way).
 */
@ApplicationScoped
public class CollectionClock {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    CollectionConfigs config;

    public Timing now() {
        return at(System.currentTimeMillis() / 1000);
    }

    public Timing at(long nowSecs) {
        Profile p = tx.em().find(Profile.class, profile.id());
        Integer creationOffset = config.get("creationOffset")
                .filter(v -> v instanceof JsonNumber).map(v -> ((JsonNumber) v).intValue()).orElse(null);
        int rollover = (int) config.getLong("rollover", 4);
        return Timing.of(p.crt(), creationOffset, nowSecs, ZoneId.systemDefault(), rollover);
    }

    /** Learn-ahead seconds (config {@code collapseTime}). */
    public int collapseTimeSecs() {
        return (int) config.getLong("collapseTime", 1200);
    }
}
