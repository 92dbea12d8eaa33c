package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link CollectionSnapshot#withChanges}: a snapshot caught up through many rounds of mixed changes (adds, edits,
 * deletes, deletes then re-adds of the same id, deck moves, tag edits, reviews, suspensions, cards whose note is
 * missing) holds exactly what a snapshot built from the resulting rows holds, and answers every query alike.
 */
class SnapshotDeltaTest {

    private static final String SEP = "\u001f";
    private static final String[] TAGS = {
        "", " geo ", " animal French::noun ", " Animal::Wild ", " leech ", " Verb ", " chapter1 leech ", " ÉTÉ "
    };
    private static final String[] WORDS = {
        "chat", "Hund", "DOG", "apple", "café", "The {{c1::capital}}", "<b>bold</b>", "Émile", "word"
    };
    private static final long[] DECKS = {1, 2, 3, 4, 5, 6, 8, 9};

    private record Note(long id, long mid, long mtime, String tags, String sfld, String flds) {}

    private record Card(
            long id,
            long nid,
            long did,
            long odid,
            int ord,
            int ctype,
            int queue,
            long due,
            long odue,
            int ivl,
            int factor,
            int reps,
            int lapses,
            int flags,
            String data) {}

    private final Random random = new Random(13);
    private final TreeMap<Long, Note> notes = new TreeMap<>();
    private final TreeMap<Long, Card> cards = new TreeMap<>();
    private long nextId = 1000;

    private Note randomNote(long id) {
        String first = WORDS[random.nextInt(WORDS.length)];
        String flds = first + SEP + WORDS[random.nextInt(WORDS.length)] + " " + random.nextInt(50);
        // the sort field as Anki stores it, without HTML: mostly the first field itself, not for "<b>bold</b>"
        return new Note(
                id,
                10 + random.nextInt(3),
                random.nextInt(100),
                TAGS[random.nextInt(TAGS.length)],
                first.replaceAll("<[^>]*>", ""),
                flds);
    }

    private Card randomCard(long id, long nid) {
        int ctype = random.nextInt(4);
        return new Card(
                id,
                nid,
                DECKS[random.nextInt(DECKS.length)],
                random.nextInt(5) == 0 ? 2 : 0,
                random.nextInt(2),
                ctype,
                random.nextInt(6) - 3,
                random.nextInt(200),
                0,
                random.nextInt(40),
                2500,
                random.nextInt(9),
                random.nextInt(3),
                random.nextInt(8),
                random.nextInt(4) == 0 ? "{\"s\":1,\"d\":2}" : "");
    }

    private void addNote() {
        long id = nextId++;
        notes.put(id, randomNote(id));
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            long cid = nextId++;
            cards.put(cid, randomCard(cid, id));
        }
    }

    private static CollectionSnapshot.Builder builder(long gen, Iterable<Note> ns, Iterable<Card> cs) {
        CollectionSnapshot.Builder b = CollectionSnapshot.builder(gen);
        ns.forEach(n -> b.note(n.id(), n.mid(), n.mtime(), n.tags(), n.sfld(), n.flds()));
        cs.forEach(c -> b.card(
                c.id(),
                c.nid(),
                c.did(),
                c.odid(),
                c.ord(),
                c.ctype(),
                c.queue(),
                c.due(),
                c.odue(),
                c.ivl(),
                c.factor(),
                c.reps(),
                c.lapses(),
                c.flags(),
                c.data()));
        return b;
    }

    @Test
    void caughtUpThroughMixedChangesEqualsAFreshBuild() {
        for (int i = 0; i < 300; i++) {
            addNote();
        }
        // a card whose note does not exist: left out of both
        cards.put(999L, randomCard(999, 5));
        CollectionSnapshot copy = builder(1, notes.values(), cards.values()).build();
        for (int round = 2; round < 120; round++) {
            Map<Long, Note> changedNotes = new TreeMap<>();
            Map<Long, Card> changedCards = new TreeMap<>();
            List<Long> goneNotes = new ArrayList<>();
            List<Long> goneCards = new ArrayList<>();
            int changes = 1 + random.nextInt(round % 10 == 0 ? 60 : 6);
            for (int k = 0; k < changes; k++) {
                List<Long> noteIds = new ArrayList<>(notes.keySet());
                List<Long> cardIds = new ArrayList<>(cards.keySet());
                switch (random.nextInt(8)) {
                    case 0 -> { // addNote(s)
                        long before = nextId;
                        addNote();
                        for (long id = before; id < nextId; id++) {
                            if (notes.containsKey(id)) changedNotes.put(id, notes.get(id));
                            if (cards.containsKey(id)) changedCards.put(id, cards.get(id));
                        }
                    }
                    case 1 -> { // deleteNotes: the note and its cards get graves
                        long id = noteIds.get(random.nextInt(noteIds.size()));
                        notes.remove(id);
                        changedNotes.remove(id);
                        goneNotes.add(id);
                        for (Card c : new ArrayList<>(cards.values())) {
                            if (c.nid() == id) {
                                cards.remove(c.id());
                                changedCards.remove(c.id());
                                goneCards.add(c.id());
                            }
                        }
                    }
                    case 2 -> { // updateNoteFields
                        long id = noteIds.get(random.nextInt(noteIds.size()));
                        Note n = notes.get(id);
                        Note edited =
                                new Note(id, n.mid(), n.mtime() + 1, n.tags(), "edited" + k, "edited" + k + SEP + "x");
                        notes.put(id, edited);
                        changedNotes.put(id, edited);
                    }
                    case 3 -> { // addTags / removeTags
                        long id = noteIds.get(random.nextInt(noteIds.size()));
                        Note n = notes.get(id);
                        Note edited = new Note(
                                id,
                                n.mid(),
                                n.mtime() + 1,
                                TAGS[random.nextInt(TAGS.length)] + "t" + random.nextInt(5) + " ",
                                n.sfld(),
                                n.flds());
                        notes.put(id, edited);
                        changedNotes.put(id, edited);
                    }
                    case 4, 5 -> { // changeDeck, answerCards, suspend, setDueDate: a card row rewritten
                        long id = cardIds.get(random.nextInt(cardIds.size()));
                        Card c = cards.get(id);
                        Card changed = randomCard(id, c.nid());
                        cards.put(id, changed);
                        changedCards.put(id, changed);
                    }
                    case 6 -> { // a card deleted alone (deck deleted, template removed)
                        long id = cardIds.get(random.nextInt(cardIds.size()));
                        cards.remove(id);
                        changedCards.remove(id);
                        goneCards.add(id);
                    }
                    default -> { // a note deleted and added again with the same id (an import)
                        long id = noteIds.get(random.nextInt(noteIds.size()));
                        goneNotes.add(id);
                        Note again = randomNote(id);
                        notes.put(id, again);
                        changedNotes.put(id, again);
                    }
                }
            }
            CollectionSnapshot.Builder delta = builder(round, changedNotes.values(), changedCards.values());
            goneNotes.forEach(delta::goneNote);
            goneCards.forEach(delta::goneCard);
            CollectionSnapshot caught = copy.withChanges(delta);
            CollectionSnapshot fresh =
                    builder(round, notes.values(), cards.values()).build();
            same(fresh, caught);
            copy = caught;
        }
        negationFuzz(builder(0, notes.values(), cards.values()).build(), copy);
    }

    /**
     * SearchFuzzTest's 20,000 random queries on the caught-up copy: the same cards and notes as on the fresh one, and
     * each query and its negation split the cards exactly.
     */
    private static void negationFuzz(CollectionSnapshot fresh, CollectionSnapshot caught) {
        Random random = new Random(7);
        SearchContext ctx = Fixtures.ctx();
        List<Long> all = MemorySearch.find("", ctx, Target.CARDS, caught, q -> Set.of());
        int ran = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) q.append(SearchFuzzTest.PIECES[random.nextInt(SearchFuzzTest.PIECES.length)]);
            List<Long> hit;
            List<Long> miss;
            try {
                hit = MemorySearch.find(q.toString(), ctx, Target.CARDS, caught, x -> Set.of());
                miss = MemorySearch.find("-(" + q + ")", ctx, Target.CARDS, caught, x -> Set.of());
            } catch (SearchSyntaxException expected) {
                continue;
            }
            assertEquals(MemorySearch.find(q.toString(), ctx, Target.CARDS, fresh, x -> Set.of()), hit, q.toString());
            assertEquals(
                    MemorySearch.find(q.toString(), ctx, Target.NOTES, fresh, x -> Set.of()),
                    MemorySearch.find(q.toString(), ctx, Target.NOTES, caught, x -> Set.of()),
                    q.toString());
            java.util.TreeSet<Long> union = new java.util.TreeSet<>(hit);
            union.addAll(miss);
            assertEquals(hit.size() + miss.size(), union.size(), "<" + q + "> and its negation overlap");
            assertEquals(all, new ArrayList<>(union), "<" + q + "> and its negation miss cards");
            ran++;
        }
        assertTrue(ran > 5_000, "only " + ran + " queries ran");
    }

    /** The same rows, the same derived columns, the same answers. */
    private void same(CollectionSnapshot fresh, CollectionSnapshot caught) {
        assertEquals(fresh.generation(), caught.generation());
        assertArrayEquals(fresh.noteId, caught.noteId);
        assertArrayEquals(fresh.mid, caught.mid);
        assertArrayEquals(fresh.noteMtime, caught.noteMtime);
        assertArrayEquals(fresh.tags, caught.tags);
        assertArrayEquals(fresh.sfld, caught.sfld);
        assertArrayEquals(fresh.flds, caught.flds);
        assertArrayEquals(fresh.sfldFolded, caught.sfldFolded);
        assertArrayEquals(fresh.fldsFolded, caught.fldsFolded);
        for (int n = 0; n < caught.noteId.length; n++) {
            assertEquals(caught.tags[n].toLowerCase(java.util.Locale.ROOT), caught.tagSetLower[caught.tagSet[n]]);
            assertEquals(fresh.sfld(n), caught.sfld(n));
        }
        assertArrayEquals(fresh.cardId, caught.cardId);
        assertArrayEquals(fresh.cardNote, caught.cardNote);
        assertArrayEquals(fresh.ord, caught.ord);
        assertArrayEquals(fresh.ctype, caught.ctype);
        assertArrayEquals(fresh.queue, caught.queue);
        assertArrayEquals(fresh.due, caught.due);
        assertArrayEquals(fresh.odue, caught.odue);
        assertArrayEquals(fresh.ivl, caught.ivl);
        assertArrayEquals(fresh.factor, caught.factor);
        assertArrayEquals(fresh.reps, caught.reps);
        assertArrayEquals(fresh.lapses, caught.lapses);
        assertArrayEquals(fresh.flags, caught.flags);
        assertArrayEquals(fresh.data, caught.data);
        for (int c = 0; c < caught.cardId.length; c++) {
            assertEquals(fresh.decks[fresh.deckOf[c]], caught.decks[caught.deckOf[c]]);
            assertEquals(fresh.decks[fresh.odeckOf[c]], caught.decks[caught.odeckOf[c]]);
        }
        long drift = Math.abs(fresh.rowBytes() - caught.rowBytes());
        assertTrue(drift == 0, "estimated bytes of the rows differ by " + drift);
        // the caught-up copy may hold tag strings no note uses any more (until it interns them again)
        assertTrue(caught.estimatedBytes() - caught.rowBytes() >= fresh.estimatedBytes() - fresh.rowBytes());
        SearchContext ctx = Fixtures.ctx();
        for (String q : QUERIES) {
            for (Target t : Target.values()) {
                assertEquals(
                        MemorySearch.find(q, ctx, t, fresh, x -> Set.of()),
                        MemorySearch.find(q, ctx, t, caught, x -> Set.of()),
                        q + " " + t);
            }
        }
    }

    private static final String[] QUERIES = {
        "",
        "deck:Lang",
        "deck:Lang::French -deck:Lang::French::Verbs",
        "tag:animal",
        "tag:Animal::*",
        "tag:leech or tag:verb",
        "tag:none",
        "-tag:chapter1",
        "tag:t3",
        "chat",
        "dog",
        "café",
        "front:chat",
        "is:new",
        "is:due",
        "is:suspended",
        "is:buried",
        "is:review -is:learn",
        "prop:ivl>10",
        "flag:1",
        "card:2",
        "note:Basic",
        "note:Cloze tag:geo",
        "edited",
        "deck:filtered",
        "\"deck:Other\" (tag:leech or dog)",
        "-is:new -tag:leech",
        "has-cd:s",
        "mid:11",
        "é*"
    };
}
