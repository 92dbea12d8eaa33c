package dev.ankiconnect.scheduler;

import java.util.EnumSet;
import java.util.Set;

/**
 * Scheduling operations other than answering: reset to new, set due date, relearn, suspend/bury and
 * queue restoration, sibling burying decisions (ANKI-MODEL 1.5, 6.11, Anki's reviews.rs/new.rs).
 */
public final class CardOps {
    private CardOps() {}

    /** Result of an operation that also writes a manual revlog row. */
    public record Rescheduled(SchedulingCard card, RevlogEntry revlog, boolean positionUsed) {}

    /** Sibling queues an answer may bury. */
    public enum BuryKind {
        NEW,
        REVIEW,
        INTERDAY_LEARNING
    }

    /**
     * "Reset to new" / forgetCards.
     *
     * @param nextPosition    config nextPos; consumed (caller increments it) when {@code positionUsed}
     * @param restorePosition put the card back at its original new position if it has one
     * @param resetCounts     zero reps and lapses
     * @param nowMs           revlog id
     */
    public static Rescheduled forget(
            SchedulingCard card, int nextPosition, boolean restorePosition, boolean resetCounts, long nowMs) {
        Integer last = restorePosition ? lastPosition(card) : null;
        SchedulingCard.Builder b = card.toBuilder()
                .odid(0)
                .odue(0)
                .due(last != null ? last : nextPosition)
                .type(CardType.NEW.code())
                .queue(CardQueue.NEW.code())
                .ivl(0)
                .factor(0)
                .originalPosition(null)
                .memory(null);
        if (resetCounts) {
            b.reps(0).lapses(0);
        }
        SchedulingCard after = b.build();
        // Factor 0 marks the manual row as a reset in Anki's statistics.
        RevlogEntry log = manualRevlog(after, card.ivl(), nowMs);
        return new Rescheduled(after, log, last == null);
    }

    /** Where a new card sits or sat: its due (odue in a filtered deck) while new, else data.pos. */
    public static Integer lastPosition(SchedulingCard card) {
        if (card.type() == CardType.NEW.code()) {
            return card.originalOrCurrentDue();
        }
        return card.originalPosition();
    }

    /**
     * Set due date for one card (setDueDate). Makes the card a review card due {@code today + days}.
     *
     * @param days        days from today, e.g. {@link DueDateSpec#sampleDays}
     * @param forceReset  the spec's "!": the interval becomes {@code days}
     * @param initialEase the home preset's initial ease (used only if the card has no factor yet)
     * @param fsrsEnabled with FSRS the interval tracks the real time since the last review
     */
    public static Rescheduled setDueDate(
            SchedulingCard card,
            int days,
            boolean forceReset,
            float initialEase,
            boolean fsrsEnabled,
            Timing timing,
            long nowMs) {
        int newDue = timing.today() + days;
        int interval;
        if (fsrsEnabled) {
            if (card.queue() == CardQueue.NEW.code() || card.ivl() == 0) {
                interval = 0;
            } else if (card.lastReviewTime() != null) {
                interval = (int) Math.max(0, Math.floorDiv(timing.nextDayAt() - card.lastReviewTime(), 86_400L)) + days;
            } else {
                int due = card.originalOrCurrentDue();
                if (due > 1_000_000_000) {
                    due = (int) (timing.today() + (due - timing.nextDayAt()) / 86_400);
                }
                interval = Math.max(0, card.ivl() + (newDue - due));
            }
        } else if (forceReset || (card.type() != CardType.REVIEW.code() && card.type() != CardType.RELEARNING.code())) {
            interval = Math.max(days, 1);
        } else {
            interval = Math.max(card.ivl(), 1);
        }
        SchedulingCard.Builder b = card.toBuilder()
                .originalPosition(lastPosition(card))
                .odid(0)
                .odue(0)
                .ivl(interval)
                .due(newDue)
                .type(CardType.REVIEW.code())
                .queue(CardQueue.REVIEW.code());
        if (card.factor() == 0) {
            b.factor(Scheduler.easePermille(initialEase));
        }
        SchedulingCard after = b.build();
        return new Rescheduled(after, manualRevlog(after, card.ivl(), nowMs), false);
    }

    /** Anki's manual revlog row: ease 0, type 4, ivl after, factor = FSRS difficulty or ease. */
    static RevlogEntry manualRevlog(SchedulingCard after, int originalIvl, long nowMs) {
        int factor = after.memory() != null
                ? (int) (after.memory().shiftedDifficulty() * 1000f) // Anki truncates here
                : after.factor();
        return new RevlogEntry(nowMs, after.id(), 0, after.ivl(), originalIvl, factor, 0, RevlogEntry.TYPE_MANUAL);
    }

    /** AnkiConnect relearnCards: a raw update to type 3 / queue 1, nothing else changes. */
    public static SchedulingCard relearn(SchedulingCard card) {
        return card.toBuilder()
                .type(CardType.RELEARNING.code())
                .queue(CardQueue.LEARNING.code())
                .build();
    }

    public static SchedulingCard suspend(SchedulingCard card) {
        return card.toBuilder().queue(CardQueue.SUSPENDED.code()).build();
    }

    /** Manual bury (-3) or scheduler bury (-2); suspended cards stay suspended. */
    public static SchedulingCard bury(SchedulingCard card, boolean manual) {
        if (card.queue() == CardQueue.SUSPENDED.code()) {
            return card;
        }
        return card.toBuilder()
                .queue(manual ? CardQueue.BURIED_MANUALLY.code() : CardQueue.BURIED_SIBLING.code())
                .build();
    }

    /** Unsuspend/unbury: queue rebuilt from the type; (re)learning by whether due looks like a timestamp. */
    public static SchedulingCard restoreQueue(SchedulingCard card) {
        return card.toBuilder().queue(queueFromType(card.type(), card.due())).build();
    }

    public static int queueFromType(int type, int due) {
        CardType.of(type); // an undefined type is refused here
        return CardQueue.restoredFor(type, due).code();
    }

    /**
     * Which sibling queues to bury after answering a card that was in {@code answeredQueue}: the preset's
     * flags, minus queues gathered before that queue (gather order: learning, day learning, review, new).
     */
    public static Set<BuryKind> siblingsToBury(Preset preset, int answeredQueue) {
        int ord = gatherOrder(answeredQueue);
        Set<BuryKind> out = EnumSet.noneOf(BuryKind.class);
        if (preset.buryNew()) {
            out.add(BuryKind.NEW);
        }
        if (preset.buryReviews() && ord <= gatherOrder(CardQueue.REVIEW.code())) {
            out.add(BuryKind.REVIEW);
        }
        if (preset.buryInterdayLearning() && ord <= gatherOrder(CardQueue.DAY_LEARNING.code())) {
            out.add(BuryKind.INTERDAY_LEARNING);
        }
        return out;
    }

    /** Sibling queue a bury kind targets (cards there become queue -2). */
    public static int queueOf(BuryKind kind) {
        return switch (kind) {
            case NEW -> CardQueue.NEW.code();
            case REVIEW -> CardQueue.REVIEW.code();
            case INTERDAY_LEARNING -> CardQueue.DAY_LEARNING.code();
        };
    }

    private static int gatherOrder(int queue) {
        if (!CardQueue.isValid(queue)) {
            return 4;
        }
        return switch (CardQueue.of(queue)) {
            case LEARNING, PREVIEW -> 0;
            case DAY_LEARNING -> 1;
            case REVIEW -> 2;
            case NEW -> 3;
            default -> 4;
        };
    }
}
