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

    /** Requests served at once when the container's threads cannot be read ({@code dbPoolSize=0}). */
    static final int DEFAULT_REQUESTS = 64;
    /**
     * At most this many requests per core use the database at once ({@code dbPoolSize=0}); the others wait their
     * turn. Measured (ConcurrencyBenchmark, 2 cores, 128 clients): 32 at once keeps the throughput of 200 and
     * cuts the p99 from 390-550 ms to about 100-180 ms.
     */
    static final int PER_CORE = 16;

    private final String url;
    private final EntityManagerFactory emf;
    private final ConnectionGate gate;

    private Database(String url, EntityManagerFactory emf, ConnectionGate gate) {
        this.url = url;
        this.emf = emf;
        this.gate = gate;
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
                System.setProperty(
                        "derby.stream.error.file", dir.resolve("derby.log").toString());
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
        long waitMs = Math.max(1, config.longValue(ConfigKey.DB_WAIT_MS));
        int serverLimit = migrate(url, user, password, waitMs);
        ConnectionGate gate = new ConnectionGate(requests(config.integer(ConfigKey.DB_POOL_SIZE), serverLimit), waitMs);

        Map<String, Object> props = new HashMap<>();
        // A connection in each pool for every permit of the gate: a request waits only at the gate, never inside
        // a pool. Requests begin their database transaction at once (Tx), so all their work is on one
        // connection of the default pool; the read pool serves work outside requests. Connections, once
        // opened, stay open (min = max): otherwise the pool closes each one given back above its minimum and
        // opens a new one for the next request, under its lock (measured with ConcurrencyBenchmark, read mix at
        // 32 clients: PostgreSQL 183 -> 433 req/s, Derby 1,581 -> 2,432).
        for (String pool : new String[] {"default", "read"}) {
            props.put("eclipselink.connection-pool." + pool + ".max", String.valueOf(gate.poolSize()));
            props.put("eclipselink.connection-pool." + pool + ".min", String.valueOf(gate.poolSize()));
            props.put("eclipselink.connection-pool." + pool + ".wait", String.valueOf(waitMs));
        }
        long timeoutMs = config.longValue(ConfigKey.REQUEST_TIMEOUT_MS);
        if (url.startsWith("jdbc:postgresql:") && !url.contains("options=")) {
            // A row lock held by another writer (the per-profile add lock) is waited for at most dbWaitMs; no
            // statement runs longer than a request may (requestTimeoutMs).
            props.put(
                    "eclipselink.jdbc.property.options",
                    "-c lock_timeout=" + waitMs + (timeoutMs > 0 ? " -c statement_timeout=" + timeoutMs : ""));
        }
        if (timeoutMs > 0) {
            // JPA queries are cancelled past the request's budget (JDBC statements: db.Sql sets what is left)
            props.put("jakarta.persistence.query.timeout", String.valueOf(timeoutMs));
            props.put("eclipselink.query.timeout.unit", "MILLISECONDS");
        }
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
        LOG.info(() -> "database ready: " + redact(opened) + "; " + gate.requests() + " requests at once (dbPoolSize),"
                + " waiting at most " + waitMs + " ms (dbWaitMs)");
        return new Database(opened, emf, gate);
    }

    /**
     * Requests served at once: {@code dbPoolSize}, or with 0 the container's request threads, else
     * {@link #DEFAULT_REQUESTS}, but at most {@link #PER_CORE} per core; on a database server at most half of its
     * connection limit, leaving the rest to other instances and tools.
     */
    static int requests(int configured, int serverLimit) {
        int wanted = configured > 0
                ? configured
                : Math.min(
                        ContainerThreads.detect().orElse(DEFAULT_REQUESTS),
                        PER_CORE * Runtime.getRuntime().availableProcessors());
        if (serverLimit > 0) {
            wanted = Math.min(wanted, Math.max(1, serverLimit / 2 - ConnectionGate.BACKGROUND));
        }
        return Math.max(1, wanted);
    }

    private static String driverClass(String url) {
        try {
            return Jdbc.driverFor(url).getClass().getName();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Applies every changeSet not yet applied (Liquibase's lock keeps concurrent starts safe), then bounds Derby's
     * lock waits by {@code lockWaitMs}; returns the database server's connection limit (PostgreSQL's
     * {@code max_connections}), or 0 for Derby.
     */
    static int migrate(String url, String user, String password, long lockWaitMs) {
        // On a thread of its own that ends with the migration: Liquibase keeps its scope in an InheritableThreadLocal
        // of the thread that runs it, which would stay in the container's deploying thread (and be copied into every
        // thread it starts later) after the application is undeployed, holding its class loader.
        java.util.concurrent.atomic.AtomicReference<Object> outcome =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread migration = new Thread(
                () -> {
                    try (Connection c = Jdbc.connect(url, user, password)) {
                        runUpdate(c);
                        outcome.set(limits(c, lockWaitMs));
                    } catch (Throwable e) {
                        outcome.set(e);
                    }
                },
                "ankiconnect-migration");
        migration.setDaemon(true);
        migration.start();
        try {
            // Bounded by Liquibase's own lock wait (5 minutes by default) and the database's timeouts.
            migration.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("database migration interrupted for " + redact(url), e);
        }
        Object result = outcome.get();
        if (result instanceof Integer limit) {
            return limit;
        }
        Throwable e = (Throwable) result;
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("database migration failed for " + redact(url) + ": " + e.getMessage(), e);
    }

    private static int limits(Connection c, long lockWaitMs) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product.startsWith("Apache Derby")) {
            // Derby waits 60 s for a lock by default; a -Dderby.locks.* system property still wins.
            long seconds = Math.max(1, (lockWaitMs + 999) / 1000);
            try (java.sql.CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
                call.setString(1, "derby.locks.waitTimeout");
                call.setString(2, String.valueOf(seconds));
                call.execute();
                // Deadlocks are found before the wait ends (and answered by a retry, not an error).
                call.setString(1, "derby.locks.deadlockTimeout");
                call.setString(2, String.valueOf(Math.max(1, seconds / 2)));
                call.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return 0;
        }
        if (product.equals("PostgreSQL")) {
            trigramIndexes(c);
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SHOW max_connections")) {
                return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 0;
            }
        }
        return 0;
    }

    /**
     * The pg_trgm indexes of search-1.xml exist only where the server let the changeSet create the extension (a
     * managed server may refuse it). Without them the server works the same, but text and tag searches that do not
     * use the in-memory copy read every note: say so once at start.
     */
    private static void trigramIndexes(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs =
                        st.executeQuery("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'notes' AND indexname IN "
                                + "('ix_notes_tags_trgm', 'ix_notes_sfld_trgm', 'ix_notes_flds_trgm')")) {
            if (rs.next() && rs.getInt(1) < 3) {
                LOG.warning("PostgreSQL: no pg_trgm indexes on notes (CREATE EXTENSION pg_trgm was refused or failed);"
                        + " searches work, but text and tag searches without the in-memory copy read every note."
                        + " With the extension installed, create them as db/changes/search-1.xml does.");
            }
        }
    }

    private static void runUpdate(Connection c) throws Exception {
        try {
            liquibase.database.Database db = liquibase.database.DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            Map<String, Object> scope = new HashMap<>();
            scope.put(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(Database.class.getClassLoader()));
            scope.put("liquibase.analytics.enabled", false);
            scope.put("liquibase.showBanner", false);
            // Its messages ("Database is up to date", and the update summary below) go to the log, not System.out
            scope.put(Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService());
            // Under a test runner the changelog is also on the parent class path: the same file twice.
            scope.put("liquibase.duplicateFileMode", "INFO");
            Scope.child(
                    scope,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(
                                    liquibase.command.core.helpers.ShowSummaryArgument.SHOW_SUMMARY_OUTPUT,
                                    liquibase.UpdateSummaryOutputEnum.LOG)
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

    /** Who may use a connection now; see {@link ConnectionGate}. */
    public ConnectionGate gate() {
        return gate;
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

    /**
     * When the application is undeployed, after {@link #close}: stops the Derby engine this application's class
     * loader loaded (its threads, such as Timer-0), takes the JDBC drivers it registered (Derby, PostgreSQL,
     * SQLite) out of the JVM-wide DriverManager and its resource bundles out of the JDK's cache, which would
     * otherwise keep the undeployed classes alive. Not for a process that opens a database again with the same
     * classes (the admin tool, tests). {@code scripts/redeploy-leak-check.sh} checks the result.
     */
    public static void releaseClassLoader() {
        boolean stopped = false;
        try (Connection ignored = Jdbc.connect("jdbc:derby:;shutdown=true", null, null)) {
            LOG.warning("Derby did not confirm the engine's shutdown");
        } catch (SQLException e) {
            // XJ015 is Derby's normal answer to a successful engine shutdown; no engine running is fine too
            stopped = "XJ015".equals(e.getSQLState());
            if (!stopped) {
                LOG.fine(() -> "Derby engine shutdown: " + e.getMessage());
            }
        }
        if (stopped) {
            awaitTimerThreads(Database.class.getClassLoader(), 5_000);
        }
        deregisterDrivers();
        // The JDK caches resource bundles (EclipseLink's messages) softly, keyed by this class loader: a full GC
        // keeps them while memory is plentiful, and with them the class loader (seen in a heap dump).
        java.util.ResourceBundle.clearCache(Database.class.getClassLoader());
        if (stopped) {
            // Every thread that ran a JDBC call (request threads, the deploying and this undeploying thread) still
            // has the last connection's ContextManager in Derby's ThreadLocal. The stopped engine dropped the
            // ThreadLocal itself, so after a collection its entries are stale: the container (Tomcat checks every
            // thread when the application stops and expunges stale entries first) and the threads themselves
            // then let go of the ContextManagers, and with them of this class loader. Another thread's ThreadLocal
            // cannot be removed safely from here.
            System.gc();
        }
    }

    /**
     * Derby's engine creates one {@link java.util.Timer} (for statement time-outs) with the deploying thread's context
     * class loader, this application's, when Derby itself sits in WEB-INF/lib. Its shutdown cancels the timer, but
     * the timer's thread ends a moment later: a container that checks for threads right after (Tomcat does, when
     * the application stops) may still see it and report a leak. So wait for it, at most {@code maxMillis}.
     */
    private static void awaitTimerThreads(ClassLoader mine, long maxMillis) {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t == Thread.currentThread()
                    || t.getContextClassLoader() != mine
                    || !t.getClass().getName().equals("java.util.TimerThread")) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            try {
                if (left > 0) {
                    t.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warning("The timer thread " + t.getName() + " did not end within " + maxMillis + " ms");
            }
        }
    }

    /** The application finds its drivers without DriverManager ({@link Jdbc#driverFor}). */
    private static void deregisterDrivers() {
        ClassLoader mine = Database.class.getClassLoader();
        for (java.sql.Driver d : java.util.Collections.list(java.sql.DriverManager.getDrivers())) {
            if (d.getClass().getClassLoader() == mine) {
                try {
                    java.sql.DriverManager.deregisterDriver(d);
                } catch (SQLException | SecurityException e) {
                    LOG.warning(
                            "cannot deregister the JDBC driver " + d.getClass().getName() + ": " + e.getMessage());
                }
            }
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
