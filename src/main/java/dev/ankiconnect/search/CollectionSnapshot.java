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
    private final long estimatedBytes;

    final long[] noteId;
    final long[] mid;
    final long[] noteMtime;
    /** Each note's tags; notes with the same tags share one String. */
    final String[] tags;
    /** {@code tags} lower-cased as the database's LOWER does (the same String when nothing changes). */
    final String[] tagsLower;
    /**
     * Each note's index into {@link #tagSetLower}, the distinct tag strings of the collection lower-cased: a tag
     * term is tested once per distinct string, not once per note (a collection has far fewer).
     */
    final int[] tagSet;
    final String[] tagSetLower;
    final String[] sfld;
    final String[] flds;
    /** {@code sfld} and {@code flds} with ASCII letters lower-cased (SQLite LIKE folding), shared when unchanged. */
    final String[] sfldFolded;
    final String[] fldsFolded;

    final long[] cardId;
    /** Index into the note arrays of each card's note. */
    final int[] cardNote;
    final long[] did;
    final long[] odid;
    /**
     * Each card's deck and original deck as an index into {@link #decks}, the distinct deck ids of the cards (with
     * 0, "none", first): a deck term is decided once per deck, not once per card.
     */
    final int[] deckOf;
    final int[] odeckOf;
    final long[] decks;
    final int[] ord;
    final int[] ctype;
    final int[] queue;
    final long[] due;
    final long[] odue;
    final int[] ivl;
    final int[] factor;
    final int[] reps;
    final int[] lapses;
    final int[] flags;
    final String[] data;

    private CollectionSnapshot(Builder b) {
        generation = b.generation;
        estimatedBytes = b.noteBytes + b.cardBytes;
        int n = b.notes;
        int[] byId = order(b.noteIds, n);
        noteId = new long[n];
        mid = new long[n];
        noteMtime = new long[n];
        tags = new String[n];
        tagsLower = new String[n];
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
            tagsLower[i] = distinctLower.get(set);
            sfld[i] = b.sflds[k];
            flds[i] = b.fldss[k];
            sfldFolded[i] = foldAscii(sfld[i]);
            fldsFolded[i] = foldAscii(flds[i]);
        }
        tagSetLower = distinctLower.toArray(new String[0]);
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
        did = new long[kept];
        odid = new long[kept];
        ord = new int[kept];
        ctype = new int[kept];
        queue = new int[kept];
        due = new long[kept];
        odue = new long[kept];
        ivl = new int[kept];
        factor = new int[kept];
        reps = new int[kept];
        lapses = new int[kept];
        flags = new int[kept];
        data = new String[kept];
        int j = 0;
        for (int i = 0; i < b.cards; i++) {
            if (note[i] < 0) continue;
            int k = cardsById[i];
            cardId[j] = b.cardIds[k];
            cardNote[j] = note[i];
            int l = 4 * k;
            did[j] = b.cardLongs[l];
            odid[j] = b.cardLongs[l + 1];
            due[j] = b.cardLongs[l + 2];
            odue[j] = b.cardLongs[l + 3];
            int v = 8 * k;
            ord[j] = b.cardInts[v];
            ctype[j] = b.cardInts[v + 1];
            queue[j] = b.cardInts[v + 2];
            ivl[j] = b.cardInts[v + 3];
            factor[j] = b.cardInts[v + 4];
            reps[j] = b.cardInts[v + 5];
            lapses[j] = b.cardInts[v + 6];
            flags[j] = b.cardInts[v + 7];
            data[j] = b.cardData[k];
            j++;
        }
        deckOf = new int[kept];
        odeckOf = new int[kept];
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        index.put(0L, 0);
        for (int c = 0; c < kept; c++) {
            deckOf[c] = index.computeIfAbsent(did[c], d -> index.size());
            odeckOf[c] = index.computeIfAbsent(odid[c], d -> index.size());
        }
        decks = new long[index.size()];
        index.forEach((deck, i) -> decks[i] = deck);
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

    /** ASCII letters lower-cased, every other character kept; the same String when it has no A-Z. */
    static String foldAscii(String text) {
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
     * Heap held, roughly: the arrays (8 bytes a long, 4 an int or reference) and every String (24 bytes of
     * header and 16 of array, plus its characters at 1 byte each when Latin-1, else 2), counted twice when a
     * lower-cased or folded copy is kept beside it.
     */
    public long estimatedBytes() {
        return estimatedBytes;
    }

    private static final long NOTE_BYTES = 3L * 8 + 9 * 4;
    private static final long CARD_BYTES = 5L * 8 + 10 * 4 + 4;

    private static long text(String s) {
        long bytes = 40;
        boolean upper = false;
        boolean latin1 = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            upper |= ch >= 'A' && ch <= 'Z';
            latin1 &= ch < 256;
        }
        bytes += (long) s.length() * (latin1 ? 1 : 2);
        return upper ? 2 * bytes : bytes;
    }

    /** A note as the JVM-side search tests read it (no card columns). */
    SearchRow noteRow(int n) {
        return new SearchRow(noteId[n], noteId[n], mid[n], flds[n], sfld[n], tags[n], "", 0, 0, 0, 0, 0, NO_FLAGS);
    }

    /** A card with its note, as the JVM-side search tests read it. */
    SearchRow cardRow(int c) {
        int n = cardNote[c];
        return new SearchRow(cardId[c], noteId[n], mid[n], flds[n], sfld[n], tags[n], data[c], ctype[c], queue[c],
                due[c], odue[c], ivl[c], NO_FLAGS);
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

        /** Estimated heap of what was added so far (see {@link #estimatedBytes()}), notes and cards apart. */
        private long noteBytes;
        private long cardBytes;

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
            this.tags[notes] = tags == null ? "" : tags;
            sflds[notes] = sfld == null ? "" : sfld;
            fldss[notes] = flds == null ? "" : flds;
            noteBytes += NOTE_BYTES + text(this.tags[notes]) + text(sflds[notes]) + text(fldss[notes]);
            notes++;
            return this;
        }

        /** One card, with the columns of the cards table of the same names. */
        public Builder card(long id, long nid, long did, long odid, int ord, int ctype, int queue, long due, long odue,
                int ivl, int factor, int reps, int lapses, int flags, String data) {
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
            cardData[cards] = data == null ? "" : data;
            cardBytes += CARD_BYTES + (cardData[cards].isEmpty() ? 0 : text(cardData[cards]));
            cards++;
            return this;
        }

        /** Estimated heap of the notes added so far. */
        public long noteBytes() {
            return noteBytes;
        }

        /** Estimated heap of the notes and cards added so far. */
        public long bytes() {
            return noteBytes + cardBytes;
        }

        public CollectionSnapshot build() {
            return new CollectionSnapshot(this);
        }
    }
}
