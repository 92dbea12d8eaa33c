package dev.ankiconnect.db;

/**
 * The server could not serve a request in time: no database connection became free within
 * {@code dbWaitMs}, or a lock held by another writer of the same collection was not released
 * within it. Nothing of the request was kept; the client may try again. {@code api.ApiErrors}
 * renders it.
 */
public final class ServerBusyException extends RuntimeException {

    /** What the request waited for. */
    public enum Reason {
        CONNECTION,
        LOCK
    }

    private final Reason reason;
    private final long waitedMs;

    public ServerBusyException(Reason reason, long waitedMs, Throwable cause) {
        super(null, cause, false, false);
        this.reason = reason;
        this.waitedMs = waitedMs;
    }

    public Reason reason() {
        return reason;
    }

    public long waitedMs() {
        return waitedMs;
    }

    /**
     * The busy failure within {@code failure}'s causes: this exception itself, or a database's
     * lock time-out (Derby 40XL1/40XL2, PostgreSQL 55P03 lock_not_available); null for anything else.
     */
    public static ServerBusyException within(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerBusyException busy) {
                return busy;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("40XL1") || state.equals("40XL2") || state.equals("55P03")) {
                    return new ServerBusyException(Reason.LOCK, 0, failure);
                }
            }
        }
        return null;
    }
}
