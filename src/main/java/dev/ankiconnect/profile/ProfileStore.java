package dev.ankiconnect.profile;

import dev.ankiconnect.db.Sql;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one store of the {@code profiles} and {@code collection_locks} tables: every read and write of them, the
 * server's, the admin tool's and Check Database's. Each method works in its caller's transaction, on the caller's
 * EntityManager or, for callers that hold only a JDBC connection (the card and note stores, the search memory, Check
 * Database), on that connection; none opens a transaction of its own, so the admin tool (without CDI) runs the same
 * code as the server. On an EntityManager a statement first flushes the entity writes pending in it (JPA's rule): the
 * write counter, moved last by {@link #bump}, so comes after every other row of the transaction. On a connection a
 * statement sees only what has reached the database.
 */
public final class ProfileStore {

    /** A profile: its id and name. */
    public record ProfileRow(long id, String name) {}

    /** A profile and its owner's name, null when it has none (single-user mode, or the owner was removed). */
    public record Owned(String profile, String owner) {}

    private ProfileStore() {}

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    // ---- the collection's writer lock and write counter

    /**
     * Makes {@code em}'s transaction profile {@code profileId}'s collection's one writer: an exclusive lock on its row
     * of {@code collection_locks}, held until the transaction ends (see {@link CollectionGeneration#lockForWrite}).
     * Changes nothing, except that it creates the row of a collection made before its row was.
     */
    public static void lockForWrite(EntityManager em, long profileId) {
        int locked = em.createNativeQuery("UPDATE collection_locks SET profile_id = profile_id WHERE profile_id = ?")
                .setParameter(1, profileId)
                .executeUpdate();
        if (locked == 0) {
            // a collection made before its row was: one writer creates it (another at the same moment fails on
            // the key and is run again by the dispatcher, then finds it)
            em.createNativeQuery("INSERT INTO collection_locks (profile_id) VALUES (?)")
                    .setParameter(1, profileId)
                    .executeUpdate();
        }
    }

    /** Adds one to the profile's write counter ({@code gen}), in {@code em}'s transaction, after its pending writes. */
    public static void bump(EntityManager em, long profileId) {
        em.createNativeQuery("UPDATE profiles SET gen = gen + 1 WHERE id = ?")
                .setParameter(1, profileId)
                .executeUpdate();
    }

    /** The profile's write counter as {@code em}'s transaction sees it. */
    public static long generation(EntityManager em, long profileId) {
        return num(em.createNativeQuery("SELECT gen FROM profiles WHERE id = ?")
                .setParameter(1, profileId)
                .getSingleResult());
    }

    /** The profile's write counter, read on {@code c}; empty when there is no such profile (the search memory). */
    public static OptionalLong generation(Connection c, long profileId) {
        return oneLong(c, "SELECT gen FROM profiles WHERE id = ?", profileId);
    }

    /**
     * The change record's stamp of rows the current transaction writes to profile {@code profileId}'s collection:
     * its write counter plus one, the value the transaction commits (it holds the collection's lock, and moves the
     * counter last); 0 when there is no such profile. What the stamp triggers of db/changes/changes-1.xml compute for
     * a row inserted without one. On the caller's connection: no pending entity write is flushed.
     */
    public static long stamp(Connection c, long profileId) {
        return oneLong(c, "SELECT gen + 1 FROM profiles WHERE id = ?", profileId)
                .orElse(0);
    }

    // ---- profile rows

    /** The profile with this id, managed by {@code em} (a change to it is written with {@code em}'s transaction). */
    public static Optional<Profile> find(EntityManager em, long profileId) {
        return Optional.ofNullable(em.find(Profile.class, profileId));
    }

    /** The id of the profile of that name. */
    public static Optional<Long> findId(EntityManager em, String name) {
        return em.createQuery("select p from Profile p where p.name = :name", Profile.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .map(Profile::id);
    }

    /** The names of all profiles, in order. */
    public static List<String> names(EntityManager em) {
        return em.createQuery("select p.name from Profile p order by p.name", String.class)
                .getResultList();
    }

    /** Adds a new profile row (its collection is seeded by the caller). */
    public static void insert(EntityManager em, Profile profile) {
        em.persist(profile);
    }

    /**
     * Profile {@code profileId}'s collection creation time ({@code crt}, Unix seconds), read on the caller's
     * connection (Check Database, also without CDI); empty when there is no such profile.
     */
    public static OptionalLong creationTime(Connection c, long profileId) {
        return oneLong(c, "SELECT crt FROM profiles WHERE id = ?", profileId);
    }

    /** A cheap round trip that reads the table and finds nothing: the health check. */
    public static void probe(EntityManager em) {
        em.createNativeQuery("SELECT COUNT(*) FROM profiles WHERE id = -1").getSingleResult();
    }

    // ---- owners (multi-user mode)

    /** The user's profiles, by name. */
    public static List<ProfileRow> ofUser(EntityManager em, long userId) {
        List<ProfileRow> out = new ArrayList<>();
        for (Object r : em.createNativeQuery("SELECT id, name FROM profiles WHERE user_id = ? ORDER BY name")
                .setParameter(1, userId)
                .getResultList()) {
            Object[] row = (Object[]) r;
            out.add(new ProfileRow(num(row[0]), (String) row[1]));
        }
        return out;
    }

    /** The user's loaded profile ({@code users.active_profile_id}), if it still exists and is still theirs. */
    public static Optional<ProfileRow> activeOf(EntityManager em, long userId) {
        List<?> rows = em.createNativeQuery("SELECT p.id, p.name FROM users u JOIN profiles p "
                        + "ON p.id = u.active_profile_id AND p.user_id = u.id WHERE u.id = ?")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new ProfileRow(num(((Object[]) r)[0]), (String) ((Object[]) r)[1]));
    }

    /** Every profile with its owner's name, by profile name. */
    public static List<Owned> all(EntityManager em) {
        List<Owned> out = new ArrayList<>();
        for (Object r : em.createNativeQuery(
                        "SELECT p.name, u.name FROM profiles p LEFT JOIN users u ON u.id = p.user_id ORDER BY p.name")
                .getResultList()) {
            Object[] row = (Object[]) r;
            out.add(new Owned((String) row[0], (String) row[1]));
        }
        return out;
    }

    /** Gives an existing profile (e.g. one made in single-user mode) to a user; false when there is none of that name. */
    public static boolean assign(EntityManager em, String profileName, long userId) {
        return em.createNativeQuery("UPDATE profiles SET user_id = ? WHERE name = ?")
                        .setParameter(1, userId)
                        .setParameter(2, profileName)
                        .executeUpdate()
                > 0;
    }

    /** Whether a profile has that name (names are unique server-wide). */
    public static boolean nameTaken(EntityManager em, String name) {
        return !em.createNativeQuery("SELECT id FROM profiles WHERE name = ?")
                .setParameter(1, name)
                .getResultList()
                .isEmpty();
    }

    /**
     * Adds a bare profile row owned by the user, without its collection (the admin tool): the server gives it the
     * fresh collection the first time it is used.
     */
    public static void insertBare(EntityManager em, ProfileRow profile, long crt, long nowMs, long userId) {
        em.createNativeQuery(
                        "INSERT INTO profiles (id, name, crt, created_ms, mtime, scm, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, profile.id())
                .setParameter(2, profile.name())
                .setParameter(3, crt)
                .setParameter(4, nowMs)
                .setParameter(5, nowMs)
                .setParameter(6, nowMs)
                .setParameter(7, userId)
                .executeUpdate();
    }

    private static OptionalLong oneLong(Connection c, String sql, long profileId) {
        return Sql.first(c, sql, List.of(profileId), rs -> rs.getLong(1))
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }
}
