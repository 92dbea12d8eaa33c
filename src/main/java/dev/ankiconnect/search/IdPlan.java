package dev.ankiconnect.search;

import java.util.List;

/**
 * A note search as sets of note ids, each found by one SQL statement, combined in Java (Derby, see
 * {@link SqlWriter#derbyNotePlan}). Derby runs a "note has a card" test ({@code EXISTS}, a join or an {@code IN}
 * sub-query) for every note of the profile, and a join of notes to cards before a {@code DISTINCT}; here each side
 * reads its own index range or scans one table once, and the sets are merged in memory. A search of the tags alone
 * is two sets: the notes with a tag head, from ix_notes_tags_head alone, and the few without one.
 */
public sealed interface IdPlan {

    /** The ids one statement selects (one column; duplicates and order do not matter). */
    record Query(String sql, List<Object> params) implements IdPlan {}

    /** The notes of {@code notes} that have a card. */
    record WithCard(IdPlan notes) implements IdPlan {}

    /** The ids any part finds. */
    record Union(List<IdPlan> parts) implements IdPlan {}

    /** The ids every part finds. */
    record Intersect(List<IdPlan> parts) implements IdPlan {}

    /** Runs what the plan needs of the database. */
    interface Source {
        /** The distinct ids {@code q} selects, ascending. */
        long[] query(Query q);

        /** The ids of {@code notes} (ascending, distinct) that have a card, ascending. */
        long[] withCard(long[] notes);
    }

    /** The note ids the plan finds, ascending. */
    default IdList run(Source source) {
        return IdSets.list(ids(this, source));
    }

    private static long[] ids(IdPlan plan, Source source) {
        if (plan instanceof Query q) {
            return source.query(q);
        }
        if (plan instanceof WithCard w) {
            long[] notes = ids(w.notes(), source);
            return notes.length == 0 ? notes : source.withCard(notes);
        }
        if (plan instanceof Union u) {
            long[] out = new long[0];
            for (IdPlan p : u.parts()) {
                out = IdSets.union(out, ids(p, source));
            }
            return out;
        }
        Intersect x = (Intersect) plan;
        long[] out = null;
        for (IdPlan p : x.parts()) {
            long[] part = ids(p, source);
            out = out == null ? part : IdSets.intersect(out, part);
            if (out.length == 0) {
                break;
            }
        }
        return out == null ? new long[0] : out;
    }
}
