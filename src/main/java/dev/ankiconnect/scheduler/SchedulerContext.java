package dev.ankiconnect.scheduler;

/**
 * Everything besides the card that an answer depends on.
 *
 * @param preset                       options of the card's <em>home</em> deck ({@code odid} if set, else {@code did})
 * @param timing                       today / next rollover / now
 * @param fsrsEnabled                  collection config {@code fsrs}
 * @param fsrsShortTermWithSteps       collection config {@code fsrsShortTermWithStepsEnabled}
 * @param deckDesiredRetention         the home deck's desired-retention override, or null for the preset's
 * @param collapseTimeSecs             collection config {@code collapseTime} (learn-ahead, default 1200)
 * @param fuzz                         fuzz randomness; {@link FuzzSource#ANKI} in production
 */
public record SchedulerContext(
        Preset preset,
        Timing timing,
        boolean fsrsEnabled,
        boolean fsrsShortTermWithSteps,
        Float deckDesiredRetention,
        int collapseTimeSecs,
        FuzzSource fuzz) {

    /** SM-2 with default collection settings and Anki's own fuzz. */
    public static SchedulerContext sm2(Preset preset, Timing timing) {
        return new SchedulerContext(preset, timing, false, false, null, 1200, FuzzSource.ANKI);
    }

    /** FSRS with default collection settings and Anki's own fuzz. */
    public static SchedulerContext fsrs(Preset preset, Timing timing) {
        return new SchedulerContext(preset, timing, true, false, null, 1200, FuzzSource.ANKI);
    }

    public SchedulerContext withFuzz(FuzzSource source) {
        return new SchedulerContext(
                preset, timing, fsrsEnabled, fsrsShortTermWithSteps, deckDesiredRetention, collapseTimeSecs, source);
    }

    public SchedulerContext withTiming(Timing t) {
        return new SchedulerContext(
                preset, t, fsrsEnabled, fsrsShortTermWithSteps, deckDesiredRetention, collapseTimeSecs, fuzz);
    }

    public float desiredRetention() {
        return deckDesiredRetention != null ? deckDesiredRetention : preset.desiredRetention();
    }

    /** Lower/upper bound for a review interval: minimum clamped into [1, max(maxIvl, 1)]. */
    int[] reviewBounds(int minimum) {
        int max = Math.max(preset.maximumReviewInterval(), 1);
        return new int[] {Math.max(1, Math.min(max, minimum)), max};
    }
}
