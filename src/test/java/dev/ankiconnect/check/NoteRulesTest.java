package dev.ankiconnect.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.card.CardRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Check Database's note rules: field counts (Anki's fix_field_count) and the cards a note loses. */
class NoteRulesTest {

    @Test
    void surplusFieldsAreJoinedIntoTheLastOne() {
        assertArrayEquals(new String[] {"a", "b; c; d"}, NoteRules.fixFieldCount(new String[] {"a", "b", "c", "d"}, 2));
        assertArrayEquals(new String[] {"a; "}, NoteRules.fixFieldCount(new String[] {"a", ""}, 1));
    }

    @Test
    void missingFieldsAreAddedEmpty() {
        assertArrayEquals(new String[] {"a", "", ""}, NoteRules.fixFieldCount(new String[] {"a"}, 3));
        assertArrayEquals(new String[] {"a", "b"}, NoteRules.fixFieldCount(new String[] {"a", "b"}, 2));
    }

    static CardRow card(long id, int ord) {
        CardRow c = new CardRow();
        c.id = id;
        c.ord = ord;
        return c;
    }

    @Test
    void duplicateOrdinalsAndOrdinalsWithoutTemplateGo() {
        List<CardRow> cards = List.of(card(1, 0), card(2, 1), card(3, 0), card(4, 5));
        NoteRules.Removals r = NoteRules.removals(cards, false, 2);
        assertEquals(List.of(3L), r.duplicateOrdinals().stream().map(c -> c.id).toList());
        assertEquals(List.of(4L), r.missingTemplates().stream().map(c -> c.id).toList());
        assertEquals(List.of(1L, 2L), r.kept().stream().map(c -> c.id).toList());
    }

    @Test
    void clozeCardsAreNeverRemovedForTheirNumber() {
        List<CardRow> cards = List.of(card(1, 0), card(2, 7), card(3, 7));
        NoteRules.Removals r = NoteRules.removals(cards, true, 1);
        assertEquals(List.of(3L), r.duplicateOrdinals().stream().map(c -> c.id).toList());
        assertEquals(List.of(), r.missingTemplates());
        assertEquals(List.of(1L, 2L), r.kept().stream().map(c -> c.id).toList());
    }
}
