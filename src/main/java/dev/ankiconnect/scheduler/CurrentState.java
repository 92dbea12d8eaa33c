package dev.ankiconnect.scheduler;

/**
 * The scheduler's view of a card row before an answer (ANKI-MODEL 6.2).
 *
 * @param kind          NEW, LEARNING, REVIEW or RELEARNING (from the card type)
 * @param remaining     remaining (re)learning steps
 * @param stepSecs      delay of the current (re)learning step, seconds
 * @param scheduledDays review interval the card was given
 * @param elapsedDays   days since the card was last reviewed (SM-2 notion)
 * @param ease          ease factor as a plain number (2.5)
 * @param lapses        lapse count
 * @param memory        FSRS memory state or null
 */
public record CurrentState(
        Kind kind,
        int remaining,
        int stepSecs,
        int scheduledDays,
        int elapsedDays,
        float ease,
        int lapses,
        MemoryState memory) {

    public enum Kind {
        NEW,
        LEARNING,
        REVIEW,
        RELEARNING
    }

    static CurrentState of(SchedulingCard card, SchedulerContext ctx) {
        int today = ctx.timing().today();
        float ease = card.factor() / 1000f;
        return switch (CardType.of(card.type())) {
            case NEW ->
                new CurrentState(
                        Kind.NEW, ctx.preset().learnSteps().size(), 0, 0, 0, ease, card.lapses(), card.memory());
            case LEARNING ->
                new CurrentState(
                        Kind.LEARNING,
                        card.remainingSteps(),
                        new LearningSteps(ctx.preset().learnSteps()).currentDelay(card.remainingSteps()),
                        0,
                        0,
                        ease,
                        card.lapses(),
                        card.memory());
            case REVIEW -> {
                int due = card.isFiltered() && card.odue() != 0 ? card.odue() : Math.min(card.due(), today);
                int elapsed = Math.max(0, card.ivl() - (due - today));
                yield new CurrentState(Kind.REVIEW, 0, 0, card.ivl(), elapsed, ease, card.lapses(), card.memory());
            }
            case RELEARNING ->
                new CurrentState(
                        Kind.RELEARNING,
                        card.remainingSteps(),
                        new LearningSteps(ctx.preset().relearnSteps()).currentDelay(card.remainingSteps()),
                        card.ivl(),
                        card.ivl(),
                        ease,
                        card.lapses(),
                        card.memory());
        };
    }

    /** Negative when a rescheduling filtered deck shows a review card before it is due. */
    public int daysLate() {
        return elapsedDays - scheduledDays;
    }

    boolean isEarlyReview() {
        return kind == Kind.REVIEW && daysLate() < 0;
    }

    /** Revlog type recorded for an answer given from this state. */
    int revlogType() {
        return switch (kind) {
            case NEW, LEARNING -> RevlogEntry.TYPE_LEARNING;
            case REVIEW -> isEarlyReview() ? RevlogEntry.TYPE_FILTERED : RevlogEntry.TYPE_REVIEW;
            case RELEARNING -> RevlogEntry.TYPE_RELEARNING;
        };
    }

    /** The interval before the answer, as logged in revlog.lastIvl. */
    Interval interval(long secsUntilRollover) {
        return switch (kind) {
            case NEW -> Interval.days(0);
            case REVIEW -> Interval.days(scheduledDays);
            case LEARNING, RELEARNING -> Interval.ofDelay(stepSecs, secsUntilRollover);
        };
    }
}
