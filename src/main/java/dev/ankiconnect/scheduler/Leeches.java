package dev.ankiconnect.scheduler;

/** Anki's leech rule (ANKI-MODEL 6.12): leech at the threshold and every half-threshold lapses after it. */
public final class Leeches {
    private Leeches() {}

    /** @param lapses lapse count after the failing answer; @param threshold preset leech threshold (0 disables) */
    public static boolean isLeech(int lapses, int threshold) {
        if (threshold <= 0) {
            return false;
        }
        int half = Math.max((int) Math.ceil(threshold / 2.0f), 1);
        return lapses >= threshold && (lapses - threshold) % half == 0;
    }
}
