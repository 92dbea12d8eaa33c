package dev.ankiconnect.card;

/** One row of the cards table as the note and card operations read and write it. */
public final class CardRow {
    public long id;
    public long nid;
    public long did;
    public int ord;
    public long mtime;
    public int usn;
    public int type;
    public int queue;
    public long due;
    public int ivl;
    public int factor;
    public int reps;
    public int lapses;
    public int left;
    public long odue;
    public long odid;
    public int flags;
    public String data = "";

    /** A new card (ANKI-MODEL 3.4): type 0, queue 0, everything else zero. */
    public static CardRow newCard(long id, long nid, long did, int ord, long due, long mtimeSecs) {
        CardRow c = new CardRow();
        c.id = id;
        c.nid = nid;
        c.did = did;
        c.ord = ord;
        c.due = due;
        c.mtime = mtimeSecs;
        c.usn = -1;
        return c;
    }

    /** The deck the card belongs to outside filtered decks. */
    public long homeDeck() {
        return odid != 0 ? odid : did;
    }
}
