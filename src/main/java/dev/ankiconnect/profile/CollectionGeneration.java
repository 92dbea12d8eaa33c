package dev.ankiconnect.profile;

import dev.ankiconnect.db.Tx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The active collection's write counter ({@code profiles.gen}): every action that may write adds one in its own
 * transaction, so any server instance on the database can tell whether what it read earlier is still current.
 */
@ApplicationScoped
public class CollectionGeneration {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    /** Counts one write of the active collection, committed or rolled back with the current transaction. */
    public void bump() {
        tx.em().createNativeQuery("UPDATE profiles SET gen = gen + 1 WHERE id = ?")
                .setParameter(1, profile.id()).executeUpdate();
    }

    /** The active collection's counter as committed now. */
    public long current() {
        Object v = tx.em().createNativeQuery("SELECT gen FROM profiles WHERE id = ?")
                .setParameter(1, profile.id()).getSingleResult();
        return ((Number) v).longValue();
    }
}
