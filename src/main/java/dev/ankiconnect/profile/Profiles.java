package dev.ankiconnect.profile;

import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Transactions;
import dev.ankiconnect.scheduler.CollectionDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Creating and finding profiles, on the request's transaction (at start-up, on one of their own). */
@ApplicationScoped
public class Profiles {

    @Inject
    Transactions transactions;

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
            if (transactions.inRequest()) {
                // The request's transaction is spoilt: the dispatcher runs the action again, and then finds it.
                throw e;
            }
            // Start-up: another server instance created it first; use theirs.
            return findId(name).orElseThrow(() -> e);
        }
    }

    /** Profile ids whose collection was found committed. */
    private final java.util.Set<Long> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public dev.ankiconnect.user.UserStore userStore() {
        return new dev.ankiconnect.user.UserStore(transactions);
    }

    /**
     * Creates a profile owned by a user, with its collection. If the name is taken by another
     * profile (names are unique server-wide), the user's profile is named "name (2)", "name (3)"...
     * One that is taken in the same moment fails the request's transaction, and the dispatcher's
     * retry then picks the next free name.
     */
    public long createFor(String name, long userId) {
        for (int n = 1; n < 100; n++) {
            String candidate = n == 1 ? name : name + " (" + n + ")";
            if (findId(candidate).isEmpty()) {
                return create(candidate, userId);
            }
        }
        throw new IllegalStateException("cannot find a free profile name for user '" + name + "'");
    }

    /**
     * Gives a profile its fresh collection if it has none yet: the admin tool creates bare
     * profile rows, as it runs without the server's features. In a request this is part of the
     * request's transaction (kept even for a read-only action); another request or instance seeding
     * it at the same moment makes one of them fail and run again.
     */
    public void ensureSeeded(long profileId) {
        if (seeded.contains(profileId)) {
            return;
        }
        long count = transactions.read(
                em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM col_config WHERE profile_id = ?")
                                .setParameter(1, profileId)
                                .getSingleResult())
                        .longValue());
        if (count > 0) {
            seeded.add(profileId);
            return;
        }
        transactions.write(em -> {
            seed(em, profileId, System.currentTimeMillis());
            return null;
        });
    }

    /** Creates a profile and its collection; fails if the name is taken. */
    public long create(String name) {
        return create(name, null);
    }

    private long create(String name, Long userId) {
        return transactions.write(em -> {
            long now = System.currentTimeMillis();
            Profile p = new Profile(ids.next(), name, CollectionDay.creationTime(now, ZoneId.systemDefault()), now);
            p.owner(userId);
            em.persist(p);
            seed(em, p.id(), now);
            return p.id();
        });
    }

    /**
     * Gives profile {@code profileId} its fresh collection through {@code em}: the features' {@link CollectionCreated}
     * observers persist its rows (no foreign key or insert trigger ties them to the profile row, so they need not
     * follow it into the database). The one flush stays on purpose: the rest of the request reads these rows with
     * plain JDBC on the same connection, which sees only what has reached the database: the write counter in
     * {@code profiles} ({@code db.Sql.stamp}, {@code CollectionGeneration}, the search memory) and {@code nextPos} in
     * {@code col_config} ({@code note.NoteStore}).
     */
    private void seed(jakarta.persistence.EntityManager em, long profileId, long nowMs) {
        created.fire(new CollectionCreated(profileId, em, nowMs));
        em.flush();
    }

    public Optional<Long> findId(String name) {
        return transactions.read(em -> em.createNamedQuery("Profile.byName", Profile.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .map(Profile::id));
    }

    public List<String> names() {
        return transactions.read(
                em -> em.createNamedQuery("Profile.names", String.class).getResultList());
    }

    /**
     * Profile {@code profileId}'s collection creation time ({@code crt}, Unix seconds), read on the caller's
     * connection (Check Database, also without CDI); empty when there is no such profile.
     */
    public static OptionalLong creationTime(Connection c, long profileId) {
        return Sql.first(c, "SELECT crt FROM profiles WHERE id = ?", List.of(profileId), rs -> rs.getLong(1))
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }
}
