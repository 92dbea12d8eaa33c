package dev.ankiconnect.note;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.note.DuplicateRule.State;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.text.NoteText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The empty/duplicate rule of PROTOCOL 10 on notes held in memory (the database only supplies candidates). */
class DuplicateIndexTest {

    static final ModelInfo BASIC = StockModels.byName("Basic");
    static final ModelInfo REVERSED = StockModels.byName("Basic (and reversed card)");
    static final ModelInfo CLOZE = StockModels.byName("Cloze");
    static final long DECK = 10;
    static final long CHILD = 11;
    static final long OTHER = 20;
    static final Map<String, Long> DECKS = Map.of("Deck", DECK, "Deck::Child", CHILD, "Other", OTHER);

    private static NewNote note(ModelInfo m, long deck, DuplicateOptions o, String... fields) {
        String[] f = new String[m.fieldCount()];
        for (int i = 0; i < f.length; i++) {
            f[i] = i < fields.length ? fields[i] : "";
        }
        return new NewNote(m, deck, "Deck", f, List.of(), o);
    }

    private static DuplicateIndex index(ModelInfo m, String first, long... dids) {
        DuplicateIndex index = new DuplicateIndex();
        Set<Long> set = new java.util.HashSet<>();
        for (long d : dids) {
            set.add(d);
        }
        index.addPending(1, m.id(), NoteText.fieldChecksum(first), first, set);
        return index;
    }

    private static State check(DuplicateIndex index, NewNote n) {
        return index.check(n, DECKS::get, d -> d == DECK ? Set.of(DECK, CHILD) : Set.of(d));
    }

    @Test
    void defaultPath_sameTypeSameStrippedTextIsADuplicate() {
        DuplicateIndex index = index(BASIC, "<b>word</b>", OTHER);
        assertEquals(State.DUPLICATE, check(index, note(BASIC, DECK, DuplicateOptions.DEFAULT, "word")));
        assertEquals(State.NORMAL, check(index, note(BASIC, DECK, DuplicateOptions.DEFAULT, "Word")));
        assertEquals(State.NORMAL, check(index, note(REVERSED, DECK, DuplicateOptions.DEFAULT, "word")));
    }

    @Test
    void defaultPath_emptyAndClozeStates() {
        DuplicateIndex index = new DuplicateIndex();
        assertEquals(State.EMPTY, check(index, note(BASIC, DECK, DuplicateOptions.DEFAULT, " <br> ", "back")));
        assertEquals(State.MISSING_CLOZE, check(index, note(CLOZE, DECK, DuplicateOptions.DEFAULT, "no cloze")));
        assertEquals(
                State.FIELD_NOT_CLOZE,
                check(index, note(CLOZE, DECK, DuplicateOptions.DEFAULT, "{{c1::a}}", "{{c2::b}}")));
        assertEquals(State.NOTETYPE_NOT_CLOZE, check(index, note(BASIC, DECK, DuplicateOptions.DEFAULT, "{{c1::a}}")));
        assertEquals(State.NORMAL, check(index, note(CLOZE, DECK, DuplicateOptions.DEFAULT, "{{c1::a}}")));
        // c0 is not a cloze
        assertEquals(State.NORMAL, check(index, note(BASIC, DECK, DuplicateOptions.DEFAULT, "{{c0::a}}")));
    }

    @Test
    void deckScope_countsOnlyCandidatesWithACardInTheScope() {
        DuplicateOptions deck = new DuplicateOptions(false, true, null, false, false);
        DuplicateOptions children = new DuplicateOptions(false, true, null, true, false);
        DuplicateIndex inChild = index(BASIC, "word", CHILD);
        assertEquals(State.NORMAL, check(inChild, note(BASIC, DECK, deck, "word")));
        assertEquals(State.DUPLICATE, check(inChild, note(BASIC, DECK, children, "word")));
        assertEquals(State.DUPLICATE, check(inChild, note(BASIC, CHILD, deck, "word")));
        DuplicateOptions named = new DuplicateOptions(false, true, "Deck::Child", false, false);
        assertEquals(State.DUPLICATE, check(inChild, note(BASIC, OTHER, named, "word")));
        DuplicateOptions missing = new DuplicateOptions(false, true, "No such deck", false, false);
        assertEquals(State.NORMAL, check(inChild, note(BASIC, CHILD, missing, "word")));
    }

    @Test
    void scopedPath_blankIsEmpty_checksumsOnly_andCheckAllModels() {
        DuplicateOptions allModels = new DuplicateOptions(false, false, null, false, true);
        DuplicateIndex index = index(REVERSED, "word", OTHER);
        assertEquals(State.DUPLICATE, check(index, note(BASIC, DECK, allModels, "<i>word</i>")));
        assertEquals(State.EMPTY, check(index, note(BASIC, DECK, allModels, " \n ")));
        // only whitespace is blank on this path; an empty tag is not
        assertEquals(State.NORMAL, check(index, note(BASIC, DECK, allModels, "<br>")));
        DuplicateOptions deck = new DuplicateOptions(false, true, null, false, false);
        assertEquals(State.NORMAL, check(index, note(BASIC, OTHER, deck, "word")));
    }

    @Test
    void messages() {
        assertEquals(null, DuplicateRule.message(State.NORMAL, false));
        assertEquals("cannot create note because it is empty", DuplicateRule.message(State.EMPTY, true));
        assertEquals("cannot create note because it is a duplicate", DuplicateRule.message(State.DUPLICATE, false));
        assertEquals(null, DuplicateRule.message(State.DUPLICATE, true));
        assertEquals("cannot create note for unknown reason", DuplicateRule.message(State.MISSING_CLOZE, true));
    }
}
