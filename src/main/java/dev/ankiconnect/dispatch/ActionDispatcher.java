package dev.ankiconnect.dispatch;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.Envelope;
import dev.ankiconnect.api.InvalidInputException;
import dev.ankiconnect.api.KeyCheck;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.Reply;
import dev.ankiconnect.api.Results;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.CollectionGeneration;
import dev.ankiconnect.search.Deadline;
import dev.ankiconnect.user.Authenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;

/**
 * Runs envelopes: API key, action lookup, parameter binding, then the action in one
 * transaction (commit on success, roll back on any failure, so a failed action changes
 * nothing). Failures become {@code {"result": null, "error": ...}} replies here.
 */
@ApplicationScoped
public class ActionDispatcher {

    @Inject
    ActionRegistry registry;

    @Inject
    Tx tx;

    @Inject
    Settings settings;

    @Inject
    Authenticator authenticator;

    @Inject
    CollectionGeneration generation;

    private final Results results = new Results();

    /** A top-level request whose key the HTTP filter has already checked. */
    public JsonValue dispatchChecked(Envelope envelope) {
        // the request's time budget (requestTimeoutMs), shared by the sub-actions of multi
        try (Deadline.Scope budget = Deadline.start(settings.config().longValue(ConfigKey.REQUEST_TIMEOUT_MS))) {
            return run(envelope);
        } finally {
            // The reply is built: give the connection back before it is written to a client that may read slowly.
            release();
        }
    }

    /** A request whose key must still be checked (each {@code multi} sub-action). */
    public JsonValue dispatch(Envelope envelope) {
        if (!keyCheck().accepts(envelope.action(), envelope.key())) {
            return Reply.error(ApiErrors.INVALID_API_KEY);
        }
        return run(envelope);
    }

    /** The configured key rule: AnkiConnect's {@code apiKey}, or in multi-user mode the caller's own keys. */
    public KeyCheck keyCheck() {
        return authenticator.keyCheck();
    }

    private JsonValue run(Envelope envelope) {
        try {
            ActionMethod action = registry.find(envelope.action())
                    .orElseThrow(() -> new InvalidInputException(ApiErrors.UNSUPPORTED_ACTION));
            action.checkBinding(envelope.params());
            checkBulk(action.name(), envelope.params());
            Object result = invoke(action, envelope);
            return Reply.success(envelope.version(), results.toJson(result));
        } catch (ClassCastException | ArithmeticException | NumberFormatException failure) {
            // An action read a parameter as a type it does not have (a JSON-P cast, a number too big):
            // the client's mistake, said without the JVM's text, which names classes.
            return Reply.error(ApiErrors.wrongType(envelope.action(), failure));
        } catch (Throwable failure) {
            return Reply.error(ApiErrors.message(failure));
        }
    }

    /**
     * Refuses a request whose parameters hold a list longer than {@code maxBulkItems} (at any depth), before any
     * work: the clear error stands in for minutes of work on a shared server.
     */
    private void checkBulk(String action, jakarta.json.JsonValue params) {
        int max = settings.config().integer(ConfigKey.MAX_BULK_ITEMS);
        if (max <= 0 || params == null) {
            return;
        }
        java.util.ArrayDeque<jakarta.json.JsonValue> todo = new java.util.ArrayDeque<>();
        todo.push(params);
        while (!todo.isEmpty()) {
            jakarta.json.JsonValue v = todo.pop();
            if (v instanceof jakarta.json.JsonArray a) {
                if (a.size() > max) {
                    throw new InvalidInputException(ApiErrors.listTooLong(action, a.size(), max));
                }
                for (jakarta.json.JsonValue x : a) {
                    if (x instanceof jakarta.json.JsonStructure) todo.push(x);
                }
            } else if (v instanceof jakarta.json.JsonObject o) {
                for (jakarta.json.JsonValue x : o.values()) {
                    if (x instanceof jakarta.json.JsonStructure) todo.push(x);
                }
            }
        }
    }

    private Object invoke(ActionMethod action, Envelope envelope) throws Throwable {
        return inTransaction(
                action.readOnly(),
                () -> action.takesParams()
                        ? action.method().invoke(action.bean(), new Params(action.name(), envelope.params()))
                        : action.method().invoke(action.bean()));
    }

    /** Ends the request's use of the database: its connection and turn go back (see {@code db.Tx#discard}). */
    public void release() {
        tx.discard();
    }

    /** Work run as an action: it may throw anything; an {@link InvocationTargetException} stands for its cause. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} as an action runs, for every door to the collection (the JSON endpoint and the package
     * endpoints): in its own transaction, rolled back when {@code readOnly} (unless it called
     * {@code Tx.keepWrites}), else committed with the collection's write counter; run again on a lost race with
     * another writer ({@link #retryable}); any failure rolls everything back and is thrown.
     */
    public <T> T inTransaction(boolean readOnly, Work<T> work) throws Throwable {
        // What ran before in this request (a key check's look-up) is not part of this action's transaction.
        tx.rollback();
        for (int attempt = 1; ; attempt++) {
            Throwable failure;
            boolean outer = tx.readOnly(readOnly);
            try {
                if (!readOnly) {
                    // the collection's one writer, before any other row is locked (no deadlock between writers)
                    generation.lockForWrite();
                }
                T result = work.run();
                if (readOnly && !tx.writesKept()) {
                    if (tx.windowKept()) {
                        // a window moved (gui.GuiStateStore): kept, but no collection write, so not counted
                        tx.commit();
                    } else {
                        tx.rollback();
                    }
                } else {
                    // in the same transaction as the writes: searches know their in-memory copy is stale
                    Long written = tx.active() ? generation.bump() : null;
                    tx.commit();
                    if (written != null) {
                        generation.committed(written);
                    }
                }
                return result;
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } catch (Throwable e) {
                // A failed commit (a constraint, a lost connection) also lands here: nothing is kept.
                failure = e;
            } finally {
                tx.readOnly(outer);
            }
            tx.rollback();
            if (attempt >= MAX_ATTEMPTS || !retryable(failure)) {
                throw failure;
            }
            // Another request or server instance wrote the same row (an id taken in the same
            // millisecond, a name created at the same moment): nothing of this attempt was kept,
            // so run the action again on fresh state, after a short random pause.
            tx.discard();
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2, 20L * attempt));
        }
    }

    /**
     * Runs {@code work} for another door to a registered action (the package endpoints) with that action's own
     * mark: read-only when it is {@code @ReadOnly}, else a write; otherwise exactly as {@link #inTransaction}.
     */
    public <T> T asAction(String action, Work<T> work) throws Throwable {
        ActionMethod registered =
                registry.find(action).orElseThrow(() -> new IllegalArgumentException("no action named " + action));
        return inTransaction(registered.readOnly(), work);
    }

    /** Attempts of an action that lost a race with another writer (see {@link #retryable}). */
    static final int MAX_ATTEMPTS = 5;

    /**
     * True for failures a concurrent writer causes: integrity constraint violations (SQLState
     * class 23), serialization failures and Derby deadlocks (40001) and PostgreSQL deadlocks (40P01).
     * Not lock time-outs: another writer held the lock for {@code dbWaitMs}, and the request is answered
     * "server busy" rather than held as long again.
     */
    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("23") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
