package dev.ankiconnect.api;

import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.Tx;
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
    dev.ankiconnect.user.Authenticator authenticator;
    private final Results results = new Results(Json.PROVIDER);

    /** A top-level request whose key the HTTP filter has already checked. */
    public JsonValue dispatchChecked(Envelope envelope) {
        return run(envelope);
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
            Object result = invoke(action, envelope);
            return Reply.success(envelope.version(), results.toJson(result));
        } catch (Throwable failure) {
            return Reply.error(ApiErrors.message(failure));
        }
    }

    private Object invoke(ActionMethod action, Envelope envelope) throws Throwable {
        try {
            Object result = action.takesParams()
                    ? action.method().invoke(action.bean(), new Params(action.name(), envelope.params()))
                    : action.method().invoke(action.bean());
            tx.commit();
            return result;
        } catch (InvocationTargetException e) {
            tx.rollback();
            throw e.getCause();
        } catch (Throwable e) {
            // A failed commit (a constraint, a lost connection) also lands here: nothing is kept.
            tx.rollback();
            throw e;
        }
    }
}
