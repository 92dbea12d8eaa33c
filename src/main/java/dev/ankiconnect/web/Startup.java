package dev.ankiconnect.web;

import dev.ankiconnect.config.Config;
import dev.ankiconnect.config.ConfigLoader;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.DatabaseHolder;
import dev.ankiconnect.dispatch.ActionRegistry;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Start-up in a fixed order: configuration, database (migrated), action registry, default
 * profile. Anything wrong fails the deployment with a message rather than the first request.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    Settings settings;

    @Inject
    DatabaseHolder database;

    @Inject
    ActionRegistry registry;

    @Inject
    ActiveProfile activeProfile;

    @Inject
    dev.ankiconnect.ops.Operations operations;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) throws Exception {
        Config config;
        try (InputStream file = context.getResourceAsStream("/WEB-INF/ankiconnect.properties")) {
            Map<String, String> params = new HashMap<>();
            for (String name : Collections.list(context.getInitParameterNames())) {
                params.put(name, context.getInitParameter(name));
            }
            config = ConfigLoader.load(file, params, System.getProperties(), System.getenv());
        }
        settings.set(config);
        // A malformed trustedProxies entry fails the deployment, not the first request.
        operations.proxies();
        database.open(config);
        if (config.multiUser()) {
            LOG.info(() -> "AnkiConnect Server: " + registry.names().size()
                    + " actions; multi-user mode (users=true); data directory " + config.dataDir());
        } else {
            LOG.info(() -> "AnkiConnect Server: " + registry.names().size() + " actions; profile '"
                    + activeProfile.name() + "'; data directory " + config.dataDir());
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext context) {
        database.close();
        dev.ankiconnect.db.Database.releaseClassLoader();
    }
}
