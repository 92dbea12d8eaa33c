package dev.ankiconnect.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point for answering cards and previewing the answer buttons (ANKI-MODEL 6.1-6.8, 6.10).
 * All methods are pure: the caller persists the returned card and revlog row.
 */
public final class Scheduler {
    private Scheduler() {}

    /** The four candidate states (index = ease - 1) the card would move to. */
    public static NextState[] nextStates(SchedulingCard card, SchedulerContext ctx) {
        return StateMachine.nextStates(card, CurrentState.of(card, ctx), ctx);
    }

    /**
     * Answers a card.
     *
     * @param card         current card (type 0-3; suspended/buried cards are answered from their type too)
     * @param rating       the button
     * @param ctx          preset of the home deck, timing (its {@code now} decides learning due times), flags
     * @param answeredAtMs answer time, Unix ms: revlog id and {@code lrt}
     * @param takenMs      time spent on the card, ms (capped by the preset's maximum answer seconds)
     */
    public static AnswerResult answer(
            SchedulingCard card, Rating rating, SchedulerContext ctx, long answeredAtMs, long takenMs) {
        CurrentState cur = CurrentState.of(card, ctx);
        NextState next = StateMachine.nextStates(card, cur, ctx)[rating.ease() - 1];
        Timing timing = ctx.timing();
        long untilRollover = timing.secsUntilRollover();
        SchedulingCard.Builder b = card.toBuilder();

        if (cur.kind() == CurrentState.Kind.NEW) {
            b.originalPosition(Math.max(card.originalOrCurrentDue(), 0));
        }
        // Answering in a rescheduling filtered deck sends the card home first.
        boolean leftFiltered = card.isFiltered();
        b.odid(0).odue(0);

        Interval nextInterval = next.interval(untilRollover);
        switch (next.kind()) {
            case LEARNING -> {
                b.type(CardType.LEARNING.code()).left(next.remainingSteps());
                placeLearning(b, card, nextInterval, next.delaySecs(), ctx);
            }
            case RELEARNING -> {
                b.type(CardType.RELEARNING.code())
                        .left(next.remainingSteps())
                        .ivl(next.days())
                        .lapses(next.lapses())
                        .factor(easePermille(next.ease()));
                placeLearning(b, card, nextInterval, next.delaySecs(), ctx);
            }
            case REVIEW ->
                b.type(CardType.REVIEW.code())
                        .queue(CardQueue.REVIEW.code())
                        .ivl(next.days())
                        .due(timing.today() + next.days())
                        .left(0)
                        .factor(easePermille(next.ease()))
                        .lapses(next.lapses());
        }
        if (next.leeched() && ctx.preset().leechAction() == LeechAction.SUSPEND) {
            b.queue(CardQueue.SUSPENDED.code());
        }
        b.reps(card.reps() + 1).lastReviewTime(Math.floorDiv(answeredAtMs, 1000L));
        if (ctx.fsrsEnabled()) {
            b.memory(next.memory())
                    .desiredRetention(ctx.desiredRetention())
                    .decay(Fsrs.storedDecay(ctx.preset().fsrsParams()));
        } else {
            b.memory(null).desiredRetention(null);
        }

        int factor;
        if (next.memory() != null) {
            factor = next.memory().revlogFactor();
        } else {
            factor = next.kind() == NextState.Kind.LEARNING ? 0 : easePermille(next.ease());
        }
        int time = (int) Math.max(0, Math.min(takenMs, ctx.preset().capAnswerTimeToSecs() * 1000L));
        RevlogEntry revlog = new RevlogEntry(
                answeredAtMs,
                card.id(),
                rating.ease(),
                nextInterval.revlogValue(),
                cur.interval(untilRollover).revlogValue(),
                factor,
                time,
                cur.revlogType());
        return new AnswerResult(
                b.build(), revlog, next.leeched(), card.queue(), leftFiltered, leftFiltered ? card.odid() : 0);
    }

    /** Intraday delays go to queue 1 at now + fuzzed delay; delays past the rollover go to queue 3 by day. */
    private static void placeLearning(
            SchedulingCard.Builder b, SchedulingCard card, Interval interval, int delaySecs, SchedulerContext ctx) {
        if (interval.inDays()) {
            b.queue(CardQueue.DAY_LEARNING.code()).due((int) (ctx.timing().today() + interval.amount()));
        } else {
            int fuzzed = ctx.fuzz().learningDelayWithFuzz(card.id() + card.reps(), delaySecs);
            b.queue(CardQueue.LEARNING.code()).due((int) (ctx.timing().now() + fuzzed));
        }
    }

    static int easePermille(float ease) {
        return (int) Fuzz.round(ease * 1000.0f);
    }

    /** Per-button intervals and labels, as cardsInfo.nextReviews and the reviewer show them. */
    public static List<IntervalPreview> previews(SchedulingCard card, SchedulerContext ctx) {
        NextState[] states = nextStates(card, ctx);
        long untilRollover = ctx.timing().secsUntilRollover();
        List<IntervalPreview> out = new ArrayList<>(4);
        for (Rating r : Rating.values()) {
            Interval i = states[r.ease() - 1].interval(untilRollover);
            out.add(new IntervalPreview(
                    r, i, IntervalText.answerButtonTimeCollapsible(i.asSeconds(), ctx.collapseTimeSecs())));
        }
        return out;
    }

    /** Just the four labels, e.g. ["&lt;1m", "&lt;6m", "&lt;10m", "4d"] for a new card with defaults. */
    public static List<String> nextReviewTexts(SchedulingCard card, SchedulerContext ctx) {
        return previews(card, ctx).stream().map(IntervalPreview::text).toList();
    }
}
