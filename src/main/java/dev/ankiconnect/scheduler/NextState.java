package dev.ankiconnect.scheduler;

/**
 * One candidate outcome of an answer.
 * LEARNING: {@code delaySecs}, {@code remainingSteps}. REVIEW: {@code days}.
 * RELEARNING: {@code delaySecs}, {@code remainingSteps} and {@code days} = the interval the card will
 * return to review with. {@code ease} is a plain factor (2.5); 0 for a card still in first learning.
 */
public record NextState(
        Kind kind,
        int remainingSteps,
        int delaySecs,
        int days,
        float ease,
        int lapses,
        boolean leeched,
        MemoryState memory) {

    public enum Kind {
        LEARNING,
        REVIEW,
        RELEARNING
    }

    static NextState learning(int remaining, int delaySecs, float ease, int lapses, MemoryState m) {
        return new NextState(Kind.LEARNING, remaining, delaySecs, 0, ease, lapses, false, m);
    }

    static NextState review(int days, float ease, int lapses, boolean leeched, MemoryState m) {
        return new NextState(Kind.REVIEW, 0, 0, days, ease, lapses, leeched, m);
    }

    static NextState relearning(
            int remaining, int delaySecs, int days, float ease, int lapses, boolean leeched, MemoryState m) {
        return new NextState(Kind.RELEARNING, remaining, delaySecs, days, ease, lapses, leeched, m);
    }

    /**
     * The interval as Anki shows and logs it: seconds for a delay ending before the next rollover,
     * otherwise whole days (a delay crossing the rollover counts as days past it, plus one).
     */
    public Interval interval(long secsUntilRollover) {
        if (kind == Kind.REVIEW) {
            return Interval.days(days);
        }
        return Interval.ofDelay(delaySecs, secsUntilRollover);
    }
}
