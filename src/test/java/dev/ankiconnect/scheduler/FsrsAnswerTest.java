package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers with FSRS on (default FSRS-6 parameters, no fuzz unless stated). */
class FsrsAnswerTest {
    static final long NOW = 1_700_000_000L;
    static final long NEXT_DAY = NOW + 10_000;
    static final long MS = NOW * 1000;
    static final long CID = 1_600_000_000_000L;
    static final Fsrs MODEL = Fsrs.defaults();

    static SchedulerContext ctx(Preset p) {
        return SchedulerContext.fsrs(p, new Timing(NOW, 100, NEXT_DAY)).withFuzz(FuzzSource.NONE);
    }

    @Test
    void newCardGetsInitialStateAndShiftedDifficultyInRevlog() {
        AnswerResult r = Scheduler.answer(SchedulingCard.newCard(CID, 1), Rating.GOOD, ctx(Preset.defaults()), MS, 0);
        SchedulingCard c = r.card();
        assertEquals(List.of(1, 1, (int) NOW + 600, 1), List.of(c.type(), c.queue(), c.due(), c.left()));
        assertEquals(2.3065f, c.memory().stability());
        float d0 = 6.4133f - (float) Math.exp(2 * 0.8334f) + 1f;
        assertEquals(d0, c.memory().difficulty(), 1e-5);
        assertEquals(0.9f, c.desiredRetention());
        assertEquals(0.1542f, c.decay());
        assertEquals(Math.round(((d0 - 1f) / 9f + 0.1f) * 1000f), r.revlog().factor());
        assertEquals(224, r.revlog().factor());

        // Same day (elapsed 0): short-term update; S stays 2.3065 because the factor is floored at 1.
        AnswerResult g = Scheduler.answer(c, Rating.GOOD, ctx(Preset.defaults()), MS, 0);
        assertEquals(
                List.of(2, 2, 102, 2, 2500),
                List.of(
                        g.card().type(),
                        g.card().queue(),
                        g.card().due(),
                        g.card().ivl(),
                        g.card().factor()));
        assertEquals(2.3065f, g.card().memory().stability(), 1e-6);
        assertEquals(MODEL.next(c.memory(), Rating.GOOD, 0), g.card().memory());
    }

    @Test
    void shortTermSchedulingWithoutLearningSteps() {
        Preset noSteps = Preset.defaults().withLearnSteps(List.of());
        SchedulingCard card = SchedulingCard.newCard(CID, 1);
        NextState[] s = Scheduler.nextStates(card, ctx(noSteps));
        assertEquals(NextState.Kind.LEARNING, s[0].kind());
        assertEquals(18_316, s[0].delaySecs()); // 0.212 days
        assertEquals(0, s[0].remainingSteps());
        assertEquals(List.of(1, 2, 8), List.of(s[1].days(), s[2].days(), s[3].days()));
        // 18316 s reaches past the rollover 10000 s away, so it shows (and is stored) as a day
        assertEquals(List.of("1d", "1d", "2d", "8d"), Scheduler.nextReviewTexts(card, ctx(noSteps)));
        SchedulerContext morning = ctx(noSteps).withTiming(new Timing(NOW, 100, NOW + 80_000));
        assertEquals(List.of("5.1h", "1d", "2d", "8d"), Scheduler.nextReviewTexts(card, morning));
        // with steps configured, short-term is off unless the collection option says so
        NextState[] withSteps = Scheduler.nextStates(card, ctx(Preset.defaults()));
        assertEquals(60, withSteps[0].delaySecs());
    }

    @Test
    void reviewCardAtTargetRetention() {
        MemoryState m = new MemoryState(10f, 5f);
        long lrt = NEXT_DAY - 10 * 86_400L - 5; // 10 whole days before the next rollover
        SchedulingCard card = new SchedulingCard.Builder()
                .id(CID)
                .type(2)
                .queue(2)
                .due(100)
                .ivl(10)
                .factor(2500)
                .reps(6)
                .memory(m)
                .lastReviewTime(lrt)
                .build();
        assertEquals(0.9f, MODEL.retrievability(10f, 10f), 1e-6);
        NextState[] s = Scheduler.nextStates(card, ctx(Preset.defaults()));
        for (Rating r : List.of(Rating.HARD, Rating.GOOD, Rating.EASY)) {
            MemoryState expected = MODEL.next(m, r, 10);
            assertEquals(expected, s[r.ease() - 1].memory(), r.name());
        }
        int hard = (int) Math.max(Fuzz.round(MODEL.next(m, Rating.HARD, 10).stability()), 11);
        assertEquals(hard, s[1].days());
        assertEquals(Fuzz.round(MODEL.next(m, Rating.GOOD, 10).stability()), s[2].days());
        assertTrue(s[3].days() > s[2].days() && s[2].days() > s[1].days());

        AnswerResult good = Scheduler.answer(card, Rating.GOOD, ctx(Preset.defaults()), MS, 0);
        assertEquals(2500, good.card().factor());
        assertEquals(s[2].memory().revlogFactor(), good.revlog().factor());
        assertEquals(new RevlogEntry(MS, CID, 3, s[2].days(), 10, s[2].memory().revlogFactor(), 0, 1), good.revlog());

        AnswerResult again = Scheduler.answer(card, Rating.AGAIN, ctx(Preset.defaults()), MS, 0);
        MemoryState lapsed = MODEL.next(m, Rating.AGAIN, 10);
        SchedulingCard a = again.card();
        assertEquals(
                List.of(3, 1, (int) NOW + 600, 2300, 1, 1),
                List.of(a.type(), a.queue(), a.due(), a.factor(), a.lapses(), a.left()));
        assertEquals(Math.max(Fuzz.round(MODEL.interval(lapsed.stability(), 0.9f)), 1), a.ivl());
        assertEquals(lapsed, a.memory());

        // Relearning finishes with the FSRS interval of that answer (lrt is now: elapsed 0).
        AnswerResult back = Scheduler.answer(a, Rating.GOOD, ctx(Preset.defaults()), MS, 0);
        MemoryState after = MODEL.next(lapsed, Rating.GOOD, 0);
        assertEquals(after, back.card().memory());
        assertEquals(
                Math.max(Fuzz.round(MODEL.interval(after.stability(), 0.9f)), 1),
                back.card().ivl());
        assertEquals(2, back.revlog().type());
    }

    @Test
    void missingMemoryIsApproximatedFromSm2() {
        SchedulingCard card = new SchedulingCard.Builder()
                .id(CID)
                .type(2)
                .queue(2)
                .due(100)
                .ivl(10)
                .factor(2500)
                .reps(6)
                .lastReviewTime(NEXT_DAY - 10 * 86_400L)
                .build();
        MemoryState approx = MODEL.fromSm2(10, 2.5f, 0.9f);
        assertEquals(10f, approx.stability(), 1e-4, "historical retention 0.9 keeps S = ivl");
        AnswerResult r = Scheduler.answer(card, Rating.GOOD, ctx(Preset.defaults()), MS, 0);
        assertEquals(MODEL.next(approx, Rating.GOOD, 10), r.card().memory());
    }

    @Test
    void fsrsOffClearsMemoryState() {
        SchedulingCard card = new SchedulingCard.Builder()
                .id(CID)
                .type(2)
                .queue(2)
                .due(100)
                .ivl(10)
                .factor(2500)
                .memory(new MemoryState(10f, 5f))
                .desiredRetention(0.9f)
                .build();
        SchedulerContext sm2 = SchedulerContext.sm2(Preset.defaults(), new Timing(NOW, 100, NEXT_DAY))
                .withFuzz(FuzzSource.NONE);
        AnswerResult r = Scheduler.answer(card, Rating.GOOD, sm2, MS, 0);
        assertNull(r.card().memory());
        assertNull(r.card().desiredRetention());
        assertEquals(2500, r.revlog().factor());
    }

    @Test
    void deckRetentionOverrideChangesIntervals() {
        SchedulingCard card = new SchedulingCard.Builder()
                .id(CID)
                .type(2)
                .queue(2)
                .due(100)
                .ivl(10)
                .factor(2500)
                .memory(new MemoryState(10f, 5f))
                .lastReviewTime(NEXT_DAY - 10 * 86_400L)
                .build();
        SchedulerContext base = ctx(Preset.defaults());
        SchedulerContext strict =
                new SchedulerContext(Preset.defaults(), base.timing(), true, false, 0.95f, 1200, FuzzSource.NONE);
        assertTrue(Scheduler.nextStates(card, strict)[2].days() < Scheduler.nextStates(card, base)[2].days());
        assertEquals(
                0.95f, Scheduler.answer(card, Rating.GOOD, strict, MS, 0).card().desiredRetention());
    }
}
