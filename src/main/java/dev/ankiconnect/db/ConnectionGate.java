package dev.ankiconnect.db;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who may hold one of the database connections, and for how long a request waits for its turn.
 *
 * <p>The pool has a connection for every permit ({@link #poolSize()}), so nothing ever waits inside
 * the pool: a request waits here, before it holds anything, and at most {@code waitMs}; then it
 * gets a {@link ServerBusyException}. A request holds one permit, and with it one connection, from
 * its first database access until it ends. Background work (reading a search copy again after
 * writes) has permits of its own and never waits: it skips its turn when they are taken.
 */
public final class ConnectionGate {

    /** Connections reserved for background work. */
    public static final int BACKGROUND = 2;

    private final int requests;
    private final long waitMs;
    private final Semaphore forRequests;
    private final Semaphore forBackground = new Semaphore(BACKGROUND);

    public ConnectionGate(int requests, long waitMs) {
        if (requests < 1) {
            throw new IllegalArgumentException("at least one connection is needed");
        }
        this.requests = requests;
        this.waitMs = waitMs;
        // Fair: under overload the requests that waited longest go first.
        this.forRequests = new Semaphore(requests, true);
    }

    /** A held turn; closing it gives it back (once). */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits at most {@code waitMs} for a request's turn. */
    public Permit enter() {
        try {
            if (!forRequests.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                throw new ServerBusyException(ServerBusyException.Reason.CONNECTION, waitMs, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusyException(ServerBusyException.Reason.CONNECTION, waitMs, e);
        }
        return release(forRequests);
    }

    /** A background turn if one is free now, else null: background work never waits. */
    public Permit tryBackground() {
        return forBackground.tryAcquire() ? release(forBackground) : null;
    }

    private static Permit release(Semaphore s) {
        return new Permit() {
            private boolean open = true;

            @Override
            public void close() {
                if (open) {
                    open = false;
                    s.release();
                }
            }
        };
    }

    /** Requests served at once. */
    public int requests() {
        return requests;
    }

    public long waitMs() {
        return waitMs;
    }

    /** Connections the pool must be able to open: one per permit. */
    public int poolSize() {
        return requests + BACKGROUND;
    }

    /** Requests waiting for a turn now (for logs and health). */
    public int waiting() {
        return forRequests.getQueueLength();
    }
}
