package dev.ankiconnect.profile;

import dev.ankiconnect.db.DatabaseHolder;
import dev.ankiconnect.db.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Creating and finding profiles. Creation runs in its own transaction, apart from any action. */
@ApplicationScoped
public class Profiles {

    /** Anki's default "next day starts at" hour, used to snap the collection creation time. */
    static final int DEFAULT_ROLLOVER_HOUR = 4;

    @Inject
    DatabaseHolder database;

    @Inject
    Ids ids;

    @Inject
    Event<CollectionCreated> created;

    /** The id of the named profile, creating it with a fresh collection when it does not exist. */
    public long ensure(String name) {
        Optional<Long> existing = findId(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return create(name);
        } catch (PersistenceException e) {
            // Another request or server instance created it first: use theirs.
            return findId(name).orElseThrow(() -> e);
        }
    }

    /** Profile ids known to have their collection (seeded here or found seeded). */
    private final java.util.Set<Long> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public dev.ankiconnect.user.UserStore userStore() {
        return new dev.ankiconnect.user.UserStore(database.get().emf());
    }

    /**
     * Creates a profile owned by a user, with its collection. If the name is taken by another
     * profile (names are unique server-wide), the user's profile is named "name (2)", "name (3)"...
     */
    public long createFor(String name, long userId) {
        for (int n = 1; n < 100; n++) {
            String candidate = n == 1 ? name : name + " (" + n + ")";
            if (findId(candidate).isPresent()) {
                continue;
            }
            try {
                return create(candidate, userId);
            } catch (PersistenceException e) {
                // Taken meanwhile: try the next name.
            }
        }
        throw new IllegalStateException("cannot find a free profile name for user '" + name + "'");
    }

    /**
     * Gives a profile its fresh collection if it has none yet: the admin tool creates bare
     * profile rows, as it runs without the server's features.
     */
    public void ensureSeeded(long profileId) {
        if (seeded.contains(profileId)) {
            return;
        }
        EntityManager em = database.get().emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Number count = (Number) em.createNativeQuery("SELECT COUNT(*) FROM col_config WHERE profile_id = ?")
                    .setParameter(1, profileId).getSingleResult();
            if (count.longValue() == 0) {
                created.fire(new CollectionCreated(profileId, em, System.currentTimeMillis()));
                em.flush();
            }
            em.getTransaction().commit();
        } catch (PersistenceException e) {
            // Another request or instance seeded it at the same time: theirs stands.
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
        seeded.add(profileId);
    }

    /** Creates a profile and its collection; fails if the name is taken. */
    public long create(String name) {
        return create(name, null);
    }

    private long create(String name, Long userId) {
        EntityManager em = database.get().emf().createEntityManager();
        try {
            em.getTransaction().begin();
            long now = System.currentTimeMillis();
            Profile p = new Profile(ids.next(), name, creationTime(now, ZoneId.systemDefault()), now);
            p.owner(userId);
            em.persist(p);
            em.flush();
            created.fire(new CollectionCreated(p.id(), em, now));
            em.getTransaction().commit();
            seeded.add(p.id());
            return p.id();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public Optional<Long> findId(String name) {
        EntityManager em = database.get().emf().createEntityManager();
        try {
            return em.createNamedQuery("Profile.byName", Profile.class).setParameter("name", name)
                    .getResultStream().findFirst().map(Profile::id);
        } finally {
            em.close();
        }
    }

    public List<String> names() {
        EntityManager em = database.get().emf().createEntityManager();
        try {
            return em.createNamedQuery("Profile.names", String.class).getResultList();
        } finally {
            em.close();
        }
    }

    /** Anki's {@code crt}: the creation day's rollover hour (the day before, if created earlier). */
    static long creationTime(long nowMs, ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMs), zone);
        LocalDate day = now.getHour() < DEFAULT_ROLLOVER_HOUR ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        return LocalDateTime.of(day, java.time.LocalTime.of(DEFAULT_ROLLOVER_HOUR, 0)).atZone(zone).toEpochSecond();
    }
}
