package dev.ankiconnect.scheduler;

/**
 * A revlog row exactly as Anki writes it (ANKI-MODEL 1.6), minus usn which the caller assigns.
 * ivl/lastIvl: positive days, negative seconds. time: ms, already capped. type: 0 learn, 1 review,
 * 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
 */
public record RevlogEntry(long id, long cid, int ease, int ivl, int lastIvl, int factor, int time, int type) {
    public static final int TYPE_LEARNING = 0;
    public static final int TYPE_REVIEW = 1;
    public static final int TYPE_RELEARNING = 2;
    public static final int TYPE_FILTERED = 3;
    public static final int TYPE_MANUAL = 4;
    public static final int TYPE_RESCHEDULED = 5;
}
