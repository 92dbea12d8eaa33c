package dev.ankiconnect.profile;

import dev.ankiconnect.db.ProfileScopedName;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.settings.ConfigValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The collection config keys (Anki's {@code col.conf}): one {@link ConfigValue} per key, per profile, stored as its
 * JSON text.
 */
@ApplicationScoped
public class CollectionConfigs {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    /** The keys a new Anki collection starts with (ANKI-MODEL 1.13); curModel is set by the note types. */
    void seed(@Observes CollectionCreated created) {
        long now = created.nowMs();
        int offsetMinutesWest = -ZoneId.systemDefault()
                        .getRules()
                        .getOffset(Instant.ofEpochMilli(now))
                        .getTotalSeconds()
                / 60;
        ConfigValue.newCollection(offsetMinutesWest)
                .forEach((key, value) -> set(created.em(), created.profileId(), key, value, now));
    }

    /** Writes a key through the given EntityManager (used while a collection is being created). */
    public void set(EntityManager em, long profileId, String key, JsonValue value, long nowMs) {
        set(em, profileId, key, new ConfigValue(value), nowMs);
    }

    /** Writes a key through the given EntityManager (Check Database, also without CDI). */
    public static void set(EntityManager em, long profileId, String key, ConfigValue value, long nowMs) {
        CollectionConfig row = em.find(CollectionConfig.class, new ProfileScopedName(profileId, key));
        if (row == null) {
            em.persist(new CollectionConfig()
                    .profileId(profileId)
                    .key(key)
                    .value(value.encode())
                    .mtime(nowMs));
        } else {
            row.value(value.encode()).mtime(nowMs);
        }
    }

    /** Writes a key of the active profile in the current action's transaction. */
    public void set(String key, JsonValue value) {
        set(tx.em(), profile.id(), key, new ConfigValue(value), System.currentTimeMillis());
    }

    /** The active profile's value of {@code key}, if it has one. */
    public Optional<ConfigValue> value(String key) {
        CollectionConfig row = tx.em().find(CollectionConfig.class, new ProfileScopedName(profile.id(), key));
        return row == null ? Optional.empty() : Optional.of(ConfigValue.decode(row.value()));
    }

    /** Profile {@code profileId}'s value of {@code key}, through the given EntityManager (Check Database). */
    public static Optional<ConfigValue> value(EntityManager em, long profileId, String key) {
        CollectionConfig row = em.find(CollectionConfig.class, new ProfileScopedName(profileId, key));
        return row == null || row.value() == null ? Optional.empty() : Optional.of(ConfigValue.decode(row.value()));
    }

    /** Whether profile {@code profileId} has any config key: a collection was made for it (Profiles). */
    static boolean any(EntityManager em, long profileId) {
        return !em.createQuery("select c.name from CollectionConfig c where c.profileId = :p", String.class)
                .setParameter("p", profileId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Optional<JsonValue> get(String key) {
        return value(key).map(ConfigValue::json);
    }

    public long getLong(String key, long defaultValue) {
        return value(key).flatMap(ConfigValue::asLong).orElse(defaultValue);
    }

    /** The key's boolean value; false when it is missing or not a boolean. */
    public boolean getBool(String key) {
        return value(key).flatMap(ConfigValue::asBool).orElse(false);
    }
}
