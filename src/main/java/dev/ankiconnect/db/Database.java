package dev.ankiconnect.db;

import dev.ankiconnect.config.Config;
import dev.ankiconnect.config.ConfigKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The server database: brought up to the current schema with Liquibase, then opened as a
 * RESOURCE_LOCAL persistence unit. Embedded Derby is the default and is shut down on close,
 * so the next deployment in the same JVM can open it again.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    static final String CHANGELOG = "db/changelog.xml";
    /** Pages in Derby's cache unless -Dderby.storage.pageCacheSize says otherwise. */
    static final int DERBY_PAGE_CACHE = 16_000;

    private final String url;
    private final EntityManagerFactory emf;

    private Database(String url, EntityManagerFactory emf) {
        this.url = url;
        this.emf = emf;
    }

    /** Migrates and opens the database the configuration names. */
    public static Database open(Config config) {
        String url = config.string(ConfigKey.JDBC_URL);
        if (url == null) {
            Path dir = config.dataDir();
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
            }
            if (System.getProperty("derby.stream.error.file") == null) {
                System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
            }
            if (System.getProperty("derby.storage.pageCacheSize") == null) {
                // Derby caches 1,000 pages by default (4 MB of 4 KB pages); a collection's working
                // set of notes, cards and their indexes is far larger. Read once, when Derby boots.
                System.setProperty("derby.storage.pageCacheSize", String.valueOf(DERBY_PAGE_CACHE));
            }
            url = "jdbc:derby:" + dir.resolve("collection").toAbsolutePath() + ";create=true";
        }
        String user = config.string(ConfigKey.JDBC_USER);
        String password = config.string(ConfigKey.JDBC_PASSWORD);
        migrate(url, user, password);

        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.driver", driverClass(url));
        if (user != null) {
            props.put("jakarta.persistence.jdbc.user", user);
        }
        if (password != null) {
            props.put("jakarta.persistence.jdbc.password", password);
        }
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("ankiconnect", props);
        // Fail now, at deployment, rather than on the first request.
        EntityManager em = emf.createEntityManager();
        em.close();
        String opened = url;
        LOG.info(() -> "database ready: " + redact(opened));
        return new Database(opened, emf);
    }

    private static String driverClass(String url) {
        try {
            return Jdbc.driverFor(url).getClass().getName();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Applies every changeSet not yet applied; Liquibase's lock keeps concurrent starts safe. */
    static void migrate(String url, String user, String password) {
        try (Connection c = Jdbc.connect(url, user, password)) {
            runUpdate(c);
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed for " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static void runUpdate(Connection c) throws Exception {
        try {
            liquibase.database.Database db = liquibase.database.DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Database.class.getClassLoader()));
            scope.put("liquibase.analytics.enabled", false);
            scope.put("liquibase.showBanner", false);
            // Under a test runner the changelog is also on the parent class path: the same file twice.
            scope.put("liquibase.duplicateFileMode", "INFO");
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
        } finally {
            if (!c.getAutoCommit()) {
                // Derby refuses to close a connection with an open transaction.
                c.rollback();
            }
        }
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public boolean isEmbeddedDerby() {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    @Override
    public void close() {
        if (emf.isOpen()) {
            emf.close();
        }
        if (isEmbeddedDerby()) {
            String base = url.contains(";") ? url.substring(0, url.indexOf(';')) : url;
            try (Connection ignored = Jdbc.connect(base + ";shutdown=true", null, null)) {
                LOG.warning("Derby did not confirm the shutdown of " + base);
            } catch (SQLException e) {
                // 08006 is Derby's normal answer to a successful single-database shutdown.
                if (!"08006".equals(e.getSQLState())) {
                    LOG.warning("Derby shutdown of " + base + ": " + e.getMessage());
                }
            }
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
