package dev.ankiconnect.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The row readers of {@link Sql} on an in-memory Derby database: binding, order, chunking and failures. */
class SqlTest {

    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:derby:memory:sqltest;create=true");
        try (Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t (profile_id BIGINT, id BIGINT, name VARCHAR(20))");
            for (long id = 1; id <= 2 * Chunks.SIZE + 1; id++) {
                st.executeUpdate("INSERT INTO t VALUES (1, " + id + ", 'n" + id + "')");
            }
            st.executeUpdate("INSERT INTO t VALUES (2, 1, 'other')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
        try {
            DriverManager.getConnection("jdbc:derby:memory:sqltest;drop=true");
        } catch (SQLException dropped) {
            // Derby reports a dropped database with an exception
        }
    }

    @Test
    void eachHandsEveryRowInTheDatabasesOrderWithParametersBoundFromOne() {
        List<String> names = new ArrayList<>();
        Sql.each(
                c,
                "SELECT name FROM t WHERE profile_id = ? AND id <= ? AND name <> ? ORDER BY id DESC",
                List.of(1L, 4L, "n2"),
                rs -> names.add(rs.getString(1)));
        assertEquals(List.of("n4", "n3", "n1"), names);
    }

    @Test
    void listReadsEachRowAndIsMutable() {
        List<String> rows = Sql.list(
                c,
                "SELECT id, name FROM t WHERE profile_id = ? AND id < 3 ORDER BY id",
                List.of(1L),
                rs -> rs.getLong(1) + "=" + rs.getString(2));
        assertEquals(List.of("1=n1", "2=n2"), rows);
        rows.add("more");
        assertEquals(
                List.of(), Sql.list(c, "SELECT name FROM t WHERE profile_id = ?", List.of(3L), rs -> rs.getString(1)));
    }

    @Test
    void longsReadsTheFirstColumn() {
        assertEquals(List.of(1L, 2L), Sql.longs(c, "SELECT profile_id FROM t WHERE id = ? ORDER BY 1", List.of(1L)));
    }

    @Test
    void firstReadsOneRowOrNone() {
        assertEquals(
                Optional.of("other"),
                Sql.first(c, "SELECT name FROM t WHERE profile_id = ?", List.of(2L), rs -> rs.getString(1)));
        assertEquals(
                Optional.empty(),
                Sql.first(c, "SELECT name FROM t WHERE profile_id = ?", List.of(9L), rs -> rs.getString(1)));
    }

    @Test
    void selectInReadsDistinctValuesInChunksOfTheProfileOnly() {
        List<Long> ids = new ArrayList<>();
        for (long id = 2 * Chunks.SIZE + 1; id >= 1; id--) {
            ids.add(id);
            ids.add(id);
        }
        List<Long> found = new ArrayList<>();
        Sql.selectIn(c, 1, "SELECT id FROM t", "id", ids, rs -> found.add(rs.getLong(1)));
        assertEquals(2 * Chunks.SIZE + 1, found.size());
        assertEquals(2 * Chunks.SIZE + 1, new java.util.HashSet<>(found).size());
    }

    @Test
    void paramsArePrefixedByTheProfile() {
        assertEquals(List.of(7L, 1L, 2L, 1L, 2L), Sql.params(7, List.of(1L, 2L), List.of(1L, 2L)));
        assertEquals(List.of(7L), Sql.params(7));
    }

    @Test
    void aFailureIsWrappedAsADatabaseError() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Sql.each(c, "SELECT nothing FROM t", List.of(), rs -> {}));
        assertTrue(e.getMessage().startsWith("database error: "), e.getMessage());
        assertTrue(e.getCause() instanceof SQLException);
        IllegalStateException fromReader = assertThrows(
                IllegalStateException.class,
                () -> Sql.list(c, "SELECT id FROM t WHERE profile_id = ?", List.of(2L), rs -> rs.getString(9)));
        assertTrue(fromReader.getCause() instanceof SQLException);
    }
}
