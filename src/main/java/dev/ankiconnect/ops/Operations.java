package dev.ankiconnect.ops;

import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.Transactions;
import dev.ankiconnect.profile.ProfileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The server's trusted proxies, key throttle and health check, built from the configuration. */
@ApplicationScoped
public class Operations {

    private static final Logger LOG = Logger.getLogger(Operations.class.getName());

    @Inject
    Settings settings;

    @Inject
    Transactions transactions;

    private volatile TrustedProxies proxies;
    private volatile KeyThrottle throttle;

    public TrustedProxies proxies() {
        TrustedProxies p = proxies;
        if (p == null) {
            p = new TrustedProxies(settings.config().list(ConfigKey.TRUSTED_PROXIES));
            proxies = p;
        }
        return p;
    }

    /** Made once (its counters must not be lost to a second copy); after that read without a lock. */
    public KeyThrottle throttle() {
        KeyThrottle t = throttle;
        if (t == null) {
            synchronized (this) {
                t = throttle;
                if (t == null) {
                    t = new KeyThrottle(
                            settings.config().integer(ConfigKey.KEY_FAILURE_LIMIT),
                            settings.config().longValue(ConfigKey.KEY_FAILURE_BLOCK_MS),
                            System::currentTimeMillis);
                    throttle = t;
                }
            }
        }
        return t;
    }

    /** A cheap database round trip; false when the database cannot answer. Reveals nothing. */
    public boolean healthy() {
        try {
            // On the request's own connection, after a bounded wait for it like any request.
            transactions.read(em -> {
                ProfileStore.probe(em);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health check failed: " + e.getMessage());
            return false;
        }
    }
}
