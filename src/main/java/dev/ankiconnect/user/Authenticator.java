package dev.ankiconnect.user;

import dev.ankiconnect.api.ApiKeyCheck;
import dev.ankiconnect.api.KeyCheck;
import dev.ankiconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The key rule of the configured mode. Single-user: AnkiConnect's {@code key == apiKey}.
 * Multi-user ({@code users=true}): the key must be one of a user's issued keys; the request then
 * acts for that user, and every {@code multi} sub-action's key must name the same user.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    Settings settings;

    @Inject
    dev.ankiconnect.db.Transactions transactions;

    @Inject
    Caller caller;

    private volatile ApiKeyCheck single;

    /** The outcome of a top-level key check. */
    public sealed interface Outcome {}

    /** Accepted; {@code user} is null in single-user mode and for requestPermission. */
    public record Accepted(UserStore.User user) implements Outcome {}

    public record Refused() implements Outcome {}

    public boolean multiUser() {
        return settings.config().multiUser();
    }

    public UserStore store() {
        return new UserStore(transactions);
    }

    /** Checks a top-level request's key. */
    public Outcome check(String action, JsonValue key) {
        if (!multiUser()) {
            return singleCheck().accepts(action, key) ? new Accepted(null) : new Refused();
        }
        if (ApiKeyCheck.REQUEST_PERMISSION.equals(action)) {
            return new Accepted(null);
        }
        return resolve(key).<Outcome>map(Accepted::new).orElseGet(Refused::new);
    }

    /** True when the key check of this deployment can be failed at all (a key is configured or users are on). */
    public boolean keyed() {
        return multiUser() || settings.config().apiKey() != null;
    }

    private Optional<UserStore.User> resolve(JsonValue key) {
        if (!(key instanceof JsonString s)) {
            return Optional.empty();
        }
        return store().authenticate(s.getString());
    }

    private ApiKeyCheck singleCheck() {
        ApiKeyCheck k = single;
        if (k == null) {
            k = new ApiKeyCheck(settings.config().apiKey());
            single = k;
        }
        return k;
    }

    /** The rule for {@code multi} sub-actions and the requestPermission reply. */
    public KeyCheck keyCheck() {
        if (!multiUser()) {
            return singleCheck();
        }
        return new KeyCheck() {
            @Override
            public boolean accepts(String action, JsonValue key) {
                if (ApiKeyCheck.REQUEST_PERMISSION.equals(action)) {
                    return true;
                }
                UserStore.User current = caller.user();
                Optional<UserStore.User> presented = resolve(key);
                if (current == null) {
                    // A request the HTTP filter did not authenticate (the package endpoints, or
                    // sub-actions of a multi sent as requestPermission): this key decides the user.
                    presented.ifPresent(caller::user);
                    return presented.isPresent();
                }
                return presented.map(u -> u.id() == current.id()).orElse(false);
            }

            @Override
            public boolean required() {
                return true;
            }
        };
    }
}
