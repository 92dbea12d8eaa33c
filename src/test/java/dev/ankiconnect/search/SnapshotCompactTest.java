package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link CollectionSnapshot} does not hold twice: a sort field that is the first field, equal tag strings,
 * empty card data; and type, queue and flag narrowed to what search tells apart.
 */
class SnapshotCompactTest {

    private static final String SEP = "\u001f";

    private static CollectionSnapshot snapshot() {
        CollectionSnapshot.Builder b = CollectionSnapshot.builder(1);
        b.note(1, 10, 0, new String(" Verb a "), "word", "word" + SEP + "back");
        b.note(2, 10, 0, new String(" Verb a "), "bold", "<b>bold</b>" + SEP + "back");
        b.note(3, 10, 0, "", "only", "only");
        b.note(4, 10, 0, null, "", "");
        b.note(5, 10, 0, null, "back", "front" + SEP + "back");
        b.card(11, 1, 7, 0, 0, 2, 2, 5, 0, 3, 2500, 1, 0, 9, new String(""));
        b.card(12, 2, 7, 8, 0, 300, -300, 5, 0, 3, 2500, 1, 0, -3, null);
        b.card(13, 3, 8, 0, 1, 0, 0, 5, 0, 3, 2500, 1, 0, 0, "{\"pos\":1}");
        return b.build();
    }

    @Test
    void sortFieldThatIsTheFirstFieldIsNotHeldTwice() {
        CollectionSnapshot s = snapshot();
        assertNull(s.sfld[0]);
        assertNull(s.sfldFolded[0]);
        assertEquals("word", s.sfld(0));
        assertNotNull(s.sfld[1]);
        assertEquals("bold", s.sfld(1));
        assertNull(s.sfld[2]);
        assertEquals("only", s.sfld(2));
        assertEquals("", s.sfld(3));
        assertEquals("back", s.sfld(4));
        // text search reads it all the same
        assertEquals(List.of(1L), MemorySearch.find("word", Fixtures.ctx(), Target.NOTES, s, q -> java.util.Set.of()));
        assertEquals(List.of(2L), MemorySearch.find("bold", Fixtures.ctx(), Target.NOTES, s, q -> java.util.Set.of()));
    }

    @Test
    void equalTagsAndEmptyDataShareOneString() {
        CollectionSnapshot s = snapshot();
        assertSame(s.tags[0], s.tags[1]);
        assertSame(s.data[0], s.data[1]);
        assertEquals("{\"pos\":1}", s.data[2]);
    }

    @Test
    void typeQueueAndFlagKeepWhatSearchReads() {
        CollectionSnapshot s = snapshot();
        assertEquals(2, s.ctype[0]);
        assertEquals(Byte.MAX_VALUE, s.ctype[1]);
        assertEquals(Byte.MIN_VALUE, s.queue[1]);
        assertEquals(1, s.flags[0]);
        assertEquals(-3, s.flags[1]);
        assertEquals(0, s.decks[0]);
        assertEquals(8, s.decks[s.odeckOf[1]]);
        assertEquals(
                List.of(12L),
                MemorySearch.find("deck:filtered", Fixtures.ctx(), Target.CARDS, s, q -> java.util.Set.of()));
        assertEquals(
                List.of(11L), MemorySearch.find("flag:1", Fixtures.ctx(), Target.CARDS, s, q -> java.util.Set.of()));
    }
}
