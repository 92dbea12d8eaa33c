package dev.ankiconnect.profile;

import dev.ankiconnect.db.Tx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The active collection's write counter ({@code profiles.gen}): every action that may write adds one in its own
 * transaction, so any server instance on the database can tell whether what it read earlier is still current. Its
 * rows are read and written through {@link ProfileStore}, as the admin tool's check does.
 */
@ApplicationScoped
public class CollectionGeneration {

    private static final Logger LOG = Logger.getLogger(CollectionGeneration.class.getName());

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Event<CollectionWritten> written;

    /**
     * Makes this transaction the active collection's one writer: an exclusive lock on its row of
     * {@code collection_locks}, held until the transaction ends. Taken first, before any other row, by every
     * action that writes, so that writers of a collection queue here (bounded by the database's lock wait,
     * {@code dbWaitMs}) and can never hold rows in an order that deadlocks another writer. Changes nothing.
     */
    public void lockForWrite() {
        long id = profile.id();
        ProfileStore.lockForWrite(tx.em(), id);
    }

    /**
     * Counts one write of the active collection, committed or rolled back with the current transaction; returns
     * the profile's id for {@link #committed}.
     */
    public long bump() {
        long id = profile.id();
        ProfileStore.bump(tx.em(), id);
        return id;
    }

    /** Tells observers ({@link CollectionWritten}) that the transaction that counted a write has committed. */
    public void committed(long profileId) {
        try {
            written.fire(new CollectionWritten(profileId));
        } catch (RuntimeException e) {
            // the write is committed and its reply must say so; an observer's trouble is only logged
            LOG.log(Level.WARNING, "after a write of profile " + profileId, e);
        }
    }

    /** The active collection's counter as committed now. */
    public long current() {
        return ProfileStore.generation(tx.em(), profile.id());
    }
}
