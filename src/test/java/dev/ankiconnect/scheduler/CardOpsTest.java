package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardOpsTest {
    static final Timing T = new Timing(1_700_000_000L, 100, 1_700_010_000L);
    static final long MS = 1_700_000_000_500L;

    static SchedulingCard reviewCard() {
        return new SchedulingCard.Builder()
                .id(11)
                .type(2)
                .queue(2)
                .due(105)
                .ivl(10)
                .factor(2300)
                .reps(8)
                .lapses(2)
                .originalPosition(4)
                .memory(new MemoryState(10f, 5.5f))
                .lastReviewTime(1_699_000_000L)
                .build();
    }

    @Test
    void forgetRestoresPositionAndKeepsCountsAsForgetCardsDoes() {
        CardOps.Rescheduled r = CardOps.forget(reviewCard(), 50, true, false, MS);
        SchedulingCard c = r.card();
        assertEquals(
                List.of(0, 0, 4, 0, 0, 8, 2),
                List.of(c.type(), c.queue(), c.due(), c.ivl(), c.factor(), c.reps(), c.lapses()));
        assertNull(c.memory());
        assertNull(c.originalPosition());
        assertFalse(r.positionUsed());
        assertEquals(new RevlogEntry(MS, 11, 0, 0, 10, 0, 0, 4), r.revlog());
    }

    @Test
    void forgetWithoutKnownPositionUsesNextPositionAndCanResetCounts() {
        SchedulingCard noPos = reviewCard().toBuilder()
                .originalPosition(null)
                .odid(9)
                .odue(120)
                .build();
        CardOps.Rescheduled r = CardOps.forget(noPos, 50, true, true, MS);
        assertEquals(50, r.card().due());
        assertTrue(r.positionUsed());
        assertEquals(0, r.card().reps());
        assertEquals(0, r.card().lapses());
        assertEquals(0, r.card().odid());
        CardOps.Rescheduled noRestore = CardOps.forget(reviewCard(), 51, false, false, MS);
        assertEquals(51, noRestore.card().due());
    }

    @Test
    void dueDateSyntax() {
        assertEquals(new DueDateSpec(0, 0, false), DueDateSpec.parse("0"));
        assertEquals(new DueDateSpec(1, 1, true), DueDateSpec.parse("1!"));
        assertEquals(new DueDateSpec(3, 7, false), DueDateSpec.parse("3-7"));
        assertEquals(new DueDateSpec(3, 7, true), DueDateSpec.parse("7-3!"));
        for (String bad : new String[] {"", "x", "-5", " 1", "1 ", "1-", "1!!", "1.5", "3-7-9", "!", "4294967296"}) {
            assertThrows(IllegalArgumentException.class, () -> DueDateSpec.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> DueDateSpec.parse("2147483648"), "beyond int");
        assertEquals(new DueDateSpec(5, 2147483647, false), DueDateSpec.parse("2147483647-5"));
        DueDateSpec range = DueDateSpec.parse("3-7");
        Random rnd = new Random(1);
        for (int i = 0; i < 100; i++) {
            int d = range.sampleDays(rnd);
            assertTrue(d >= 3 && d <= 7);
        }
    }

    @Test
    void setDueDateOnNewCardMakesAReviewCard() {
        SchedulingCard fresh = SchedulingCard.newCard(11, 33);
        CardOps.Rescheduled r = CardOps.setDueDate(fresh, 0, false, 2.5f, false, T, MS);
        SchedulingCard c = r.card();
        assertEquals(List.of(2, 2, 100, 1, 2500), List.of(c.type(), c.queue(), c.due(), c.ivl(), c.factor()));
        assertEquals(33, c.originalPosition());
        assertEquals(new RevlogEntry(MS, 11, 0, 1, 0, 2500, 0, 4), r.revlog());
        CardOps.Rescheduled three = CardOps.setDueDate(fresh, 3, false, 2.5f, false, T, MS);
        assertEquals(3, three.card().ivl());
    }

    @Test
    void setDueDateKeepsReviewIntervalUnlessBang() {
        SchedulingCard card = reviewCard().toBuilder().memory(null).build();
        CardOps.Rescheduled keep = CardOps.setDueDate(card, 1, false, 2.5f, false, T, MS);
        assertEquals(
                List.of(101, 10, 2300),
                List.of(keep.card().due(), keep.card().ivl(), keep.card().factor()));
        assertEquals(new RevlogEntry(MS, 11, 0, 10, 10, 2300, 0, 4), keep.revlog());
        CardOps.Rescheduled bang = CardOps.setDueDate(card, 1, true, 2.5f, false, T, MS);
        assertEquals(1, bang.card().ivl());
    }

    @Test
    void setDueDateWithFsrsUsesTimeSinceLastReview() {
        // last review 11 days before the next rollover (floor of 1_010_000 s / 86400 = 11)
        CardOps.Rescheduled r = CardOps.setDueDate(reviewCard(), 2, false, 2.5f, true, T, MS);
        assertEquals(13, r.card().ivl());
        assertEquals(
                (int) (new MemoryState(10f, 5.5f).shiftedDifficulty() * 1000f),
                r.revlog().factor());
        SchedulingCard noLrt = reviewCard().toBuilder().lastReviewTime(null).build();
        assertEquals(
                10 + (102 - 105),
                CardOps.setDueDate(noLrt, 2, false, 2.5f, true, T, MS).card().ivl());
    }

    @Test
    void relearnSuspendBuryRestore() {
        SchedulingCard r = CardOps.relearn(reviewCard());
        assertEquals(List.of(3, 1, 105), List.of(r.type(), r.queue(), r.due()));
        SchedulingCard s = CardOps.suspend(reviewCard());
        assertEquals(-1, s.queue());
        assertEquals(-1, CardOps.bury(s, true).queue(), "suspended cards are not buried");
        assertEquals(-3, CardOps.bury(reviewCard(), true).queue());
        assertEquals(-2, CardOps.bury(reviewCard(), false).queue());
        assertEquals(2, CardOps.restoreQueue(s).queue());
        assertEquals(1, CardOps.queueFromType(1, 1_700_000_000));
        assertEquals(3, CardOps.queueFromType(3, 105));
        assertEquals(0, CardOps.queueFromType(0, 5));
    }

    @Test
    void siblingBuryingExcludesEarlierGatheredQueues() {
        Preset all = Preset.defaults().withBury(true, true, true);
        assertEquals(Set.of(CardOps.BuryKind.NEW), CardOps.siblingsToBury(all, 0));
        assertEquals(Set.of(CardOps.BuryKind.NEW, CardOps.BuryKind.REVIEW), CardOps.siblingsToBury(all, 2));
        assertEquals(Set.of(CardOps.BuryKind.values()), CardOps.siblingsToBury(all, 1));
        assertEquals(Set.of(), CardOps.siblingsToBury(Preset.defaults(), 1));
        assertEquals(3, CardOps.queueOf(CardOps.BuryKind.INTERDAY_LEARNING));
    }

    @Test
    void dailyLimits() {
        assertEquals(new DailyLimits(180, 15), DailyLimits.remaining(200, 20, 15, 5, false));
        assertEquals(new DailyLimits(185, 15), DailyLimits.remaining(200, 20, 15, 5, true));
        assertEquals(new DailyLimits(0, 0), DailyLimits.remaining(10, 20, 12, 3, false));
        DailyLimits l = new DailyLimits(10, 20);
        assertEquals(new DailyLimits.Counts(0, 7, 6), l.cap(3, 4, 50, 30, false));
        assertEquals(new DailyLimits.Counts(20, 7, 6), l.cap(3, 4, 50, 30, true));
        assertEquals(new DailyLimits.Counts(4, 3, 5), l.cap(2, 1, 5, 30, false));
    }
}
