package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Searches as id sets combined in Java: the set operations, and the plans SqlWriter makes for Derby and PostgreSQL. */
class IdPlanTest {

    private static IdPlan plan(String q) {
        return SqlWriter.notePlan(SearchParser.parse(q), Fixtures.ctx(), false);
    }

    private static final String CARD_NIDS = "SELECT c.nid FROM cards c WHERE c.profile_id = ? AND ";
    private static final String TAG_X = "(LOCATE(?, LOWER(n.tags)) > 0 OR LOCATE(?, LOWER(n.tags)) > 0)";
    private static final String HEAD_X = "(LOCATE(?, n.tags_head) > 0 OR LOCATE(?, n.tags_head) > 0)";
    private static final String HINT = " --DERBY-PROPERTIES index=ix_notes_tags_head\n";

    /** The notes satisfying {@code where} (on the tags alone): those with a tag head from its index, the others. */
    private static IdPlan tagsOnly(String where, List<Object> params) {
        return new IdPlan.Union(List.of(
                new IdPlan.Query(
                        "SELECT n.id FROM notes n" + HINT + " WHERE n.profile_id = ? AND n.tags_head IS NOT NULL AND "
                                + where.replace("LOWER(n.tags)", "n.tags_head"),
                        params),
                new IdPlan.Query(
                        "SELECT n.id FROM notes n" + HINT + " WHERE n.profile_id = ? AND n.tags_head IS NULL AND "
                                + where,
                        params)));
    }

    @Test
    void setOperations() {
        long[] raw = {5, 3, 5, 1, 9, 3, 99};
        assertArrayEquals(new long[] {1, 3, 5, 9}, IdSets.sortedDistinct(raw, 6));
        assertArrayEquals(new long[] {1, 2, 3, 5, 8}, IdSets.union(new long[] {1, 3, 5}, new long[] {2, 3, 8}));
        assertArrayEquals(new long[] {1, 3}, IdSets.union(new long[] {}, new long[] {1, 3}));
        assertArrayEquals(new long[] {3}, IdSets.intersect(new long[] {1, 3, 5}, new long[] {2, 3, 8}));
        assertArrayEquals(new long[] {}, IdSets.intersect(new long[] {1}, new long[] {}));
        assertArrayEquals(
                new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE},
                IdSets.union(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, new long[] {-1}));
    }

    @Test
    void runCombinesTheSetsAndAsksForCardsOnlyOfNotesFound() {
        Map<String, long[]> db = Map.of("a", new long[] {1, 2, 3, 4}, "b", new long[] {3, 4, 5}, "c", new long[] {});
        List<long[]> asked = new ArrayList<>();
        IdPlan.Source source = new IdPlan.Source() {
            @Override
            public long[] query(IdPlan.Query q, long[] within) {
                return db.get(q.sql());
            }

            @Override
            public long[] withCard(long[] notes) {
                asked.add(notes);
                return IdSets.intersect(notes, new long[] {2, 4, 5});
            }
        };
        IdPlan a = new IdPlan.Query("a", List.of());
        IdPlan b = new IdPlan.Query("b", List.of());
        IdPlan c = new IdPlan.Query("c", List.of());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), new IdPlan.Union(List.of(a, b)).run(source));
        assertEquals(List.of(3L, 4L), new IdPlan.Intersect(List.of(a, b)).run(source));
        assertEquals(List.of(), new IdPlan.Intersect(List.of(c, a)).run(source));
        assertEquals(List.of(2L, 4L, 5L), new IdPlan.WithCard(new IdPlan.Union(List.of(a, b))).run(source));
        assertEquals(List.of(), new IdPlan.WithCard(c).run(source));
        assertEquals(1, asked.size(), "no look-up for an empty set");
    }

    @Test
    void onlyNoteSearchesWithCardTermsOrOfTheTagsAloneArePlanned() {
        assertNull(plan("word"));
        assertNull(plan("tag:x word"));
        assertNull(plan("tag:x*"));
        assertNull(plan(""));
        // inexact in SQL (the row filter decides): the one statement with its row filter
        assertNull(plan("deck:Other or re:x"));
    }

    @Test
    void cardTermsAloneAreTheNoteIdsOfEachSide() {
        assertEquals(
                new IdPlan.Union(List.of(
                        new IdPlan.Query(CARD_NIDS + "c.did = ?", List.of(7L, 5L)),
                        new IdPlan.Query(CARD_NIDS + "c.odid = ?", List.of(7L, 5L)))),
                plan("deck:Other"));
        assertEquals(
                new IdPlan.Union(List.of(
                        new IdPlan.Query(CARD_NIDS + "c.did = ?", List.of(7L, 5L)),
                        new IdPlan.Query(CARD_NIDS + "c.odid = ?", List.of(7L, 5L)))),
                SqlWriter.notePlan(SearchParser.parse("deck:Other"), Fixtures.ctx(), false));
    }

    @Test
    void orOfCardAndNoteTermsIsTheUnionAndTheNoteSideNeedsACard() {
        IdPlan p = plan("deck:Other or tag:x");
        assertEquals(
                new IdPlan.Union(List.of(
                        new IdPlan.Union(List.of(
                                new IdPlan.Query(CARD_NIDS + "c.did = ?", List.of(7L, 5L)),
                                new IdPlan.Query(CARD_NIDS + "c.odid = ?", List.of(7L, 5L)))),
                        new IdPlan.WithCard(tagsOnly(TAG_X, List.of(7L, " x ", " x::"))))),
                p);
    }

    @Test
    void andOfCardAndNoteTermsIsTheIntersection() {
        IdPlan p = plan("is:new -tag:x");
        assertEquals(
                new IdPlan.Intersect(List.of(
                        new IdPlan.Query(CARD_NIDS + "c.ctype = 0", List.of(7L)),
                        tagsOnly("NOT " + TAG_X, List.of(7L, " x ", " x::")))),
                p);
    }

    @Test
    void searchesOfTheTagsAloneReadTheTagHeadIndex() {
        assertEquals(tagsOnly(TAG_X, List.of(7L, " x ", " x::")), plan("tag:x"));
        assertEquals(tagsOnly("NOT " + TAG_X, List.of(7L, " x ", " x::")), plan("-tag:X"));
        assertEquals(tagsOnly("LOWER(n.tags) = ''", List.of(7L)), plan("tag:none"));
        assertEquals(
                tagsOnly("(" + TAG_X + " OR NOT " + TAG_X + ")", List.of(7L, " x ", " x::", " y ", " y::")),
                plan("tag:x or -tag:y"));
        assertEquals(HEAD_X, TAG_X.replace("LOWER(n.tags)", "n.tags_head"));
        // a first-field search's id list probes the primary key instead
        assertNull(SqlWriter.notePlan(
                new SearchNode.And(List.of(new SearchNode.NoteIds(List.of(1L, 2L)), SearchParser.parse("tag:x"))),
                Fixtures.ctx(),
                false));
    }

    @Test
    void whatOneCardMustSatisfyTogetherStaysInOneStatement() {
        // two card terms: one card must match both
        IdPlan p = plan("is:new is:suspended tag:x");
        assertInstanceOf(IdPlan.Intersect.class, p);
        IdPlan.Query cards = (IdPlan.Query) ((IdPlan.Intersect) p).parts().get(0);
        assertEquals(CARD_NIDS + "(c.ctype = 0 AND c.queue = -1)", cards.sql());
        // NOT of a condition on card and note: the join
        IdPlan.Query join = (IdPlan.Query) plan("-(is:new tag:x)");
        assertEquals(
                "SELECT n.id FROM notes n JOIN cards c ON c.profile_id = n.profile_id AND c.nid = n.id"
                        + " WHERE n.profile_id = ? AND NOT (c.ctype = 0 AND " + TAG_X + ")",
                join.sql());
    }

    @Test
    void minusRemovesAndAShortResultNarrowsTheNextStatement() {
        assertArrayEquals(new long[] {1, 4}, IdSets.minus(new long[] {1, 2, 3, 4}, new long[] {0, 2, 3, 5}));
        assertArrayEquals(new long[] {}, IdSets.minus(new long[] {}, new long[] {1}));
        assertArrayEquals(new long[] {1, 2}, IdSets.minus(new long[] {1, 2}, new long[] {}));
        Map<String, long[]> db = Map.of("a", new long[] {1, 2, 3, 4}, "b", new long[] {3, 4, 5}, "big", new long[0]);
        List<String> narrowed = new ArrayList<>();
        IdPlan.Source source = new IdPlan.Source() {
            @Override
            public long[] query(IdPlan.Query q, long[] within) {
                if (within == null) {
                    return db.get(q.sql());
                }
                narrowed.add(q.sql() + java.util.Arrays.toString(within));
                // a source reads only what it is asked for
                return IdSets.intersect(db.get(q.sql()), within);
            }

            @Override
            public long[] withCard(long[] notes) {
                return notes;
            }
        };
        IdPlan a = new IdPlan.Query("a", List.of());
        IdPlan b = new IdPlan.Query("b", List.of());
        assertEquals(List.of(1L, 2L), new IdPlan.Minus(a, b).run(source));
        assertEquals(List.of("b[1, 2, 3, 4]"), narrowed);
        narrowed.clear();
        assertEquals(List.of(3L, 4L), new IdPlan.Intersect(List.of(a, b)).run(source));
        assertEquals(List.of("b[1, 2, 3, 4]"), narrowed);
        // an empty side ends an AND, and nothing is subtracted from nothing
        narrowed.clear();
        IdPlan empty = new IdPlan.Query("big", List.of());
        assertEquals(List.of(), new IdPlan.Minus(new IdPlan.Intersect(List.of(empty, a)), b).run(source));
        assertEquals(List.of(), narrowed);
        // more than NARROW ids found: the next statement reads everything
        long[] many = new long[IdPlan.NARROW + 1];
        for (int i = 0; i < many.length; i++) many[i] = i;
        IdPlan.Source wide = new IdPlan.Source() {
            @Override
            public long[] query(IdPlan.Query q, long[] within) {
                assertEquals(null, within, q.sql());
                return q.sql().equals("many") ? many : new long[] {5, IdPlan.NARROW + 7};
            }

            @Override
            public long[] withCard(long[] notes) {
                return notes;
            }
        };
        assertEquals(
                List.of(5L),
                new IdPlan.Intersect(List.of(new IdPlan.Query("many", List.of()), new IdPlan.Query("x", List.of())))
                        .run(wide));
    }

    private static final String POSTING = "SELECT t.nid FROM note_tags t WHERE t.profile_id = ? AND t.tag_key = ?";

    private static IdPlan pg(String q) {
        return SqlWriter.notePlan(SearchParser.parse(q), Fixtures.ctx(), true);
    }

    private static IdPlan.Query posting(String key) {
        return new IdPlan.Query(POSTING, List.of(7L, key));
    }

    @Test
    void postgresReadsTagsFromTheirPostingsNotesFirstAndSubtractsANegatedTag() {
        IdPlan.Minus m = assertInstanceOf(IdPlan.Minus.class, pg("deck:lang -tag:x"));
        assertEquals(posting("x"), m.remove());
        IdPlan.Union deck = assertInstanceOf(IdPlan.Union.class, m.from());
        assertEquals(
                new IdPlan.Query(CARD_NIDS + "c.did IN (?, ?, ?)", List.of(7L, 2L, 3L, 4L)),
                deck.parts().get(0));
        assertEquals(
                new IdPlan.Intersect(List.of(posting("x"), new IdPlan.Query(CARD_NIDS + "c.ctype = 0", List.of(7L)))),
                pg("tag:x is:new"));
        // the notes alone: tags from their postings, anything else one statement without ORDER BY
        assertEquals(posting("x"), pg("tag:x"));
        assertEquals(new IdPlan.Union(List.of(posting("x"), posting("y"))), pg("tag:x or tag:y"));
        assertEquals(new IdPlan.Minus(posting("x"), posting("y")), pg("tag:x -tag:y"));
        assertEquals(
                new IdPlan.Query(
                        "SELECT n.id FROM notes n WHERE n.profile_id = ? AND NOT n.id IN (" + POSTING + ")",
                        List.of(7L, 7L, "x")),
                pg("-tag:x"));
        IdPlan.Intersect text = assertInstanceOf(IdPlan.Intersect.class, pg("tag:x dog"));
        assertEquals(posting("x"), text.parts().get(0));
        assertInstanceOf(IdPlan.Query.class, text.parts().get(1));
        // a negated text next to a card condition is subtracted too; alone it stays in the statement
        assertInstanceOf(IdPlan.Minus.class, pg("is:new -dog"));
        assertInstanceOf(IdPlan.Query.class, pg("-dog"));
        // cards alone: the card ids of each branch
        assertEquals(
                new IdPlan.Query("SELECT c.id FROM cards c WHERE c.profile_id = ? AND c.ctype = 0", List.of(7L)),
                SqlWriter.cardPlan(SearchParser.parse("is:new"), Fixtures.ctx()));
        assertNull(SqlWriter.cardPlan(SearchParser.parse("is:new tag:x"), Fixtures.ctx()));
    }

    @Test
    void randomQueriesPlanWithoutErrorsAndEveryStatementHasItsParameters() {
        for (boolean postgres : new boolean[] {false, true}) {
            randomQueries(postgres);
        }
    }

    private static void randomQueries(boolean postgres) {
        Random random = new Random(13);
        int planned = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) q.append(SearchFuzzTest.PIECES[random.nextInt(SearchFuzzTest.PIECES.length)]);
            try {
                IdPlan p = SqlWriter.notePlan(SearchParser.parse(q.toString()), Fixtures.ctx(), postgres);
                if (p != null) {
                    checkParams(p, q.toString());
                    planned++;
                }
            } catch (SearchSyntaxException expected) {
                // fine: a malformed query
            } catch (RuntimeException e) {
                fail("query <" + q + "> threw " + e, e);
            }
        }
        if (planned < 200) fail("only " + planned + " queries planned");
    }

    private static void checkParams(IdPlan p, String q) {
        if (p instanceof IdPlan.Query x) {
            assertEquals(
                    x.sql().chars().filter(ch -> ch == '?').count(), x.params().size(), q);
        } else if (p instanceof IdPlan.WithCard w) {
            checkParams(w.notes(), q);
        } else if (p instanceof IdPlan.Union u) {
            u.parts().forEach(k -> checkParams(k, q));
        } else if (p instanceof IdPlan.Minus m) {
            checkParams(m.from(), q);
            checkParams(m.remove(), q);
        } else {
            ((IdPlan.Intersect) p).parts().forEach(k -> checkParams(k, q));
        }
    }
}
