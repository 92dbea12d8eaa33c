package dev.ankiconnect.profile;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.api.PythonJsonWriter;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.scheduler.CollectionDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.util.Optional;

/** The collection config keys (Anki's {@code col.conf}): JSON values by key, per profile. */
@ApplicationScoped
public class CollectionConfigs {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    /** The keys a new Anki collection starts with (ANKI-MODEL 1.13); curModel is set by the note types. */
    void seed(@Observes CollectionCreated created) {
        EntityManager em = created.em();
        long p = created.profileId();
        long now = created.nowMs();
        int offsetMinutesWest = -ZoneId.systemDefault()
                        .getRules()
                        .getOffset(java.time.Instant.ofEpochMilli(now))
                        .getTotalSeconds()
                / 60;
        set(em, p, "activeDecks", Json.PROVIDER.createArrayBuilder().add(1).build(), now);
        set(em, p, "curDeck", Json.PROVIDER.createValue(1), now);
        set(em, p, "newSpread", Json.PROVIDER.createValue(0), now);
        set(em, p, "collapseTime", Json.PROVIDER.createValue(1200), now);
        set(em, p, "timeLim", Json.PROVIDER.createValue(0), now);
        set(em, p, "estTimes", JsonValue.TRUE, now);
        set(em, p, "dueCounts", JsonValue.TRUE, now);
        set(em, p, "nextPos", Json.PROVIDER.createValue(1), now);
        set(em, p, "sortType", Json.PROVIDER.createValue("noteFld"), now);
        set(em, p, "sortBackwards", JsonValue.FALSE, now);
        set(em, p, "addToCur", JsonValue.TRUE, now);
        set(em, p, "dayLearnFirst", JsonValue.FALSE, now);
        set(em, p, "schedVer", Json.PROVIDER.createValue(2), now);
        set(em, p, "sched2021", JsonValue.TRUE, now);
        set(em, p, "creationOffset", Json.PROVIDER.createValue(offsetMinutesWest), now);
        set(em, p, "rollover", Json.PROVIDER.createValue(CollectionDay.DEFAULT_ROLLOVER_HOUR), now);
    }

    /** Writes a key through the given EntityManager (used while a collection is being created). */
    public void set(EntityManager em, long profileId, String key, JsonValue value, long nowMs) {
        CollectionConfig row =
                em.find(CollectionConfig.class, new dev.ankiconnect.db.ProfileScopedName(profileId, key));
        if (row == null) {
            em.persist(new CollectionConfig()
                    .profileId(profileId)
                    .key(key)
                    .value(PythonJsonWriter.write(value))
                    .mtime(nowMs));
        } else {
            row.value(PythonJsonWriter.write(value)).mtime(nowMs);
        }
    }

    /** Writes a key of the active profile in the current action's transaction. */
    public void set(String key, JsonValue value) {
        set(tx.em(), profile.id(), key, value, System.currentTimeMillis());
    }

    public Optional<JsonValue> get(String key) {
        CollectionConfig row =
                tx.em().find(CollectionConfig.class, new dev.ankiconnect.db.ProfileScopedName(profile.id(), key));
        return row == null ? Optional.empty() : Optional.of(PythonJsonReader.read(Json.PROVIDER, row.value()));
    }

    public long getLong(String key, long defaultValue) {
        return get(key).filter(v -> v instanceof jakarta.json.JsonNumber)
                .map(v -> ((jakarta.json.JsonNumber) v).longValue())
                .orElse(defaultValue);
    }

    public boolean getBool(String key, boolean defaultValue) {
        return get(key).map(v -> v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null)
                .orElse(defaultValue);
    }
}
