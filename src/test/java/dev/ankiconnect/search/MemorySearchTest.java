package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Searches over an in-memory collection (no database): the meaning must be that of the SQL {@link SqlWriter}
 * writes, which the query table ITs check end to end in both forms.
 */
class MemorySearchTest {

    private static final String SEP = "\u001f";

    /** Notes 100-105 (ids deliberately added out of order), their cards 1000+. */
    static CollectionSnapshot snapshot() {
        CollectionSnapshot.Builder b = CollectionSnapshot.builder(3);
        b.note(
                103,
                12,
                50,
                " geo ",
                "The {{c1::capital}} of {{c2::France}}",
                "The {{c1::capital}} of {{c2::France}}" + SEP);
        b.note(100, 10, 10, " animal French::noun ", "chat", "chat" + SEP + "cat <b>animal</b>");
        b.note(101, 10, 20, " Animal::Wild ", "Hund", "Hund" + SEP + "DOG");
        b.note(102, 11, 30, "", "apple", "apple" + SEP + "pomme" + SEP + "");
        b.note(104, 10, 60, " leech ", "café", "café" + SEP + "Coffee");
        // card(id, nid, did, odid, ord, ctype, queue, due, odue, ivl, factor, reps, lapses, flags, data)
        b.card(1005, 104, 1, 0, 0, 2, 2, 90, 0, 30, 2500, 5, 0, 0, "");
        b.card(1000, 100, 3, 0, 0, 0, -1, 1, 0, 0, 0, 0, 0, 0, "");
        b.card(1001, 101, 4, 0, 0, 2, 2, 100, 0, 12, 2500, 3, 1, 1, "");
        b.card(1002, 102, 2, 0, 0, 1, 1, 1, 0, 0, 2500, 1, 0, 0, "");
        b.card(1003, 102, 6, 2, 1, 0, 0, 7, 0, 0, 0, 0, 0, 4, "");
        b.card(1004, 103, 5, 0, 0, 2, 2, 101, 0, 3, 2700, 7, 2, 0, "");
        b.card(1006, 103, 5, 0, 1, 0, 0, 8, 0, 0, 0, 0, 0, 0, "");
        b.card(1999, 999, 1, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, "");
        return b.build();
    }

    private static List<Long> notes(String query) {
        return MemorySearch.find(query, Fixtures.ctx(), Target.NOTES, snapshot(), q -> Set.of(1001L, 1004L));
    }

    private static List<Long> cards(String query) {
        return MemorySearch.find(query, Fixtures.ctx(), Target.CARDS, snapshot(), q -> Set.of(1001L, 1004L));
    }

    private static List<Long> ids(long... ids) {
        List<Long> out = new ArrayList<>();
        for (long id : ids) out.add(id);
        return out;
    }

    @Test
    void emptyQueryGivesEverythingInIdOrder_cardsWithoutANoteLeftOut() {
        assertEquals(ids(100, 101, 102, 103, 104), notes(""));
        assertEquals(ids(1000, 1001, 1002, 1003, 1004, 1005, 1006), cards(""));
    }

    @Test
    void plainTextFoldsAsciiCaseOnly() {
        assertEquals(ids(101), notes("dog"));
        assertEquals(ids(104), notes("Café"));
        assertEquals(List.of(), notes("CAFÉ"));
        assertEquals(ids(100), notes("<b>anim"));
        assertEquals(ids(100), notes("animal"), "field text only, not tags");
    }

    @Test
    void wildcardTextUsesAnkisRules() {
        assertEquals(ids(100, 103), notes("c*t"));
        assertEquals(ids(102), notes("p_mme"));
    }

    @Test
    void tagsMatchWholeNamesAndTheirChildren() {
        assertEquals(ids(100, 101), notes("tag:animal"));
        assertEquals(ids(100), notes("tag:french"));
        assertEquals(ids(102), notes("tag:none"));
        assertEquals(ids(101), notes("tag:animal::w*"));
        assertEquals(ids(100, 101, 103, 104), notes("-tag:none"));
    }

    @Test
    void decksIncludeChildrenAndHomeDecksOfFilteredCards() {
        assertEquals(ids(100, 101, 102), notes("deck:Lang"));
        assertEquals(ids(1000, 1001, 1002, 1003), cards("deck:Lang"));
        assertEquals(ids(1003), cards("deck:filtered"));
        assertEquals(ids(1000, 1001), cards("deck:current"));
    }

    @Test
    void aNoteMatchesWhenOneOfItsCardsDoes() {
        assertEquals(ids(100, 102, 103), notes("is:new"));
        assertEquals(ids(101, 102, 103, 104), notes("-is:suspended"));
        assertEquals(ids(102, 103), notes("is:new -card:1"), "notes 102 and 103 have a new second card");
        assertEquals(ids(1003, 1006), cards("is:new -card:1"));
    }

    @Test
    void cardStatesAndProperties() {
        assertEquals(ids(1001, 1002, 1005), cards("is:due"));
        assertEquals(ids(1001, 1005), cards("prop:ivl>10"));
        assertEquals(ids(1004), cards("prop:ease=2.7"));
        assertEquals(ids(1004), cards("prop:lapses=2 prop:reps>=7"));
        assertEquals(ids(1001), cards("flag:1"));
        assertEquals(ids(1003), cards("flag:4"));
        assertEquals(ids(1003, 1006), cards("prop:pos>5"));
        assertEquals(ids(1000), cards("is:suspended"));
    }

    @Test
    void noteTypesFieldsAndIds() {
        assertEquals(ids(100, 101, 104), notes("note:Basic"));
        assertEquals(ids(101), notes("back:dog"));
        assertEquals(ids(100, 104), notes("front:c*"));
        assertEquals(ids(1003), cards("card:2 note:Basic*"));
        assertEquals(ids(100, 104), notes("nid:104,100"));
        assertEquals(ids(1002, 1003), cards("nid:102"));
        assertEquals(ids(103, 104), notes("edited:1 OR mid:12 OR nid:104"));
    }

    @Test
    void revlogTermsAskTheDatabaseForTheirCards() {
        assertEquals(ids(1001, 1004), cards("rated:1"));
        assertEquals(ids(101, 103), notes("rated:1"));
        assertEquals(ids(1004), cards("rated:1 deck:Other"));
    }

    @Test
    void orAndNegationCombine() {
        assertEquals(ids(100, 102, 104), notes("chat OR tag:none OR tag:leech"));
        assertEquals(ids(100, 101), notes("deck:Lang -deck:Default -note:Basic*reversed*"));
        assertEquals(ids(100, 101, 102, 103, 104), notes("dog OR -dog"));
    }

    @Test
    void badRegexIsASearchError() {
        assertThrows(SearchSyntaxException.class, () -> notes("re:("));
    }
}
