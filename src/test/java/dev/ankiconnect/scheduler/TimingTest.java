package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimingTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long CRT = epoch("2024-01-01T10:00:00+01:00");
    static final Integer CREATION_WEST = -60;

    static long epoch(String iso) {
        return OffsetDateTime.parse(iso).toEpochSecond();
    }

    @Test
    void dayChangesExactlyAtTheRolloverHour() {
        Timing before = Timing.of(CRT, CREATION_WEST, epoch("2024-01-11T03:59:59+01:00"), BERLIN, 4);
        assertEquals(9, before.today());
        assertEquals(epoch("2024-01-11T04:00:00+01:00"), before.nextDayAt());
        Timing at = Timing.of(CRT, CREATION_WEST, epoch("2024-01-11T04:00:00+01:00"), BERLIN, 4);
        assertEquals(10, at.today());
        assertEquals(epoch("2024-01-12T04:00:00+01:00"), at.nextDayAt());
        assertEquals(86_400, at.secsUntilRollover());
    }

    @Test
    void creationDayBeforeRolloverIsDayZero() {
        Timing t = Timing.of(CRT, CREATION_WEST, epoch("2024-01-02T01:00:00+01:00"), BERLIN, 4);
        assertEquals(0, t.today());
        Timing same = Timing.of(CRT, CREATION_WEST, CRT, BERLIN, 4);
        assertEquals(0, same.today());
    }

    @Test
    void acrossDaylightSavingTheCurrentOffsetIsUsed() {
        // Europe/Berlin switched to +02:00 at 2024-03-31 02:00 local.
        Timing after = Timing.of(CRT, CREATION_WEST, epoch("2024-03-31T05:00:00+02:00"), BERLIN, 4);
        assertEquals(90, after.today());
        assertEquals(epoch("2024-04-01T04:00:00+02:00"), after.nextDayAt());
        // Before the switch Anki computes tonight's rollover with the offset in force now (+01:00).
        Timing before = Timing.of(CRT, CREATION_WEST, epoch("2024-03-31T01:30:00+01:00"), BERLIN, 4);
        assertEquals(89, before.today());
        assertEquals(epoch("2024-03-31T04:00:00+01:00"), before.nextDayAt());
        assertEquals(-120, Timing.minutesWest(BERLIN, epoch("2024-03-31T05:00:00+02:00")));
    }

    @Test
    void otherRolloverHoursAndExplicitOffsets() {
        long now = epoch("2024-01-11T00:30:00-05:00");
        Timing midnight = Timing.of(CRT, CREATION_WEST, now, 300, 0);
        assertEquals(epoch("2024-01-12T00:00:00-05:00"), midnight.nextDayAt());
        // crt's date in +01:00 is Jan 1; now's local date is Jan 11
        assertEquals(10, midnight.today());
        Timing two = Timing.of(CRT, CREATION_WEST, now, 300, 2);
        assertEquals(9, two.today());
        assertEquals(epoch("2024-01-11T02:00:00-05:00"), two.nextDayAt());
    }

    @Test
    void legacyRuleWithoutCreationOffset() {
        long crt = epoch("2024-01-01T10:00:00Z");
        Timing t = Timing.of(crt, null, epoch("2024-01-05T03:00:00Z"), 0, 4);
        // crt's rollover is Jan 1 04:00Z; 3 days and 23 hours later
        assertEquals(3, t.today());
        assertEquals(epoch("2024-01-05T04:00:00Z"), t.nextDayAt());
        Timing after = Timing.of(crt, null, epoch("2024-01-05T05:00:00Z"), 0, 4);
        assertEquals(4, after.today());
        assertEquals(epoch("2024-01-06T04:00:00Z"), after.nextDayAt());
    }

    @Test
    void helpers() {
        Timing t = new Timing(1000, 5, 5000);
        assertEquals(2200, t.learnAheadCutoff(1200));
        assertEquals((5000 - 86_400) * 1000L, t.dayStartMillis());
    }
}
