package dev.ankiconnect.search;

import java.util.List;

/**
 * A search as sets of ids, each found by one SQL statement, combined in Java (see {@link SqlWriter#notePlan}). Derby
 * runs a "note has a card" test ({@code EXISTS}, a join or an {@code IN} sub-query) for every note of the profile,
 * and a join of notes to cards before a {@code DISTINCT}; PostgreSQL sorts and hashes every matching card for a
 * {@code DISTINCT}, a UNION or an ORDER BY. Here each side reads its own index range or scans one table once, and
 * the sets are sorted and merged in memory. A search of the tags alone on Derby is two sets: the notes with a tag
 * head, from ix_notes_tags_head alone, and the few without one.
 */
public sealed interface IdPlan {

    /** The ids one statement selects (one column; duplicates and order do not matter). */
    record Query(String sql, List<Object> params) implements IdPlan {}

    /** The notes of {@code notes} that have a card. */
    record WithCard(IdPlan notes) implements IdPlan {}

    /** The ids any part finds. */
    record Union(List<IdPlan> parts) implements IdPlan {}

    /** The ids every part finds, found in this order: a short result narrows what the next part reads. */
    record Intersect(List<IdPlan> parts) implements IdPlan {}

    /** The ids {@code from} finds that {@code remove} does not (a note condition's NOT: the notes with the tag). */
    record Minus(IdPlan from, IdPlan remove) implements IdPlan {}

    /** At most this many ids found so far narrow the next statement of an AND ({@link Source#query}). */
    int NARROW = 2_000;

    /** Runs what the plan needs of the database. */
    interface Source {
        /**
         * The distinct ids {@code q} selects, ascending; when {@code within} (ascending, at most {@link #NARROW}) is
         * not null, only those in it are needed (the caller intersects), and a source may read just those.
         */
        long[] query(Query q, long[] within);

        /** The ids of {@code notes} (ascending, distinct) that have a card, ascending. */
        long[] withCard(long[] notes);
    }

    /** The ids the plan finds, ascending. */
    default IdList run(Source source) {
        return IdSets.list(ids(this, source, null));
    }

    /** The ids {@code plan} finds; with {@code within} not null, at least those of them in {@code within}. */
    private static long[] ids(IdPlan plan, Source source, long[] within) {
        if (plan instanceof Query q) {
            return source.query(q, within);
        }
        if (plan instanceof WithCard w) {
            long[] notes = ids(w.notes(), source, within);
            return notes.length == 0 ? notes : source.withCard(notes);
        }
        if (plan instanceof Union u) {
            long[] out = new long[0];
            for (IdPlan p : u.parts()) {
                out = IdSets.union(out, ids(p, source, within));
            }
            return out;
        }
        if (plan instanceof Minus m) {
            long[] from = ids(m.from(), source, within);
            return from.length == 0 ? from : IdSets.minus(from, ids(m.remove(), source, narrowing(from)));
        }
        Intersect x = (Intersect) plan;
        long[] out = null;
        for (IdPlan p : x.parts()) {
            long[] part = ids(p, source, out == null ? within : narrowing(out));
            out = out == null ? part : IdSets.intersect(out, part);
            if (out.length == 0) {
                break;
            }
        }
        return out == null ? new long[0] : out;
    }

    private static long[] narrowing(long[] found) {
        return found.length <= NARROW ? found : null;
    }
}
