package dev.ankiconnect.db;

import dev.ankiconnect.search.Deadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the connection of the current action's transaction. Bulk note and card work goes
 * through here rather than through entities: one batched statement per table instead of an
 * object graph per row, which is what makes 100,000-note collections fast on embedded Derby.
 */
public final class Sql {

    /**
     * Derby's optimizer override for the index an IN list should probe (notes-1.xml). Derby only
     * probes an index whose leading column is the listed one, and without the override it
     * often prefers a scan for longer lists (measured: 500 checksums 200-370 ms scanned, 2-20 ms
     * probed). Other databases read it as an SQL comment; it ends the line, so it must be
     * followed by a newline, which it includes.
     */
    public static String index(String name) {
        return " --DERBY-PROPERTIES index=" + name + "\n";
    }

    private Sql() {}

    /**
     * The transaction's JDBC connection (EclipseLink begins the database transaction early). Each statement
     * made on it gets what is left of the request's time budget as its query timeout ({@code requestTimeoutMs},
     * see {@link Deadline}), and none is made once the budget has run out.
     */
    public static Connection connection(Tx tx) {
        Deadline.check();
        Connection c = tx.em().unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("no JDBC connection in the current transaction");
        }
        return Deadline.remainingSeconds() == 0 ? c : timed(c);
    }

    /** A view of {@code c} whose new statements time out when the request's budget runs out. */
    static Connection timed(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                Sql.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                        return c;
                    }
                    Object result;
                    try {
                        result = method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof java.sql.Statement st) {
                        Deadline.check();
                        int seconds = Deadline.remainingSeconds();
                        if (seconds > 0) {
                            st.setQueryTimeout(seconds);
                        }
                    }
                    return result;
                });
    }

    /** "?, ?, ?" for n parameters. */
    public static String marks(int n) {
        StringBuilder b = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.toString();
    }

    // ---- reading rows: prepare, bind, read, close, SQLException to fail(e) ----

    /** Takes one result row (reads its columns; the result set is not its to move or close). */
    @FunctionalInterface
    public interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    /** Reads the current result row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} with {@code params} bound from parameter 1 and hands every row, in the order the database
     * returns them, to {@code rows}. The statement and its result set are closed before it returns.
     */
    public static void each(Connection c, String sql, List<?> params, Rows rows) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** Every row that {@code sql} selects with {@code params}, read by {@code reader}, in the database's order. */
    public static <T> List<T> list(Connection c, String sql, List<?> params, RowReader<T> reader) {
        List<T> out = new ArrayList<>();
        each(c, sql, params, rs -> out.add(reader.read(rs)));
        return out;
    }

    /** The first column, a number, of every row that {@code sql} selects with {@code params}. */
    public static List<Long> longs(Connection c, String sql, List<?> params) {
        return list(c, sql, params, rs -> rs.getLong(1));
    }

    /** The first row that {@code sql} selects with {@code params}, read by {@code reader}; empty when none. */
    public static <T> Optional<T> first(Connection c, String sql, List<?> params, RowReader<T> reader) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /**
     * Runs {@code selectFrom WHERE profile_id = ? AND column IN (...)} for the distinct {@code values}, in
     * chunks of {@link Chunks#SIZE}, and hands every row to {@code rows}. {@code selectFrom} ends with its table (and
     * usually an {@link #index} hint); table and column are code constants, never client text.
     */
    public static void selectIn(
            Connection c, long profileId, String selectFrom, String column, Collection<Long> values, Rows rows) {
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(values))) {
            each(
                    c,
                    selectFrom + " WHERE profile_id = ? AND " + column + " IN (" + marks(chunk.size()) + ")",
                    params(profileId, chunk),
                    rows);
        }
    }

    /** The profile id followed by the elements of {@code groups}, in order: parameters for {@link #each}. */
    public static List<Object> params(long profileId, Collection<?>... groups) {
        int n = 1;
        for (Collection<?> g : groups) {
            n += g.size();
        }
        List<Object> out = new ArrayList<>(n);
        out.add(profileId);
        for (Collection<?> g : groups) {
            out.addAll(g);
        }
        return out;
    }

    /** Binds {@code params} from parameter 1. */
    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
    }

    /** Binds the parameters of batch entry {@code i}. */
    @FunctionalInterface
    public interface Binder {
        void bind(int i) throws SQLException;
    }

    /**
     * Runs {@code ps} once for each of {@code size} entries that {@code binder} binds, as JDBC batches of 1,000
     * entries.
     */
    public static void batch(PreparedStatement ps, int size, Binder binder) throws SQLException {
        for (int i = 0; i < size; i++) {
            binder.bind(i);
            ps.addBatch();
            if ((i + 1) % 1000 == 0) {
                ps.executeBatch();
            }
        }
        ps.executeBatch();
    }

    /**
     * Deletes the profile's rows of {@code table} whose {@code column} is one of {@code values},
     * in chunks of {@link Chunks#SIZE}. Table and column are code constants, never client text.
     */
    public static void deleteIn(Tx tx, long profileId, String table, String column, Collection<Long> values) {
        try {
            for (List<Long> chunk : Chunks.of(values)) {
                try (PreparedStatement ps = connection(tx)
                        .prepareStatement("DELETE FROM " + table + " WHERE profile_id = ? AND " + column + " IN ("
                                + marks(chunk.size()) + ")")) {
                    bind(ps, params(profileId, chunk));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** Wraps a checked SQL failure; the dispatcher rolls the action back. */
    public static IllegalStateException fail(SQLException e) {
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }

    /** Reads a CLOB or VARCHAR column as a String. */
    public static String text(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }
}
