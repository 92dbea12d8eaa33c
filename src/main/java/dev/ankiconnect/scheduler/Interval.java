package dev.ankiconnect.scheduler;

/** Anki's IntervalKind: an amount in seconds or in days, with the revlog's signed encoding. */
public record Interval(long amount, boolean inDays) {

    public static Interval days(long days) {
        return new Interval(days, true);
    }

    public static Interval secs(long secs) {
        return new Interval(secs, false);
    }

    /** A learning delay, turned into days when it reaches past the next rollover. */
    public static Interval ofDelay(long delaySecs, long secsUntilRollover) {
        if (delaySecs >= secsUntilRollover) {
            return days((delaySecs - secsUntilRollover) / 86_400 + 1);
        }
        return secs(delaySecs);
    }

    /** Revlog encoding: days positive, seconds negative. */
    public int revlogValue() {
        long v = inDays ? amount : -amount;
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, v));
    }

    public long asSeconds() {
        return inDays ? amount * 86_400 : amount;
    }
}
