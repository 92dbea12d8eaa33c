package dev.ankiconnect.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A compiled sub-tree: {@code sql} (null = TRUE) is exact when {@code exact}, otherwise a superset that never
 * drops a true match and {@code leafTest} holds the full JVM semantics of the leaf. {@code notes}/{@code cards}
 * say which tables the sub-tree reads.
 */
record Fragment(
        String kind,
        String sql,
        List<Object> params,
        boolean exact,
        Predicate<SearchRow> leafTest,
        List<Fragment> children,
        boolean notes,
        boolean cards) {

    static final String ESC = " ESCAPE '\\'";
    static final String FALSE = "1 = 0";

    /** Exact condition on the notes table. */
    static Fragment notes(String sql, List<Object> params) {
        return new Fragment("leaf", sql, params, true, null, List.of(), true, false);
    }

    /** Exact condition on the cards table (revlog sub-queries included). */
    static Fragment cards(String sql, List<Object> params) {
        return new Fragment("leaf", sql, params, true, null, List.of(), false, true);
    }

    /** Exact condition reading both tables. */
    static Fragment both(String sql, List<Object> params) {
        return new Fragment("leaf", sql, params, true, null, List.of(), true, true);
    }

    /** Note-level leaf that SQL only narrows. */
    static Fragment noteFilter(String sql, List<Object> params, Predicate<SearchRow> test) {
        return new Fragment("leaf", sql, params, false, test, List.of(), true, false);
    }

    /** Card-level leaf that SQL only narrows. */
    static Fragment cardFilter(String sql, List<Object> params, Predicate<SearchRow> test) {
        return new Fragment("leaf", sql, params, false, test, List.of(), false, true);
    }

    static Fragment all() {
        return new Fragment("leaf", null, List.of(), true, null, List.of(), false, false);
    }

    static Fragment and(List<Fragment> kids) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        for (Fragment k : kids) {
            exact &= k.exact();
            if (k.sql() != null) {
                parts.add(k.sql());
                params.addAll(k.params());
            }
        }
        String sql =
                parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
        return new Fragment("and", sql, params, exact, null, kids, anyNotes(kids), anyCards(kids));
    }

    static Fragment or(List<Fragment> kids) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        boolean anyTrue = false;
        for (Fragment k : kids) {
            exact &= k.exact();
            if (k.sql() == null) {
                anyTrue = true;
            } else {
                parts.add(k.sql());
                params.addAll(k.params());
            }
        }
        if (anyTrue) {
            // one side can only be narrowed to TRUE, so the whole OR cannot narrow
            return new Fragment("or", null, List.of(), exact, null, kids, anyNotes(kids), anyCards(kids));
        }
        String sql = parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
        return new Fragment("or", sql, params, exact, null, kids, anyNotes(kids), anyCards(kids));
    }

    static Fragment not(Fragment k) {
        if (k.exact()) {
            // Derby rejects "NOT NOT x" (a double negation such as -(-tag:x)), so a negated NOT is bracketed
            String sql =
                    k.sql() == null ? FALSE : k.sql().startsWith("NOT ") ? "NOT (" + k.sql() + ")" : "NOT " + k.sql();
            return new Fragment("not", sql, k.params(), true, null, List.of(k), k.notes(), k.cards());
        }
        // NOT of a superset narrows nothing; the JVM decides
        return new Fragment("not", null, List.of(), false, null, List.of(k), k.notes(), k.cards());
    }

    private static boolean anyNotes(List<Fragment> kids) {
        return kids.stream().anyMatch(Fragment::notes);
    }

    private static boolean anyCards(List<Fragment> kids) {
        return kids.stream().anyMatch(Fragment::cards);
    }

    /** {@code column IN (?, ...)}, or FALSE for an empty list. */
    static String in(String column, Collection<Long> ids) {
        if (ids.isEmpty()) return FALSE;
        return column + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
    }
}
