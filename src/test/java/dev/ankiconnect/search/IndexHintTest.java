package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.search.run.NoteSearch;
import org.junit.jupiter.api.Test;

/** Which compiled searches get Derby's override for the covering card index (NoteSearch.withIndexHint). */
class IndexHintTest {

    private static String hinted(String query, Target target) {
        return NoteSearch.withIndexHint(
                SqlWriter.compile(query, Fixtures.ctx(), target).sql());
    }

    @Test
    void cardsOnlySearchesOnIndexedColumnsScanTheCoveringIndex() {
        assertEquals(
                "SELECT c.id FROM cards c --DERBY-PROPERTIES index=ix_cards_search\n WHERE c.profile_id = ? AND "
                        + "c.ivl > ? ORDER BY c.id",
                hinted("prop:ivl>10", Target.CARDS));
        // each SELECT of a UNION on its own; a home deck reads ix_cards_odid
        String search =
                "SELECT c.nid FROM cards c --DERBY-PROPERTIES index=ix_cards_search\n WHERE c.profile_id = ? AND ";
        String odid = "SELECT c.nid FROM cards c --DERBY-PROPERTIES index=ix_cards_odid\n WHERE c.profile_id = ? AND ";
        assertEquals(
                search + "c.did = ? UNION " + search + "c.did = ? UNION " + odid + "c.odid = ? UNION " + odid
                        + "c.odid = ? ORDER BY 1",
                hinted("deck:Lang::French", Target.NOTES));
        assertEquals(
                "SELECT DISTINCT c.nid FROM cards c --DERBY-PROPERTIES index=ix_cards_search\n WHERE "
                        + "c.profile_id = ? AND NOT c.ctype = ? ORDER BY c.nid".replace("c.ctype = ?", "c.ctype = 0"),
                hinted("-is:new", Target.NOTES));
    }

    @Test
    void otherColumnsJoinsAndSubQueriesKeepDerbysPlan() {
        String reps =
                SqlWriter.compile("prop:reps>1", Fixtures.ctx(), Target.CARDS).sql();
        assertEquals(reps, NoteSearch.withIndexHint(reps));
        String joined = SqlWriter.compile("deck:Lang::French tag:x", Fixtures.ctx(), Target.CARDS)
                .sql();
        assertEquals(joined, NoteSearch.withIndexHint(joined));
        String rated =
                SqlWriter.compile("rated:1", Fixtures.ctx(), Target.CARDS).sql();
        assertEquals(rated, NoteSearch.withIndexHint(rated));
        String notes = SqlWriter.compile("tag:x", Fixtures.ctx(), Target.NOTES).sql();
        assertEquals(notes, NoteSearch.withIndexHint(notes));
    }
}
