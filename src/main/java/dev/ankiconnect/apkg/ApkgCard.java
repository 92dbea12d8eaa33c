package dev.ankiconnect.apkg;

/**
 * One row of the {@code cards} table, column for column. {@code mod} is in seconds; the meaning of
 * {@code due} depends on {@code queue} (new: position, learning: Unix seconds, review: day number).
 */
public record ApkgCard(
        long id,
        long nid,
        long did,
        int ord,
        long mod,
        int usn,
        int type,
        int queue,
        long due,
        int ivl,
        int factor,
        int reps,
        int lapses,
        int left,
        long odue,
        long odid,
        int flags,
        String data) {

    /** This card reset to a new card at {@code position}, as Anki does for an export without scheduling. */
    public ApkgCard resetToNew(long position) {
        long homeDeck = odid != 0 ? odid : did;
        return new ApkgCard(id, nid, homeDeck, ord, mod, usn, 0, 0, position, 0, 0, 0, 0, 0, 0, 0, 0, "");
    }
}
