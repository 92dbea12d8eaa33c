package dev.ankiconnect.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one way to split values for {@code IN (...)} lists, in JPQL and in plain JDBC alike. Pure: no
 * database access.
 */
public final class Chunks {

    /**
     * Values per IN list: few round trips, and well inside what Derby (its generated statement class) and
     * PostgreSQL (32,767 bind parameters a statement) accept, even when one list is bound twice in a query.
     */
    public static final int SIZE = 500;

    private Chunks() {}

    /** {@code values} in iteration order, split into lists of at most {@link #SIZE}; none for no values. */
    public static <T> List<List<T>> of(Collection<T> values) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(SIZE, values.size()));
        for (T v : values) {
            current.add(v);
            if (current.size() == SIZE) {
                out.add(current);
                current = new ArrayList<>(SIZE);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
