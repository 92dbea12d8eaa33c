package dev.ankiconnect.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The searchable columns of one collection at one moment, held in the JVM as arrays: every note (id, notetype,
 * modification time, tags, sort field, fields) and every card (the columns Anki's search reads), both ordered
 * by id. Immutable once built, so any number of searches may read it at once. {@link MemorySearch} answers
 * findNotes / findCards from it without a database round trip per row.
 *
 * <p>{@code generation} is the collection's write counter at the time the rows were read; the owner compares it
 * with the database to know whether the snapshot is still current.
 */
public final class CollectionSnapshot {

    private static final boolean[] NO_FLAGS = new boolean[0];

    private final long generation;
    /** Estimated heap of the rows (see {@link #estimatedBytes()}): the same for the same rows, however they came. */
    private final long rowBytes;
    /** Estimated heap of the distinct tag strings held (each once, however many notes share it). */
    private final long tagBytes;
    /** Distinct tag strings at the last full intern: {@link #withChanges} adds sets, and interns all again past a quarter more. */
    private final int internedSets;

    final long[] noteId;
    final long[] mid;
    final long[] noteMtime;
    /** Each note's tags; notes with the same tags share one String. */
    final String[] tags;
    /**
     * Each note's index into {@link #tagSetLower}, the distinct tag strings of the collection lower-cased: a tag
     * term is tested once per distinct string, not once per note (a collection has far fewer).
     */
    final int[] tagSet;

    final String[] tagSetLower;
    /** The sort field; null when it is the first field of {@code flds} as it stands (see {@link #sfld(int)}). */
    final String[] sfld;

    final String[] flds;
    /**
     * {@code sfld} and {@code flds} with ASCII letters lower-cased (SQLite LIKE folding), shared when unchanged;
     * null where {@code sfld} is.
     */
    final String[] sfldFolded;

    final String[] fldsFolded;

    final long[] cardId;
    /** Index into the note arrays of each card's note. */
    final int[] cardNote;
    /**
     * Each card's deck and original deck as an index into {@link #decks}, the distinct deck ids of the cards (with
     * 0, "none", first): a deck term is decided once per deck, not once per card. The ids themselves are not kept
     * per card: {@code decks[deckOf[c]]} is the card's {@code did}.
     */
    final int[] deckOf;

    final int[] odeckOf;
    final long[] decks;
    final int[] ord;
    /** Type (0-3) and queue (-3 to 4) in a byte each; a value outside a byte's range is kept as its nearest end. */
    final byte[] ctype;

    final byte[] queue;
    final long[] due;
    final long[] odue;
    final int[] ivl;
    final int[] factor;
    final int[] reps;
    final int[] lapses;
    /** {@code flags % 8}, the flag: search reads nothing else of the column. */
    final byte[] flags;
    /** Card data; every empty one the same String. */
    final String[] data;

    private CollectionSnapshot(Builder b) {
        generation = b.generation;
        rowBytes = b.noteBytes + b.cardBytes;
        int n = b.notes;
        int[] byId = order(b.noteIds, n);
        noteId = new long[n];
        mid = new long[n];
        noteMtime = new long[n];
        tags = new String[n];
        sfld = new String[n];
        flds = new String[n];
        sfldFolded = new String[n];
        fldsFolded = new String[n];
        tagSet = new int[n];
        java.util.Map<String, Integer> distinct = new java.util.HashMap<>();
        List<String> distinctTags = new java.util.ArrayList<>();
        List<String> distinctLower = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = byId[i];
            noteId[i] = b.noteIds[k];
            mid[i] = b.mids[k];
            noteMtime[i] = b.noteMtimes[k];
            Integer set = distinct.get(b.tags[k]);
            if (set == null) {
                set = distinctTags.size();
                distinct.put(b.tags[k], set);
                distinctTags.add(b.tags[k]);
                distinctLower.add(b.tags[k].toLowerCase(Locale.ROOT));
            }
            tagSet[i] = set;
            tags[i] = distinctTags.get(set);
            sfld[i] = b.sflds[k];
            flds[i] = b.fldss[k];
            sfldFolded[i] = foldAscii(sfld[i]);
            fldsFolded[i] = foldAscii(flds[i]);
        }
        tagSetLower = distinctLower.toArray(new String[0]);
        internedSets = tagSetLower.length;
        tagBytes = tagBytes(distinctTags);
        // cards whose note is missing cannot match a search that joins notes; Anki has none, neither do we
        int[] cardsById = order(b.cardIds, b.cards);
        int kept = 0;
        int[] note = new int[b.cards];
        for (int i = 0; i < b.cards; i++) {
            int at = Arrays.binarySearch(noteId, b.cardNids[cardsById[i]]);
            note[i] = at;
            if (at >= 0) kept++;
        }
        cardId = new long[kept];
        cardNote = new int[kept];
        deckOf = new int[kept];
        odeckOf = new int[kept];
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        index.put(0L, 0);
        ord = new int[kept];
        ctype = new byte[kept];
        queue = new byte[kept];
        due = new long[kept];
        odue = new long[kept];
        ivl = new int[kept];
        factor = new int[kept];
        reps = new int[kept];
        lapses = new int[kept];
        flags = new byte[kept];
        data = new String[kept];
        int j = 0;
        for (int i = 0; i < b.cards; i++) {
            if (note[i] < 0) continue;
            int k = cardsById[i];
            cardId[j] = b.cardIds[k];
            cardNote[j] = note[i];
            int l = 4 * k;
            deckOf[j] = index.computeIfAbsent(b.cardLongs[l], d -> index.size());
            odeckOf[j] = index.computeIfAbsent(b.cardLongs[l + 1], d -> index.size());
            due[j] = b.cardLongs[l + 2];
            odue[j] = b.cardLongs[l + 3];
            int v = 8 * k;
            ord[j] = b.cardInts[v];
            ctype[j] = small(b.cardInts[v + 1]);
            queue[j] = small(b.cardInts[v + 2]);
            ivl[j] = b.cardInts[v + 3];
            factor[j] = b.cardInts[v + 4];
            reps[j] = b.cardInts[v + 5];
            lapses[j] = b.cardInts[v + 6];
            flags[j] = flag(b.cardInts[v + 7]);
            data[j] = b.cardData[k];
            j++;
        }
        decks = new long[index.size()];
        index.forEach((deck, i) -> decks[i] = deck);
    }

    /**
     * This snapshot with {@code delta} applied (see {@link #withChanges}): graves first, then the rows of
     * {@code delta} inserted or replacing the rows of the same ids. Rows of this snapshot are shared, not copied:
     * only the changed rows are folded and interned again, and the arrays are copied in one pass.
     */
    private CollectionSnapshot(CollectionSnapshot old, Builder d) {
        generation = d.generation;
        long bytes = old.rowBytes;
        // notes: the delta's rows in id order, then one merge pass over the old rows
        int dn = d.notes;
        int[] dOrder = order(d.noteIds, dn);
        long[] goneNotes = sortedUnique(d.goneNotes, d.goneNoteCount);
        int on = old.noteId.length;
        int[] oldToNew = new int[on];
        int cap = on + dn;
        long[] nId = new long[cap];
        long[] nMid = new long[cap];
        long[] nMtime = new long[cap];
        String[] nTags = new String[cap];
        int[] nTagSet = new int[cap];
        String[] nSfld = new String[cap];
        String[] nFlds = new String[cap];
        String[] nSfldF = new String[cap];
        String[] nFldsF = new String[cap];
        // distinct tag strings: the old ones, then those of the delta not seen among the delta or the rows replaced
        List<String> addedSets = new java.util.ArrayList<>();
        java.util.Map<String, Integer> newSets = new java.util.HashMap<>();
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < on || j < dn) {
            long oid = i < on ? old.noteId[i] : Long.MAX_VALUE;
            long did2 = j < dn ? d.noteIds[dOrder[j]] : Long.MAX_VALUE;
            if (i < on && (j >= dn || oid < did2)) {
                if (Arrays.binarySearch(goneNotes, oid) >= 0) {
                    oldToNew[i] = -1;
                    bytes -= old.noteBytes(i);
                } else {
                    oldToNew[i] = out;
                    nId[out] = oid;
                    nMid[out] = old.mid[i];
                    nMtime[out] = old.noteMtime[i];
                    nTags[out] = old.tags[i];
                    nTagSet[out] = old.tagSet[i];
                    nSfld[out] = old.sfld[i];
                    nFlds[out] = old.flds[i];
                    nSfldF[out] = old.sfldFolded[i];
                    nFldsF[out] = old.fldsFolded[i];
                    out++;
                }
                i++;
                continue;
            }
            // a row of the delta, new or replacing the old row of the same id
            int k = dOrder[j];
            int replaced = -1;
            if (i < on && oid == did2) {
                replaced = i;
                oldToNew[i] = out;
                bytes -= old.noteBytes(i);
                i++;
            }
            nId[out] = did2;
            nMid[out] = d.mids[k];
            nMtime[out] = d.noteMtimes[k];
            String tag = d.tags[k];
            if (replaced >= 0 && old.tags[replaced].equals(tag)) {
                nTags[out] = old.tags[replaced];
                nTagSet[out] = old.tagSet[replaced];
            } else {
                Integer set = newSets.get(tag);
                if (set == null) {
                    set = old.tagSetLower.length + addedSets.size();
                    newSets.put(tag, set);
                    addedSets.add(tag.toLowerCase(Locale.ROOT));
                }
                nTags[out] = tag;
                nTagSet[out] = set;
            }
            nSfld[out] = d.sflds[k];
            nFlds[out] = d.fldss[k];
            nSfldF[out] = foldAscii(d.sflds[k]);
            nFldsF[out] = foldAscii(d.fldss[k]);
            out++;
            j++;
        }
        bytes += d.noteBytes;
        noteId = Arrays.copyOf(nId, out);
        mid = Arrays.copyOf(nMid, out);
        noteMtime = Arrays.copyOf(nMtime, out);
        tags = Arrays.copyOf(nTags, out);
        sfld = Arrays.copyOf(nSfld, out);
        flds = Arrays.copyOf(nFlds, out);
        sfldFolded = Arrays.copyOf(nSfldF, out);
        fldsFolded = Arrays.copyOf(nFldsF, out);
        String[] sets = Arrays.copyOf(old.tagSetLower, old.tagSetLower.length + addedSets.size());
        for (int a = 0; a < addedSets.size(); a++) {
            sets[old.tagSetLower.length + a] = addedSets.get(a);
        }
        if (sets.length > 64 + old.internedSets + old.internedSets / 4) {
            // many tag strings added since the last full intern: intern them all again (sets no note uses dropped)
            java.util.Map<String, Integer> distinct = new java.util.HashMap<>();
            List<String> lower = new java.util.ArrayList<>();
            int[] set = new int[out];
            for (int n = 0; n < out; n++) {
                String t = tags[n];
                Integer at = distinct.get(t);
                if (at == null) {
                    at = lower.size();
                    distinct.put(t, at);
                    lower.add(sets[nTagSet[n]]);
                }
                set[n] = at;
            }
            tagSet = set;
            tagSetLower = lower.toArray(new String[0]);
            internedSets = tagSetLower.length;
            tagBytes = tagBytes(distinct.keySet());
        } else {
            tagSet = Arrays.copyOf(nTagSet, out);
            tagSetLower = sets;
            internedSets = old.internedSets;
            tagBytes = old.tagBytes + tagBytes(newSets.keySet());
        }

        // cards: the same merge; a kept card follows its note to the note's new position. Decks keep their positions
        // in the deck list, new deck ids are added after them.
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        for (int x = 0; x < old.decks.length; x++) {
            index.put(old.decks[x], x);
        }
        int dc = d.cards;
        int[] cOrder = order(d.cardIds, dc);
        long[] goneCards = sortedUnique(d.goneCards, d.goneCardCount);
        int oc = old.cardId.length;
        cap = oc + dc;
        long[] cId = new long[cap];
        int[] cNote = new int[cap];
        long[] cDue = new long[cap];
        long[] cOdue = new long[cap];
        int[] cOrd = new int[cap];
        byte[] cType = new byte[cap];
        byte[] cQueue = new byte[cap];
        int[] cIvl = new int[cap];
        int[] cFactor = new int[cap];
        int[] cReps = new int[cap];
        int[] cLapses = new int[cap];
        byte[] cFlags = new byte[cap];
        String[] cData = new String[cap];
        int[] cDeckOf = new int[cap];
        int[] cOdeckOf = new int[cap];
        i = 0;
        j = 0;
        out = 0;
        while (i < oc || j < dc) {
            long oid = i < oc ? old.cardId[i] : Long.MAX_VALUE;
            long nid2 = j < dc ? d.cardIds[cOrder[j]] : Long.MAX_VALUE;
            if (i < oc && (j >= dc || oid < nid2)) {
                int note = oldToNew[old.cardNote[i]];
                if (note < 0 || Arrays.binarySearch(goneCards, oid) >= 0) {
                    bytes -= old.cardBytes(i);
                } else {
                    cId[out] = oid;
                    cNote[out] = note;
                    cDue[out] = old.due[i];
                    cOdue[out] = old.odue[i];
                    cOrd[out] = old.ord[i];
                    cType[out] = old.ctype[i];
                    cQueue[out] = old.queue[i];
                    cIvl[out] = old.ivl[i];
                    cFactor[out] = old.factor[i];
                    cReps[out] = old.reps[i];
                    cLapses[out] = old.lapses[i];
                    cFlags[out] = old.flags[i];
                    cData[out] = old.data[i];
                    cDeckOf[out] = old.deckOf[i];
                    cOdeckOf[out] = old.odeckOf[i];
                    out++;
                }
                i++;
                continue;
            }
            if (i < oc && oid == nid2) {
                bytes -= old.cardBytes(i);
                i++;
            }
            int k = cOrder[j];
            j++;
            int note = Arrays.binarySearch(noteId, d.cardNids[k]);
            if (note < 0) {
                // as a full read: a card whose note is missing is left out
                continue;
            }
            cId[out] = nid2;
            cNote[out] = note;
            int l = 4 * k;
            cDue[out] = d.cardLongs[l + 2];
            cOdue[out] = d.cardLongs[l + 3];
            int v = 8 * k;
            cOrd[out] = d.cardInts[v];
            cType[out] = small(d.cardInts[v + 1]);
            cQueue[out] = small(d.cardInts[v + 2]);
            cIvl[out] = d.cardInts[v + 3];
            cFactor[out] = d.cardInts[v + 4];
            cReps[out] = d.cardInts[v + 5];
            cLapses[out] = d.cardInts[v + 6];
            cFlags[out] = flag(d.cardInts[v + 7]);
            cData[out] = d.cardData[k];
            cDeckOf[out] = index.computeIfAbsent(d.cardLongs[l], x -> index.size());
            cOdeckOf[out] = index.computeIfAbsent(d.cardLongs[l + 1], x -> index.size());
            out++;
        }
        bytes += d.cardBytes;
        cardId = Arrays.copyOf(cId, out);
        cardNote = Arrays.copyOf(cNote, out);
        due = Arrays.copyOf(cDue, out);
        odue = Arrays.copyOf(cOdue, out);
        ord = Arrays.copyOf(cOrd, out);
        ctype = Arrays.copyOf(cType, out);
        queue = Arrays.copyOf(cQueue, out);
        ivl = Arrays.copyOf(cIvl, out);
        factor = Arrays.copyOf(cFactor, out);
        reps = Arrays.copyOf(cReps, out);
        lapses = Arrays.copyOf(cLapses, out);
        flags = Arrays.copyOf(cFlags, out);
        data = Arrays.copyOf(cData, out);
        deckOf = Arrays.copyOf(cDeckOf, out);
        odeckOf = Arrays.copyOf(cOdeckOf, out);
        decks = new long[index.size()];
        index.forEach((deck, x) -> decks[x] = deck);
        rowBytes = bytes;
    }

    /**
     * This snapshot brought up to date with the changes in {@code delta} (its generation the result's): the ids of
     * deleted notes and cards ({@link Builder#goneNote}, {@link Builder#goneCard}), applied first, and the notes and
     * cards inserted or updated since, which replace rows of the same ids (so a deleted and re-added id survives).
     * A card follows its note; a card whose note is not there is left out, as in {@link Builder#build()}. This
     * snapshot is left as it was, for searches still reading it.
     */
    public CollectionSnapshot withChanges(Builder delta) {
        if (delta.notes == 0 && delta.cards == 0) {
            // only deletions (deleteNotes, a deck deleted with its cards): the runs between them copied as blocks
            return new CollectionSnapshot(
                    this,
                    delta.generation,
                    sortedUnique(delta.goneNotes, delta.goneNoteCount),
                    sortedUnique(delta.goneCards, delta.goneCardCount));
        }
        if (delta.goneNoteCount == 0 && delta.goneCardCount == 0) {
            // only rows that were there changed (an edit, a tag, a review, a suspension, a deck move): every row keeps
            // its position, so the arrays nothing changed in are shared and the others copied whole and patched
            // or rows were added after all others (ids are creation times: addNote(s)): then the arrays are copied
            // longer and the new rows put at their end
            long lastNote = noteId.length == 0 ? Long.MIN_VALUE : noteId[noteId.length - 1];
            long lastCard = cardId.length == 0 ? Long.MIN_VALUE : cardId[cardId.length - 1];
            int[] notePos = new int[delta.notes];
            long[] added = new long[delta.notes];
            int appended = 0;
            for (int k = 0; k < delta.notes; k++) {
                notePos[k] = Arrays.binarySearch(noteId, delta.noteIds[k]);
                if (notePos[k] < 0) {
                    if (delta.noteIds[k] <= lastNote) {
                        return new CollectionSnapshot(this, delta);
                    }
                    added[appended++] = delta.noteIds[k];
                }
            }
            Arrays.sort(added, 0, appended);
            int[] cardPos = new int[delta.cards];
            for (int k = 0; k < delta.cards; k++) {
                cardPos[k] = Arrays.binarySearch(cardId, delta.cardIds[k]);
                if (cardPos[k] < 0) {
                    // a new card, of a note there or added now
                    if (delta.cardIds[k] <= lastCard
                            || (Arrays.binarySearch(noteId, delta.cardNids[k]) < 0
                                    && Arrays.binarySearch(added, 0, appended, delta.cardNids[k]) < 0)) {
                        return new CollectionSnapshot(this, delta);
                    }
                } else if (noteId[cardNote[cardPos[k]]] != delta.cardNids[k]) {
                    return new CollectionSnapshot(this, delta);
                }
            }
            if (tagSetLower.length + delta.notes <= 64 + internedSets + internedSets / 4) {
                return new CollectionSnapshot(this, delta, notePos, cardPos);
            }
        }
        return new CollectionSnapshot(this, delta);
    }

    /** {@link #withChanges} of deletions alone: the ids of deleted notes and cards, sorted. */
    private CollectionSnapshot(CollectionSnapshot old, long generation, long[] goneNotes, long[] goneCards) {
        this.generation = generation;
        long bytes = old.rowBytes;
        tagBytes = old.tagBytes;
        int on = old.noteId.length;
        // each old note's new position, -1 when deleted
        int[] noteTo = null;
        int removedNotes = 0;
        for (long id : goneNotes) {
            int at = Arrays.binarySearch(old.noteId, id);
            if (at >= 0) {
                if (noteTo == null) {
                    noteTo = new int[on];
                }
                noteTo[at] = -1;
                removedNotes++;
                bytes -= old.noteBytes(at);
            }
        }
        int[] noteRuns = null;
        if (noteTo != null) {
            int next = 0;
            for (int n = 0; n < on; n++) {
                noteTo[n] = noteTo[n] < 0 ? -1 : next++;
            }
            noteRuns = runs(noteTo);
        }
        int n1 = on - removedNotes;
        noteId = keep(old.noteId, noteRuns, n1);
        mid = keep(old.mid, noteRuns, n1);
        noteMtime = keep(old.noteMtime, noteRuns, n1);
        tags = keep(old.tags, noteRuns, n1);
        tagSet = keep(old.tagSet, noteRuns, n1);
        sfld = keep(old.sfld, noteRuns, n1);
        flds = keep(old.flds, noteRuns, n1);
        sfldFolded = keep(old.sfldFolded, noteRuns, n1);
        fldsFolded = keep(old.fldsFolded, noteRuns, n1);
        tagSetLower = old.tagSetLower;
        internedSets = old.internedSets;
        // cards: those deleted, and those whose note was (a full read leaves them out too)
        int oc = old.cardId.length;
        int[] cardTo = new int[oc];
        for (long id : goneCards) {
            int at = Arrays.binarySearch(old.cardId, id);
            if (at >= 0) {
                cardTo[at] = -1;
            }
        }
        int next = 0;
        for (int c = 0; c < oc; c++) {
            if (cardTo[c] < 0 || (noteTo != null && noteTo[old.cardNote[c]] < 0)) {
                cardTo[c] = -1;
                bytes -= old.cardBytes(c);
            } else {
                cardTo[c] = next++;
            }
        }
        int c1 = next;
        int[] cardRuns = c1 == oc ? null : runs(cardTo);
        cardId = keep(old.cardId, cardRuns, c1);
        int[] notes = keep(old.cardNote, cardRuns, c1);
        if (noteTo != null) {
            notes = notes == old.cardNote ? notes.clone() : notes;
            for (int c = 0; c < c1; c++) {
                notes[c] = noteTo[notes[c]];
            }
        }
        cardNote = notes;
        deckOf = keep(old.deckOf, cardRuns, c1);
        odeckOf = keep(old.odeckOf, cardRuns, c1);
        decks = old.decks;
        ord = keep(old.ord, cardRuns, c1);
        ctype = keep(old.ctype, cardRuns, c1);
        queue = keep(old.queue, cardRuns, c1);
        due = keep(old.due, cardRuns, c1);
        odue = keep(old.odue, cardRuns, c1);
        ivl = keep(old.ivl, cardRuns, c1);
        factor = keep(old.factor, cardRuns, c1);
        reps = keep(old.reps, cardRuns, c1);
        lapses = keep(old.lapses, cardRuns, c1);
        flags = keep(old.flags, cardRuns, c1);
        data = keep(old.data, cardRuns, c1);
        rowBytes = bytes;
    }

    /** The kept runs of positions ({@code to[i] >= 0}) as start, end pairs. */
    private static int[] runs(int[] to) {
        int[] out = new int[8];
        int k = 0;
        int i = 0;
        while (i < to.length) {
            while (i < to.length && to[i] < 0) i++;
            int start = i;
            while (i < to.length && to[i] >= 0) i++;
            if (i > start) {
                if (k + 2 > out.length) out = Arrays.copyOf(out, 2 * out.length);
                out[k++] = start;
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** {@code src} itself when nothing was removed ({@code runs} null), else its kept runs copied as blocks. */
    @SuppressWarnings("unchecked")
    private static <A> A keep(A src, int[] runs, int length) {
        if (runs == null) {
            return src;
        }
        A out = (A) java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), length);
        int at = 0;
        for (int r = 0; r < runs.length; r += 2) {
            System.arraycopy(src, runs[r], out, at, runs[r + 1] - runs[r]);
            at += runs[r + 1] - runs[r];
        }
        return out;
    }

    /**
     * Gives the changed rows new to the copy (position -1 in {@code pos}) the positions after the {@code oldLength}
     * old ones, in id order; returns how many there are.
     */
    private static int appendAfter(int[] pos, long[] deltaIds, int count, int oldLength) {
        int added = 0;
        for (int k = 0; k < count; k++) {
            if (pos[k] < 0) added++;
        }
        if (added == 0) {
            return 0;
        }
        long[] ids = new long[added];
        int[] ks = new int[added];
        int a = 0;
        for (int k = 0; k < count; k++) {
            if (pos[k] < 0) {
                ids[a] = deltaIds[k];
                ks[a++] = k;
            }
        }
        int[] byId = order(ids, added);
        for (int x = 0; x < added; x++) {
            pos[ks[byId[x]]] = oldLength + x;
        }
        return added;
    }

    /**
     * {@link #withChanges} when every changed row was there before, at {@code notePos} / {@code cardPos}, or is new
     * with an id above all others (position -1): appended in id order.
     */
    private CollectionSnapshot(CollectionSnapshot old, Builder d, int[] notePos, int[] cardPos) {
        generation = d.generation;
        long bytes = old.rowBytes;
        boolean notes = d.notes > 0;
        // appended rows: their positions after the old ones, in id order
        int on = old.noteId.length;
        int newNotes = appendAfter(notePos, d.noteIds, d.notes, on);
        int n1 = on + newNotes;
        noteId = newNotes > 0 ? Arrays.copyOf(old.noteId, n1) : old.noteId;
        mid = notes ? Arrays.copyOf(old.mid, n1) : old.mid;
        noteMtime = notes ? Arrays.copyOf(old.noteMtime, n1) : old.noteMtime;
        tags = notes ? Arrays.copyOf(old.tags, n1) : old.tags;
        tagSet = notes ? Arrays.copyOf(old.tagSet, n1) : old.tagSet;
        sfld = notes ? Arrays.copyOf(old.sfld, n1) : old.sfld;
        flds = notes ? Arrays.copyOf(old.flds, n1) : old.flds;
        sfldFolded = notes ? Arrays.copyOf(old.sfldFolded, n1) : old.sfldFolded;
        fldsFolded = notes ? Arrays.copyOf(old.fldsFolded, n1) : old.fldsFolded;
        List<String> addedSets = new java.util.ArrayList<>();
        java.util.Map<String, Integer> newSets = new java.util.HashMap<>();
        for (int k = 0; k < d.notes; k++) {
            int n = notePos[k];
            if (n < on) {
                bytes -= old.noteBytes(n);
            } else {
                noteId[n] = d.noteIds[k];
            }
            mid[n] = d.mids[k];
            noteMtime[n] = d.noteMtimes[k];
            String tag = d.tags[k];
            if (n >= on || !old.tags[n].equals(tag)) {
                Integer set = newSets.get(tag);
                if (set == null) {
                    set = old.tagSetLower.length + addedSets.size();
                    newSets.put(tag, set);
                    addedSets.add(tag.toLowerCase(Locale.ROOT));
                }
                tags[n] = tag;
                tagSet[n] = set;
            }
            sfld[n] = d.sflds[k];
            flds[n] = d.fldss[k];
            sfldFolded[n] = foldAscii(d.sflds[k]);
            fldsFolded[n] = foldAscii(d.fldss[k]);
        }
        bytes += d.noteBytes;
        if (addedSets.isEmpty()) {
            tagSetLower = old.tagSetLower;
        } else {
            String[] sets = Arrays.copyOf(old.tagSetLower, old.tagSetLower.length + addedSets.size());
            for (int a = 0; a < addedSets.size(); a++) {
                sets[old.tagSetLower.length + a] = addedSets.get(a);
            }
            tagSetLower = sets;
        }
        internedSets = old.internedSets;
        tagBytes = old.tagBytes + tagBytes(newSets.keySet());
        boolean cards = d.cards > 0;
        int oc = old.cardId.length;
        int newCards = appendAfter(cardPos, d.cardIds, d.cards, oc);
        int c1 = oc + newCards;
        cardId = newCards > 0 ? Arrays.copyOf(old.cardId, c1) : old.cardId;
        cardNote = newCards > 0 ? Arrays.copyOf(old.cardNote, c1) : old.cardNote;
        deckOf = cards ? Arrays.copyOf(old.deckOf, c1) : old.deckOf;
        odeckOf = cards ? Arrays.copyOf(old.odeckOf, c1) : old.odeckOf;
        ord = cards ? Arrays.copyOf(old.ord, c1) : old.ord;
        ctype = cards ? Arrays.copyOf(old.ctype, c1) : old.ctype;
        queue = cards ? Arrays.copyOf(old.queue, c1) : old.queue;
        due = cards ? Arrays.copyOf(old.due, c1) : old.due;
        odue = cards ? Arrays.copyOf(old.odue, c1) : old.odue;
        ivl = cards ? Arrays.copyOf(old.ivl, c1) : old.ivl;
        factor = cards ? Arrays.copyOf(old.factor, c1) : old.factor;
        reps = cards ? Arrays.copyOf(old.reps, c1) : old.reps;
        lapses = cards ? Arrays.copyOf(old.lapses, c1) : old.lapses;
        flags = cards ? Arrays.copyOf(old.flags, c1) : old.flags;
        data = cards ? Arrays.copyOf(old.data, c1) : old.data;
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        if (cards) {
            for (int x = 0; x < old.decks.length; x++) {
                index.put(old.decks[x], x);
            }
        }
        for (int k = 0; k < d.cards; k++) {
            int c = cardPos[k];
            if (c < oc) {
                bytes -= old.cardBytes(c);
            } else {
                cardId[c] = d.cardIds[k];
                cardNote[c] = Arrays.binarySearch(noteId, d.cardNids[k]);
            }
            int l = 4 * k;
            due[c] = d.cardLongs[l + 2];
            odue[c] = d.cardLongs[l + 3];
            int v = 8 * k;
            ord[c] = d.cardInts[v];
            ctype[c] = small(d.cardInts[v + 1]);
            queue[c] = small(d.cardInts[v + 2]);
            ivl[c] = d.cardInts[v + 3];
            factor[c] = d.cardInts[v + 4];
            reps[c] = d.cardInts[v + 5];
            lapses[c] = d.cardInts[v + 6];
            flags[c] = flag(d.cardInts[v + 7]);
            data[c] = d.cardData[k];
            deckOf[c] = index.computeIfAbsent(d.cardLongs[l], x -> index.size());
            odeckOf[c] = index.computeIfAbsent(d.cardLongs[l + 1], x -> index.size());
        }
        bytes += d.cardBytes;
        if (index.size() > old.decks.length) {
            decks = new long[index.size()];
            index.forEach((deck, x) -> decks[x] = deck);
        } else {
            decks = old.decks;
        }
        rowBytes = bytes;
    }

    /** The rows {@code delta} holds, changed or deleted: a measure of the work {@link #withChanges} saves. */
    public static int changes(Builder delta) {
        return delta.notes + delta.cards + delta.goneNoteCount + delta.goneCardCount;
    }

    private long noteBytes(int n) {
        return NOTE_BYTES + text(sfld[n]) + text(flds[n]);
    }

    private long cardBytes(int c) {
        return CARD_BYTES + (data[c].isEmpty() ? 0 : text(data[c]));
    }

    private static long[] sortedUnique(long[] ids, int n) {
        long[] out = Arrays.copyOf(ids, n);
        Arrays.sort(out);
        return out;
    }

    /**
     * Positions of the first {@code n} ids (unique) in ascending id order. Rows mostly arrive in id order, which
     * is checked first; otherwise the ids are sorted as primitives and each one's position found again.
     */
    private static int[] order(long[] ids, int n) {
        int[] idx = new int[n];
        boolean ascending = true;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            ascending &= i == 0 || ids[i - 1] < ids[i];
        }
        if (ascending) return idx;
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            idx[Arrays.binarySearch(sorted, ids[i])] = i;
        }
        return idx;
    }

    /** A type or queue in a byte: values past a byte's range kept as its nearest end (no search tells them apart). */
    private static byte small(int v) {
        return (byte) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, v));
    }

    /** The flag of a card's {@code flags} column, as search reads it ({@code flags % 8}). */
    private static byte flag(int flags) {
        return (byte) (flags % 8);
    }

    /** Note {@code n}'s sort field: kept, or (most often) its first field, which is then not held twice. */
    String sfld(int n) {
        String s = sfld[n];
        if (s != null) return s;
        String f = flds[n];
        int end = f.indexOf('\u001f');
        return end < 0 ? f : f.substring(0, end);
    }

    /** True when {@code sfld} is the first field of {@code flds} (up to the first separator, or all of it). */
    private static boolean firstField(String sfld, String flds) {
        return flds.startsWith(sfld) && (flds.length() == sfld.length() || flds.charAt(sfld.length()) == '\u001f');
    }

    /** ASCII letters lower-cased, every other character kept; the same String when it has no A-Z; null for null. */
    static String foldAscii(String text) {
        if (text == null) return null;
        int i = 0;
        while (i < text.length() && (text.charAt(i) < 'A' || text.charAt(i) > 'Z')) i++;
        if (i == text.length()) return text;
        char[] out = text.toCharArray();
        for (; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') out[i] += 'a' - 'A';
        }
        return new String(out);
    }

    public static Builder builder(long generation) {
        return new Builder(generation);
    }

    public long generation() {
        return generation;
    }

    public int noteCount() {
        return noteId.length;
    }

    public int cardCount() {
        return cardId.length;
    }

    /**
     * Heap held, roughly: the arrays (8 bytes a long, 4 an int or reference, 1 a byte) and every String held
     * (24 bytes, and its array: 16 bytes of header and its characters at 1 byte each when Latin-1, else 2,
     * rounded up to 8), counted twice when a lower-cased or folded copy is kept beside it. A sort field that is
     * the first field and an empty card data take no String of their own; a tag string is counted once however
     * many notes share it; and what G1 loses around large arrays ({@link #regionWaste}). SnapshotMemoryBenchmark
     * compares this with the heap measured.
     */
    public long estimatedBytes() {
        return rowBytes + tagBytes + arrayWaste(noteId.length, cardId.length);
    }

    /**
     * G1's region size as its ergonomics choose it: the maximum heap over 2048, a power of two from 1 to 32 MB (an
     * explicit {@code -XX:G1HeapRegionSize} is not seen; another collector wastes nothing, so this then overcounts).
     */
    private static final long REGION = Long.highestOneBit(
            Math.max(1L << 20, Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 2048)));

    /** G1 gives an array of half a region or more whole regions of its own: the rest of the last one is lost. */
    private static long regionWaste(long bytes) {
        if (bytes < REGION / 2) return 0;
        return (bytes + REGION - 1) / REGION * REGION - bytes;
    }

    /** What {@link #regionWaste} costs the arrays of {@code notes} notes and {@code cards} cards (as declared above). */
    private static long arrayWaste(long notes, long cards) {
        return 3 * regionWaste(16 + 8 * notes)
                + 6 * regionWaste(16 + 4 * notes)
                + 3 * regionWaste(16 + 8 * cards)
                + 9 * regionWaste(16 + 4 * cards)
                + 3 * regionWaste(16 + cards);
    }

    /** {@link #estimatedBytes()} without the tag strings: equal for snapshots of the same rows. */
    long rowBytes() {
        return rowBytes;
    }

    /** A note's share of the arrays: id, notetype and mtime as longs, five references and the tag set index. */
    private static final long NOTE_BYTES = 3L * 8 + 6 * 4;
    /** A card's: id, due and odue as longs; note, decks, ord, ivl, factor, reps, lapses as ints; data; 3 bytes. */
    private static final long CARD_BYTES = 3L * 8 + 8 * 4 + 4 + 3;

    private static long tagBytes(java.util.Collection<String> distinct) {
        long bytes = 0;
        for (String t : distinct) {
            bytes += text(t);
        }
        return bytes;
    }

    private static long text(String s) {
        if (s == null) return 0;
        boolean upper = false;
        boolean latin1 = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            upper |= ch >= 'A' && ch <= 'Z';
            latin1 &= ch < 256;
        }
        long bytes = 24 + ((16 + (long) s.length() * (latin1 ? 1 : 2) + 7) & ~7L);
        return upper ? 2 * bytes : bytes;
    }

    /** A note as the JVM-side search tests read it (no card columns). */
    SearchRow noteRow(int n) {
        return new SearchRow(noteId[n], noteId[n], mid[n], flds[n], sfld(n), tags[n], "", 0, 0, 0, 0, 0, NO_FLAGS);
    }

    /** A card with its note, as the JVM-side search tests read it. */
    SearchRow cardRow(int c) {
        int n = cardNote[c];
        return new SearchRow(
                cardId[c], noteId[n], mid[n], flds[n], sfld(n), tags[n], data[c], ctype[c], queue[c], due[c], odue[c],
                ivl[c], NO_FLAGS);
    }

    /** Collects rows in any order; {@link #build()} sorts them by id. */
    public static final class Builder {
        private final long generation;
        private int notes;
        private long[] noteIds = new long[1024];
        private long[] mids = new long[1024];
        private long[] noteMtimes = new long[1024];
        private String[] tags = new String[1024];
        private String[] sflds = new String[1024];
        private String[] fldss = new String[1024];
        private int cards;
        private long[] cardIds = new long[1024];
        private long[] cardNids = new long[1024];
        /** did, odid, due, odue of each card, four in a row. */
        private long[] cardLongs = new long[4 * 1024];
        /** ord, ctype, queue, ivl, factor, reps, lapses, flags of each card, eight in a row. */
        private int[] cardInts = new int[8 * 1024];

        private String[] cardData = new String[1024];

        /** Ids of deleted notes and cards, for {@link CollectionSnapshot#withChanges}. */
        private long[] goneNotes = new long[16];

        private int goneNoteCount;
        private long[] goneCards = new long[16];
        private int goneCardCount;

        /** Estimated heap of what was added so far (see {@link #estimatedBytes()}), notes and cards apart. */
        private long noteBytes;

        private long cardBytes;
        /** The distinct tag strings so far: notes with the same tags share one String from the start. */
        private final java.util.Map<String, String> distinctTags = new java.util.HashMap<>();

        private long tagBytes;

        private Builder(long generation) {
            this.generation = generation;
        }

        /** One note; {@code tags} as stored (space-separated with a space at both ends, or empty). */
        public Builder note(long id, long mid, long mtime, String tags, String sfld, String flds) {
            if (notes == noteIds.length) {
                int size = notes * 2;
                noteIds = Arrays.copyOf(noteIds, size);
                mids = Arrays.copyOf(mids, size);
                noteMtimes = Arrays.copyOf(noteMtimes, size);
                this.tags = Arrays.copyOf(this.tags, size);
                sflds = Arrays.copyOf(sflds, size);
                fldss = Arrays.copyOf(fldss, size);
            }
            noteIds[notes] = id;
            mids[notes] = mid;
            noteMtimes[notes] = mtime;
            String t = tags == null ? "" : tags;
            String shared = distinctTags.putIfAbsent(t, t);
            if (shared == null) {
                tagBytes += text(t);
            }
            this.tags[notes] = shared == null ? t : shared;
            fldss[notes] = flds == null ? "" : flds;
            sflds[notes] = sfld == null ? "" : sfld;
            if (firstField(sflds[notes], fldss[notes])) {
                sflds[notes] = null;
            }
            noteBytes += NOTE_BYTES + text(sflds[notes]) + text(fldss[notes]);
            notes++;
            return this;
        }

        /** One card, with the columns of the cards table of the same names. */
        public Builder card(
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
                String data) {
            if (cards == cardIds.length) {
                int size = cards * 2;
                cardIds = Arrays.copyOf(cardIds, size);
                cardNids = Arrays.copyOf(cardNids, size);
                cardLongs = Arrays.copyOf(cardLongs, 4 * size);
                cardInts = Arrays.copyOf(cardInts, 8 * size);
                cardData = Arrays.copyOf(cardData, size);
            }
            cardIds[cards] = id;
            cardNids[cards] = nid;
            int l = 4 * cards;
            cardLongs[l] = did;
            cardLongs[l + 1] = odid;
            cardLongs[l + 2] = due;
            cardLongs[l + 3] = odue;
            int v = 8 * cards;
            cardInts[v] = ord;
            cardInts[v + 1] = ctype;
            cardInts[v + 2] = queue;
            cardInts[v + 3] = ivl;
            cardInts[v + 4] = factor;
            cardInts[v + 5] = reps;
            cardInts[v + 6] = lapses;
            cardInts[v + 7] = flags;
            cardData[cards] = data == null || data.isEmpty() ? "" : data;
            cardBytes += CARD_BYTES + (cardData[cards].isEmpty() ? 0 : text(cardData[cards]));
            cards++;
            return this;
        }

        /** A note deleted since the snapshot a delta is applied to (Anki's grave of type 1). */
        public Builder goneNote(long id) {
            if (goneNoteCount == goneNotes.length) {
                goneNotes = Arrays.copyOf(goneNotes, 2 * goneNoteCount);
            }
            goneNotes[goneNoteCount++] = id;
            return this;
        }

        /** A card deleted since the snapshot a delta is applied to (Anki's grave of type 0). */
        public Builder goneCard(long id) {
            if (goneCardCount == goneCards.length) {
                goneCards = Arrays.copyOf(goneCards, 2 * goneCardCount);
            }
            goneCards[goneCardCount++] = id;
            return this;
        }

        /** Estimated heap of the notes added so far. */
        public long noteBytes() {
            return noteBytes + tagBytes + arrayWaste(notes, 0);
        }

        /** Estimated heap of the notes and cards added so far. */
        public long bytes() {
            return noteBytes + tagBytes + cardBytes + arrayWaste(notes, cards);
        }

        public CollectionSnapshot build() {
            return new CollectionSnapshot(this);
        }
    }
}
