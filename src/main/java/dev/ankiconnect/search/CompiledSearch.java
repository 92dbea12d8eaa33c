package dev.ankiconnect.search;

import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A compiled search: run {@code sql} with {@code params} (positional, in order). The first column is the
 * result id (note or card). If {@link #rowFilter()} is non-null the SQL only narrows: the statement then also
 * selects {@link #columns()} and the caller must pass every row to {@link #ids(Iterable)} (or build rows
 * with {@link #row(Object[])} and test them itself). Ids come back in ascending order, duplicates removed.
 * Read {@code n.flds} as a String while the ResultSet is open (a Derby CLOB dies with its transaction).
 */
public record CompiledSearch(
        String sql,
        List<Object> params,
        Target target,
        List<String> columns,
        boolean cardColumns,
        int flagColumns,
        Predicate<SearchRow> rowFilter) {

    public CompiledSearch {
        params = List.copyOf(params);
        columns = List.copyOf(columns);
    }

    /** True when rows must go through the JVM-side filter. */
    public boolean hasRowFilter() {
        return rowFilter != null;
    }

    /** Maps one result row (JDBC values or a JPA native-query {@code Object[]}) to a {@link SearchRow}. */
    public SearchRow row(Object[] v) {
        if (rowFilter == null) {
            return new SearchRow(num(v[0]), 0, 0, null, null, null, null, 0, 0, 0, 0, 0, new boolean[0]);
        }
        int f = cardColumns ? 12 : 6;
        boolean[] flags = new boolean[flagColumns];
        for (int i = 0; i < flagColumns; i++) {
            flags[i] = num(v[f + i]) == 1;
        }
        return new SearchRow(
                num(v[0]),
                num(v[1]),
                num(v[2]),
                text(v[3]),
                text(v[4]),
                text(v[5]),
                cardColumns ? text(v[6]) : null,
                cardColumns ? (int) num(v[7]) : 0,
                cardColumns ? (int) num(v[8]) : 0,
                cardColumns ? num(v[9]) : 0,
                cardColumns ? num(v[10]) : 0,
                cardColumns ? (int) num(v[11]) : 0,
                flags);
    }

    /** Applies the row filter (if any) and returns distinct ids in row order (the SQL orders by id). */
    public List<Long> ids(Iterable<Object[]> rows) {
        Set<Long> out = new LinkedHashSet<>();
        int seen = 0;
        for (Object[] v : rows) {
            if ((seen++ & 1023) == 0) Deadline.check();
            if (rowFilter == null) {
                out.add(num(v[0]));
            } else {
                SearchRow r = row(v);
                if (rowFilter.test(r)) out.add(r.id());
            }
        }
        return new ArrayList<>(out);
    }

    private static long num(Object o) {
        if (o instanceof Number n) return n.longValue();
        if (o instanceof Boolean b) return b ? 1 : 0;
        throw new IllegalArgumentException("expected a number column, got " + o);
    }

    private static String text(Object o) {
        if (o == null) return "";
        if (o instanceof Clob c) {
            try {
                return c.getSubString(1, (int) c.length());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read CLOB column", e);
            }
        }
        return o.toString();
    }
}
