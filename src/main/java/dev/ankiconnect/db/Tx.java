package dev.ankiconnect.db;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

/**
 * The unit of work of the action being run: one EntityManager per HTTP request and one
 * transaction per action, begun on the first database access so that actions which never touch
 * the database ({@code version}, {@code multi}) cost nothing. The dispatcher commits or rolls back.
 * The first access takes the request's turn at the {@link ConnectionGate} (a bounded wait) and with
 * it one connection, held until the request ends: no code of a request opens a second one.
 */
@RequestScoped
public class Tx {

    @Inject
    DatabaseHolder database;

    private EntityManager em;

    /** The request's turn at the database, from its first access until the request ends. */
    private ConnectionGate.Permit permit;

    private boolean readOnly;

    /** Set when code inside a {@code @ReadOnly} action had to write after all (see {@link #keepWrites}). */
    private boolean writesKept;

    /** Set when a {@code @ReadOnly} action moved a window (see {@link #keepWindow}). */
    private boolean windowKept;

    /** The EntityManager of the current action, inside an open transaction. */
    public EntityManager em() {
        if (em == null) {
            Database db = database.get();
            // Waits (bounded) before this request holds anything; the pool then has a connection for it.
            ConnectionGate.Permit turn = db.gate().enter();
            try {
                em = db.emf().createEntityManager();
            } catch (RuntimeException e) {
                turn.close();
                throw e;
            }
            permit = turn;
        }
        EntityTransaction tx = em.getTransaction();
        if (!tx.isActive()) {
            tx.begin();
            // Begins the database transaction now: every query of the action, JPQL or JDBC, reads and writes
            // on this one connection (otherwise EclipseLink reads on other pooled connections until it writes).
            em.unwrap(java.sql.Connection.class);
        }
        return em;
    }

    /** True while a {@code @ReadOnly} action runs: its transaction will be rolled back, never committed. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Set by the dispatcher around each action; returns the previous value (actions nest in {@code multi}). Each
     * action starts with {@link #writesKept()} false.
     */
    public boolean readOnly(boolean value) {
        boolean was = readOnly;
        readOnly = value;
        writesKept = false;
        windowKept = false;
        return was;
    }

    /**
     * Called by the few places where a read must write, as Anki does: a deck that a read names is created
     * ({@code cardReviews}, {@code getDeckStats}), a new profile gets its collection. Inside a {@code @ReadOnly}
     * action its transaction is then committed and counted as a write instead of rolled back; in any other
     * action it changes nothing.
     */
    public void keepWrites() {
        if (readOnly) {
            writesKept = true;
        }
    }

    /**
     * Called by a {@code @ReadOnly} action that writes what is no part of the collection: the reviewer's window
     * ({@code gui.GuiStateStore}). Its transaction is then committed, but not counted as a collection write: the
     * collection's write counter stays, so searches keep their in-memory copy. In any other action it changes nothing.
     */
    public void keepWindow() {
        if (readOnly) {
            windowKept = true;
        }
    }

    /** True when the current {@code @ReadOnly} action moved a window through {@link #keepWindow}. */
    public boolean windowKept() {
        return windowKept;
    }

    /** True when the current {@code @ReadOnly} action wrote through {@link #keepWrites}. */
    public boolean writesKept() {
        return writesKept;
    }

    /** True when the current action has begun a transaction. */
    public boolean active() {
        return em != null && em.getTransaction().isActive();
    }

    public void commit() {
        if (active()) {
            em.flush();
            em.getTransaction().commit();
            // Each action reads fresh state: nothing stale survives into the next sub-action.
            em.clear();
        }
    }

    public void rollback() {
        if (active()) {
            em.getTransaction().rollback();
        }
        if (em != null && em.isOpen()) {
            em.clear();
        }
    }

    /** Drops the EntityManager (after a failed attempt); the next {@link #em()} opens a fresh one. */
    public void discard() {
        if (em != null) {
            try {
                rollback();
            } catch (RuntimeException e) {
                // a connection the database closed (a cancelled statement, a failure) cannot roll back; the request
                // still gives back its EntityManager and turn, and its reply is already built
                java.util.logging.Logger.getLogger(Tx.class.getName()).warning(() -> "rollback failed: " + e);
            }
            try {
                if (em.isOpen()) {
                    em.close();
                }
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(Tx.class.getName()).warning(() -> "close failed: " + e);
            } finally {
                em = null;
                permit.close();
                permit = null;
            }
        }
    }

    @PreDestroy
    void close() {
        discard();
    }
}
