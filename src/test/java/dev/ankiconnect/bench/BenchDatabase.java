package dev.ankiconnect.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The database of an embedded benchmark server ({@code BENCH_DB}): {@code derby} (embedded, in the
 * server's data directory) or {@code postgres} (a fresh io.zonky embedded PostgreSQL with a database
 * "bench"), handed to the server through the {@code ankiconnect.jdbc*} system properties. {@code BENCH_PG_DATA}
 * names a directory that keeps the PostgreSQL cluster after the run (and is used again when it exists).
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres pg;

    private BenchDatabase(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    static BenchDatabase start(String db) throws Exception {
        switch (db) {
            case "derby" -> {
                System.clearProperty("ankiconnect.jdbcUrl");
                System.clearProperty("ankiconnect.jdbcUser");
                System.clearProperty("ankiconnect.jdbcPassword");
                return new BenchDatabase(null);
            }
            case "postgres" -> {
                // BENCH_PG_DATA: keep the cluster in this directory and search it again in a later run without seeding
                String keep = System.getenv("BENCH_PG_DATA");
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                boolean reuse = keep != null && java.nio.file.Files.isDirectory(java.nio.file.Path.of(keep, "base"));
                if (keep != null) {
                    builder.setDataDirectory(java.nio.file.Path.of(keep)).setCleanDataDirectory(false);
                }
                EmbeddedPostgres pg = builder.start();
                if (!reuse) {
                    try (Connection c = pg.getPostgresDatabase().getConnection();
                            Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE bench");
                    }
                }
                System.setProperty("ankiconnect.jdbcUrl", "jdbc:postgresql://localhost:" + pg.getPort() + "/bench");
                System.setProperty("ankiconnect.jdbcUser", "postgres");
                System.setProperty("ankiconnect.jdbcPassword", "postgres");
                return new BenchDatabase(pg);
            }
            default -> throw new IllegalArgumentException("BENCH_DB must be derby or postgres, not " + db);
        }
    }

    /**
     * What PostgreSQL's autovacuum does within a minute or so of a bulk load (PostgreSQL 13 and later also vacuum a
     * table after many inserts): {@code VACUUM ANALYZE}. It measures the server as it runs, not the first minute
     * after an import:
     * <ul>
     *   <li>fresh planner statistics: with the stale ones it picks a wrong index for id look-ups (notes by id: 3.9 ms
     *       instead of 0.1 ms);
     *   <li>the visibility map: until a table is vacuumed, an index-only scan must visit the table for every row, which
     *       made the SQL-only search mix's median about 1.7 times as long (100,000 notes, alternating: 28.3 and 27.7
     *       against 15.9 and 16.7 ms; {@code rated:1} 39 and 29 against 16 ms).
     * </ul>
     * {@code BENCH_PG_VACUUM=0} skips the vacuum (keeps the {@code ANALYZE}) to measure the minute after a bulk load.
     */
    void analyze() throws Exception {
        if (pg != null) {
            boolean vacuum = !"0".equals(System.getenv("BENCH_PG_VACUUM"));
            try (Connection c = pg.getDatabase("postgres", "bench").getConnection();
                    Statement s = c.createStatement()) {
                s.execute(vacuum ? "VACUUM ANALYZE" : "ANALYZE");
            }
            System.out.println(
                    vacuum
                            ? "postgres: VACUUM ANALYZE after seeding, as autovacuum does shortly after a bulk load"
                            : "postgres: ANALYZE only after seeding (BENCH_PG_VACUUM=0): the minute after a bulk load");
        }
    }

    @Override
    public void close() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }
}
