package dev.ankiconnect.user;

import dev.ankiconnect.db.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one store of the {@code users} and {@code api_keys} tables, through plain SQL: the server (on the request's
 * transaction) and the {@code admin.Admin} tool (a transaction per method) share it. Which profiles a user owns is
 * kept in {@code profiles} and read and written through {@code profile.ProfileStore}.
 */
public final class UserStore {

    /** A user as the server knows them after a key check. */
    public record User(long id, String name) {}

    /** An issued key as listed: never its secret. */
    public record KeyInfo(String id, String label, long createdMs) {}

    private final Work work;

    /** The store on {@code work}: the request's transaction in the server, a transaction per call in the admin tool. */
    public UserStore(Work work) {
        this.work = work;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    public Optional<User> findUser(String name) {
        return work.read(em -> {
            List<?> rows = em.createNativeQuery("SELECT id, name FROM users WHERE name = ?")
                    .setParameter(1, name)
                    .getResultList();
            return rows.stream().findFirst().map(r -> new User(num(((Object[]) r)[0]), (String) ((Object[]) r)[1]));
        });
    }

    public User requireUser(String name) {
        return findUser(name).orElseThrow(() -> new IllegalArgumentException("no user named '" + name + "'"));
    }

    public List<User> users() {
        return work.read(em -> {
            List<User> out = new ArrayList<>();
            for (Object r : em.createNativeQuery("SELECT id, name FROM users ORDER BY name")
                    .getResultList()) {
                Object[] row = (Object[]) r;
                out.add(new User(num(row[0]), (String) row[1]));
            }
            return out;
        });
    }

    public User createUser(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("a user name must be 1 to 255 characters");
        }
        if (findUser(name).isPresent()) {
            throw new IllegalArgumentException("a user named '" + name + "' exists already");
        }
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        work.write(em -> em.createNativeQuery("INSERT INTO users (id, name, created_ms) VALUES (?, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, name)
                .setParameter(3, System.currentTimeMillis())
                .executeUpdate());
        return new User(id, name);
    }

    /**
     * Removes the user and revokes all their keys. Their profiles stay in the database, owned by
     * nobody and reachable by no key, until an administrator assigns or deletes them.
     */
    public void removeUser(String name) {
        User u = requireUser(name);
        work.write(em -> {
            em.createNativeQuery("DELETE FROM api_keys WHERE user_id = ?")
                    .setParameter(1, u.id())
                    .executeUpdate();
            return em.createNativeQuery("DELETE FROM users WHERE id = ?")
                    .setParameter(1, u.id())
                    .executeUpdate();
        });
    }

    /** Issues a key for the user; the returned {@code key()} is the only time it is shown. */
    public ApiKeys.Issued issueKey(String userName, String label) {
        User u = requireUser(userName);
        ApiKeys.Issued issued = ApiKeys.issue();
        work.write(em -> em.createNativeQuery(
                        "INSERT INTO api_keys (id, user_id, salt, hash, label, created_ms) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, issued.id())
                .setParameter(2, u.id())
                .setParameter(3, issued.salt())
                .setParameter(4, issued.hash())
                .setParameter(5, label == null ? "" : label)
                .setParameter(6, System.currentTimeMillis())
                .executeUpdate());
        return issued;
    }

    public List<KeyInfo> keys(String userName) {
        User u = requireUser(userName);
        return work.read(em -> {
            List<KeyInfo> out = new ArrayList<>();
            for (Object r : em.createNativeQuery(
                            "SELECT id, label, created_ms FROM api_keys WHERE user_id = ? ORDER BY created_ms, id")
                    .setParameter(1, u.id())
                    .getResultList()) {
                Object[] row = (Object[]) r;
                out.add(new KeyInfo((String) row[0], (String) row[1], num(row[2])));
            }
            return out;
        });
    }

    /** Revokes a key by its id (the 16 hex digits after {@code ak_}); false when there is none. */
    public boolean revokeKey(String keyId) {
        return work.write(em -> em.createNativeQuery("DELETE FROM api_keys WHERE id = ?")
                        .setParameter(1, keyId)
                        .executeUpdate())
                > 0;
    }

    /** The user a presented key belongs to; empty for anything else. Always hashes, found or not. */
    public Optional<User> authenticate(String key) {
        Optional<ApiKeys.Parsed> parsed = ApiKeys.parse(key);
        String id = parsed.map(ApiKeys.Parsed::id).orElse("");
        String secret = parsed.map(ApiKeys.Parsed::secret).orElse("");
        Object[] row = work.read(em -> {
            List<?> rows = em.createNativeQuery(
                            "SELECT k.salt, k.hash, u.id, u.name FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = ?")
                    .setParameter(1, id)
                    .getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
        if (row == null) {
            // Same work as a real check, so timing does not tell which key ids exist.
            ApiKeys.matches(DUMMY_SALT, DUMMY_HASH, secret);
            return Optional.empty();
        }
        return ApiKeys.matches((String) row[0], (String) row[1], secret) && parsed.isPresent()
                ? Optional.of(new User(num(row[2]), (String) row[3]))
                : Optional.empty();
    }

    private static final String DUMMY_SALT = "00000000000000000000000000000000";
    private static final String DUMMY_HASH = ApiKeys.hash(DUMMY_SALT, "");

    /** Records the profile the user loaded last ({@code users.active_profile_id}). */
    public void setActiveProfile(long userId, long profileId) {
        work.write(em -> em.createNativeQuery("UPDATE users SET active_profile_id = ? WHERE id = ?")
                .setParameter(1, profileId)
                .setParameter(2, userId)
                .executeUpdate());
    }
}
