package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Walks cards through SM-2 answers without fuzz and checks every stored field and the revlog row. */
class Sm2AnswerTest {
    static final long NOW = 1_700_000_000L;
    static final int TODAY = 100;
    static final long MS = NOW * 1000 + 123;
    static final long CID = 1_600_000_000_000L;

    static SchedulerContext ctx(Preset p) {
        return ctx(p, 10_000);
    }

    static SchedulerContext ctx(Preset p, long secsUntilRollover) {
        return SchedulerContext.sm2(p, new Timing(NOW, TODAY, NOW + secsUntilRollover))
                .withFuzz(FuzzSource.NONE);
    }

    static SchedulingCard review(int ivl, int factor, int due) {
        return new SchedulingCard.Builder()
                .id(CID)
                .type(2)
                .queue(2)
                .ivl(ivl)
                .factor(factor)
                .due(due)
                .reps(5)
                .originalPosition(7)
                .build();
    }

    static void assertCard(
            SchedulingCard c, int type, int queue, int due, int ivl, int factor, int reps, int lapses, int left) {
        assertEquals(
                List.of(type, queue, due, ivl, factor, reps, lapses, left),
                List.of(c.type(), c.queue(), c.due(), c.ivl(), c.factor(), c.reps(), c.lapses(), c.left()),
                "type, queue, due, ivl, factor, reps, lapses, left");
    }

    static void assertRevlog(RevlogEntry r, int ease, int ivl, int lastIvl, int factor, int time, int type) {
        assertEquals(new RevlogEntry(MS, CID, ease, ivl, lastIvl, factor, time, type), r);
    }

    @Test
    void newCardPreviewsWithDefaults() {
        SchedulingCard card = SchedulingCard.newCard(CID, 7);
        NextState[] s = Scheduler.nextStates(card, ctx(Preset.defaults()));
        assertEquals(60, s[0].delaySecs());
        assertEquals(330, s[1].delaySecs());
        assertEquals(600, s[2].delaySecs());
        assertEquals(NextState.Kind.REVIEW, s[3].kind());
        assertEquals(4, s[3].days());
        assertEquals(List.of("<1m", "<6m", "<10m", "4d"), Scheduler.nextReviewTexts(card, ctx(Preset.defaults())));
    }

    @Test
    void newCardThroughLearningToReview() {
        SchedulerContext c = ctx(Preset.defaults());
        SchedulingCard card = SchedulingCard.newCard(CID, 7);

        AnswerResult r1 = Scheduler.answer(card, Rating.GOOD, c, MS, 5000);
        assertCard(r1.card(), 1, 1, (int) NOW + 600, 0, 0, 1, 0, 1);
        assertEquals(7, r1.card().originalPosition());
        assertEquals(NOW, r1.card().lastReviewTime());
        assertNull(r1.card().memory());
        assertRevlog(r1.revlog(), 3, -600, 0, 0, 5000, 0);

        AnswerResult r2 = Scheduler.answer(r1.card(), Rating.HARD, c, MS, 0);
        assertCard(r2.card(), 1, 1, (int) NOW + 600, 0, 0, 2, 0, 1);
        assertRevlog(r2.revlog(), 2, -600, -600, 0, 0, 0);

        AnswerResult r3 = Scheduler.answer(r2.card(), Rating.AGAIN, c, MS, 0);
        assertCard(r3.card(), 1, 1, (int) NOW + 60, 0, 0, 3, 0, 2);
        assertRevlog(r3.revlog(), 1, -60, -600, 0, 0, 0);

        AnswerResult r4 = Scheduler.answer(r3.card(), Rating.GOOD, c, MS, 0);
        AnswerResult r5 = Scheduler.answer(r4.card(), Rating.GOOD, c, MS, 0);
        assertCard(r5.card(), 2, 2, TODAY + 1, 1, 2500, 5, 0, 0);
        assertRevlog(r5.revlog(), 3, 1, -600, 2500, 0, 0);
        assertEquals(7, r5.card().originalPosition());
    }

    @Test
    void easyOnNewCardGraduatesWithEasyInterval() {
        AnswerResult r = Scheduler.answer(SchedulingCard.newCard(CID, 3), Rating.EASY, ctx(Preset.defaults()), MS, 0);
        assertCard(r.card(), 2, 2, TODAY + 4, 4, 2500, 1, 0, 0);
        assertRevlog(r.revlog(), 4, 4, 0, 2500, 0, 0);
    }

    @Test
    void hardOnFirstStepRules() {
        Preset one = Preset.defaults().withLearnSteps(List.of(10f));
        assertEquals(900, Scheduler.nextStates(SchedulingCard.newCard(CID, 1), ctx(one))[1].delaySecs());
        Preset threeDays = Preset.defaults().withLearnSteps(List.of(3 * 1440f));
        assertEquals(4 * 86_400, Scheduler.nextStates(SchedulingCard.newCard(CID, 1), ctx(threeDays))[1].delaySecs());
        Preset three = Preset.defaults().withLearnSteps(List.of(1f, 10f, 100f));
        SchedulingCard second = new SchedulingCard.Builder()
                .id(CID)
                .type(1)
                .queue(1)
                .left(2)
                .due((int) NOW)
                .build();
        NextState[] s = Scheduler.nextStates(second, ctx(three));
        assertEquals(600, s[1].delaySecs());
        assertEquals(6000, s[2].delaySecs());
        assertEquals(1, s[2].remainingSteps());
    }

    @Test
    void learningStepCrossingTheRolloverGoesToTheDayLearningQueue() {
        Preset p = Preset.defaults().withLearnSteps(List.of(10f, 1440f));
        SchedulerContext c = ctx(p, 3600);
        AnswerResult r = Scheduler.answer(SchedulingCard.newCard(CID, 1), Rating.GOOD, c, MS, 0);
        assertCard(r.card(), 1, 3, TODAY + 1, 0, 0, 1, 0, 1);
        assertRevlog(r.revlog(), 3, 1, 0, 0, 0, 0);
        // a 10 minute step when the day ends in 5 minutes is also a day-learning step
        SchedulerContext late = ctx(Preset.defaults(), 300);
        AnswerResult r2 = Scheduler.answer(SchedulingCard.newCard(CID, 1), Rating.GOOD, late, MS, 0);
        assertCard(r2.card(), 1, 3, TODAY + 1, 0, 0, 1, 0, 1);
        assertRevlog(r2.revlog(), 3, 1, 0, 0, 0, 0);
    }

    @Test
    void reviewOnTimeWorkedExample() {
        SchedulerContext c = ctx(Preset.defaults());
        SchedulingCard card = review(10, 2500, TODAY);
        AnswerResult hard = Scheduler.answer(card, Rating.HARD, c, MS, 0);
        assertCard(hard.card(), 2, 2, TODAY + 12, 12, 2350, 6, 0, 0);
        assertRevlog(hard.revlog(), 2, 12, 10, 2350, 0, 1);
        AnswerResult good = Scheduler.answer(card, Rating.GOOD, c, MS, 0);
        assertCard(good.card(), 2, 2, TODAY + 25, 25, 2500, 6, 0, 0);
        AnswerResult easy = Scheduler.answer(card, Rating.EASY, c, MS, 0);
        assertCard(easy.card(), 2, 2, TODAY + 33, 33, 2650, 6, 0, 0);
        assertEquals(List.of("<10m", "12d", "25d", "1.1mo"), Scheduler.nextReviewTexts(card, c));
    }

    @Test
    void lateReviewAddsHalfTheDelayForGoodAndAllForEasy() {
        NextState[] s = Scheduler.nextStates(review(10, 2500, TODAY - 4), ctx(Preset.defaults()));
        assertEquals(12, s[1].days());
        assertEquals(30, s[2].days());
        assertEquals(46, s[3].days()); // 14 * 2.5 * 1.3 = 45.5 rounds half away from zero
    }

    @Test
    void easeNeverDropsBelow130() {
        AnswerResult r = Scheduler.answer(review(10, 1350, TODAY), Rating.HARD, ctx(Preset.defaults()), MS, 0);
        assertEquals(1300, r.card().factor());
    }

    @Test
    void intervalModifierMaximumAndHardMultiplierAtOne() {
        Preset p = new Preset(
                List.of(1f, 10f),
                List.of(10f),
                20,
                200,
                2.5f,
                1,
                4,
                1.3f,
                1.2f,
                0.8f,
                36500,
                0f,
                1,
                8,
                LeechAction.TAG_ONLY,
                60,
                false,
                false,
                false,
                0.9f,
                0.9f,
                List.of(),
                List.of(),
                List.of());
        NextState[] s = Scheduler.nextStates(review(10, 2500, TODAY), ctx(p));
        assertEquals(List.of(11, 20, 26), List.of(s[1].days(), s[2].days(), s[3].days()));

        Preset max = new Preset(
                List.of(1f, 10f),
                List.of(10f),
                20,
                200,
                2.5f,
                1,
                4,
                1.3f,
                1.2f,
                1f,
                20,
                0f,
                1,
                8,
                LeechAction.TAG_ONLY,
                60,
                false,
                false,
                false,
                0.9f,
                0.9f,
                List.of(),
                List.of(),
                List.of());
        s = Scheduler.nextStates(review(10, 2500, TODAY), ctx(max));
        assertEquals(List.of(12, 20, 20), List.of(s[1].days(), s[2].days(), s[3].days()));

        Preset hm1 = new Preset(
                List.of(1f, 10f),
                List.of(10f),
                20,
                200,
                2.5f,
                1,
                4,
                1.3f,
                1.0f,
                1f,
                36500,
                0f,
                1,
                8,
                LeechAction.TAG_ONLY,
                60,
                false,
                false,
                false,
                0.9f,
                0.9f,
                List.of(),
                List.of(),
                List.of());
        s = Scheduler.nextStates(review(10, 2500, TODAY), ctx(hm1));
        assertEquals(List.of(10, 25, 33), List.of(s[1].days(), s[2].days(), s[3].days()));
    }

    @Test
    void lapseRelearnAndGraduate() {
        SchedulerContext c = ctx(Preset.defaults());
        AnswerResult lapse = Scheduler.answer(review(10, 2500, TODAY), Rating.AGAIN, c, MS, 0);
        assertCard(lapse.card(), 3, 1, (int) NOW + 600, 1, 2300, 6, 1, 1);
        assertRevlog(lapse.revlog(), 1, -600, 10, 2300, 0, 1);
        assertFalse(lapse.leech());

        NextState[] s = Scheduler.nextStates(lapse.card(), c);
        assertEquals(900, s[1].delaySecs(), "hard on a lone relearning step is 1.5x");
        assertEquals(2, s[3].days(), "easy leaves relearning with ivl + 1");

        AnswerResult back = Scheduler.answer(lapse.card(), Rating.GOOD, c, MS, 0);
        assertCard(back.card(), 2, 2, TODAY + 1, 1, 2300, 7, 1, 0);
        assertRevlog(back.revlog(), 3, 1, -600, 2300, 0, 2);

        AnswerResult again = Scheduler.answer(lapse.card(), Rating.AGAIN, c, MS, 0);
        assertCard(again.card(), 3, 1, (int) NOW + 600, 1, 2300, 7, 1, 1);
    }

    @Test
    void lapseMultiplierMinimumAndNoRelearnSteps() {
        Preset p = new Preset(
                List.of(1f, 10f),
                List.of(),
                20,
                200,
                2.5f,
                1,
                4,
                1.3f,
                1.2f,
                1f,
                36500,
                0.5f,
                3,
                8,
                LeechAction.TAG_ONLY,
                60,
                false,
                false,
                false,
                0.9f,
                0.9f,
                List.of(),
                List.of(),
                List.of());
        AnswerResult r = Scheduler.answer(review(10, 2500, TODAY), Rating.AGAIN, ctx(p), MS, 0);
        assertCard(r.card(), 2, 2, TODAY + 5, 5, 2300, 6, 1, 0);
        assertRevlog(r.revlog(), 1, 5, 10, 2300, 0, 1);
        AnswerResult small = Scheduler.answer(review(4, 2500, TODAY), Rating.AGAIN, ctx(p), MS, 0);
        assertEquals(3, small.card().ivl(), "minimum lapse interval");
    }

    @Test
    void leechSuspendsOrOnlyTags() {
        SchedulingCard card = review(10, 2500, TODAY).toBuilder().lapses(7).build();
        AnswerResult tag = Scheduler.answer(card, Rating.AGAIN, ctx(Preset.defaults()), MS, 0);
        assertTrue(tag.leech());
        assertEquals(1, tag.card().queue());
        Preset suspend = Preset.defaults().withLeech(8, LeechAction.SUSPEND);
        AnswerResult sus = Scheduler.answer(card, Rating.AGAIN, ctx(suspend), MS, 0);
        assertTrue(sus.leech());
        assertEquals(-1, sus.card().queue());
        assertEquals(3, sus.card().type());
        assertEquals(8, sus.card().lapses());
    }

    @Test
    void leechRule() {
        assertEquals(
                List.of(false, true, false, false, false, true, true),
                List.of(
                        Leeches.isLeech(7, 8),
                        Leeches.isLeech(8, 8),
                        Leeches.isLeech(9, 8),
                        Leeches.isLeech(11, 8),
                        Leeches.isLeech(13, 8),
                        Leeches.isLeech(12, 8),
                        Leeches.isLeech(16, 8)));
        assertEquals(
                List.of(false, true, false, true, true),
                List.of(
                        Leeches.isLeech(2, 3),
                        Leeches.isLeech(3, 3),
                        Leeches.isLeech(4, 3),
                        Leeches.isLeech(5, 3),
                        Leeches.isLeech(7, 3)));
        assertFalse(Leeches.isLeech(8, 0));
        assertTrue(Leeches.isLeech(2, 1));
    }

    @Test
    void answerTimeIsCapped() {
        AnswerResult r = Scheduler.answer(review(10, 2500, TODAY), Rating.GOOD, ctx(Preset.defaults()), MS, 120_000);
        assertEquals(60_000, r.revlog().time());
    }

    @Test
    void earlyReviewInReschedulingFilteredDeck() {
        SchedulingCard card =
                review(10, 2500, -100_000).toBuilder().odid(42).odue(TODAY + 5).build();
        SchedulerContext c = ctx(Preset.defaults());
        NextState[] s = Scheduler.nextStates(card, c);
        assertEquals(List.of(6, 13, 14), List.of(s[1].days(), s[2].days(), s[3].days()));
        AnswerResult r = Scheduler.answer(card, Rating.GOOD, c, MS, 0);
        assertTrue(r.leftFilteredDeck());
        assertEquals(42, r.homeDeckId());
        assertEquals(0, r.card().odid());
        assertEquals(0, r.card().odue());
        assertCard(r.card(), 2, 2, TODAY + 13, 13, 2500, 6, 0, 0);
        assertRevlog(r.revlog(), 3, 13, 10, 2500, 0, 3);
    }

    @Test
    void graduatingResetsLapsesLikeAnki() {
        SchedulingCard forgotten =
                SchedulingCard.newCard(CID, 1).toBuilder().lapses(3).reps(9).build();
        AnswerResult r = Scheduler.answer(forgotten, Rating.EASY, ctx(Preset.defaults()), MS, 0);
        assertEquals(0, r.card().lapses());
        AnswerResult l = Scheduler.answer(forgotten, Rating.GOOD, ctx(Preset.defaults()), MS, 0);
        assertEquals(3, l.card().lapses(), "learning steps keep the counter");
    }

    @Test
    void ankiFuzzIsReproducibleAndWithinRange() {
        SchedulerContext c = SchedulerContext.sm2(Preset.defaults(), new Timing(NOW, TODAY, NOW + 10_000));
        SchedulingCard card = review(10, 2500, TODAY);
        AnswerResult a = Scheduler.answer(card, Rating.GOOD, c, MS, 0);
        AnswerResult b = Scheduler.answer(card, Rating.GOOD, c, MS, 0);
        assertEquals(a, b);
        int[] bounds = Fuzz.bounds(25f, 13, 36500);
        assertTrue(a.card().ivl() >= bounds[0] && a.card().ivl() <= bounds[1]);
        float f = AnkiRng.seedFromU64(CID + 5).nextFloat01();
        assertEquals(Fuzz.apply(f, 25f, 13, 36500), a.card().ivl(), "seed = card id + reps before answering");
        assertEquals(
                a.card().ivl(), Scheduler.previews(card, c).get(2).interval().amount(), "preview agrees");

        SchedulingCard learning = SchedulingCard.newCard(CID, 1);
        AnswerResult l = Scheduler.answer(learning, Rating.GOOD, c, MS, 0);
        int extra = l.card().due() - (int) NOW - 600;
        assertTrue(extra >= 0 && extra < 150, "learning fuzz up to 25%: " + extra);
        assertEquals(-600, l.revlog().ivl(), "revlog keeps the unfuzzed delay");
    }
}
