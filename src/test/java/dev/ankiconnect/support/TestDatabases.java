package dev.ankiconnect.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The database a test deployment uses: embedded Derby in its own data directory (the default),
 * or, with {@code -Dit.database=postgres}, a fresh database on one embedded PostgreSQL server
 * started for the whole test run.
 */
final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** Configuration keys that point a new deployment at its own, empty database. */
    static Map<String, String> forDeployment(String name) {
        if (!"postgres".equals(System.getProperty("it.database"))) {
            return Map.of();
        }
        String database = "it_" + name.replaceAll("[^a-zA-Z0-9]", "_").toLowerCase() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
        System.out.println("IT deployment " + name + " uses PostgreSQL " + url);
        return Map.of("jdbcUrl", url, "jdbcUser", "postgres", "jdbcPassword", "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // No autovacuum: its ANALYZE after one test's bulk writes takes transaction ids, which
                // ActionMarksIT reads to prove a read wrote nothing, even in rolled-back transactions.
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("autovacuum", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary cluster directory goes with it.
                }
            }));
        }
        return postgres;
    }
}
