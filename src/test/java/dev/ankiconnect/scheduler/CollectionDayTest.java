package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CollectionDayTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long CRT = epoch("2024-01-01T04:00:00+01:00");
    static final Integer CREATION_WEST = -60;

    static long epoch(String iso) {
        return OffsetDateTime.parse(iso).toEpochSecond();
    }

    static Timing at(Long rollover, String now) {
        return CollectionDay.of(CRT, CREATION_WEST, rollover).at(epoch(now), BERLIN);
    }

    @Test
    void unsetRolloverIsFourOClock() {
        assertEquals(4, CollectionDay.rolloverHour(null));
        assertEquals(9, at(null, "2024-01-11T03:59:59+01:00").today());
        assertEquals(10, at(null, "2024-01-11T04:00:00+01:00").today());
        assertEquals(
                epoch("2024-01-12T04:00:00+01:00"),
                at(null, "2024-01-11T04:00:00+01:00").nextDayAt());
    }

    @Test
    void rolloverHoursInRangeAreUsedAsTheyAre() {
        assertEquals(0, CollectionDay.rolloverHour(0L));
        assertEquals(23, CollectionDay.rolloverHour(23L));
        // midnight rollover: the day changes at 00:00
        assertEquals(9, at(0L, "2024-01-10T23:59:59+01:00").today());
        assertEquals(10, at(0L, "2024-01-11T00:00:00+01:00").today());
        // 23:00 rollover: until 23:00 it is still the day before
        assertEquals(9, at(23L, "2024-01-11T22:59:59+01:00").today());
        assertEquals(10, at(23L, "2024-01-11T23:00:00+01:00").today());
        assertEquals(
                epoch("2024-01-12T23:00:00+01:00"),
                at(23L, "2024-01-11T23:00:00+01:00").nextDayAt());
    }

    @Test
    void rolloverAbove23IsCappedAt23() {
        assertEquals(23, CollectionDay.rolloverHour(24L));
        assertEquals(23, CollectionDay.rolloverHour(30L));
        assertEquals(23, CollectionDay.rolloverHour(Long.MAX_VALUE));
        // capped, not taken modulo 24: 30 is 23:00, not 06:00
        assertEquals(9, at(30L, "2024-01-11T22:00:00+01:00").today());
        assertEquals(10, at(30L, "2024-01-11T23:00:00+01:00").today());
        assertEquals(at(23L, "2024-01-11T12:00:00+01:00"), at(30L, "2024-01-11T12:00:00+01:00"));
        // the canonical constructor applies the same rule
        assertEquals(23, new CollectionDay(CRT, CREATION_WEST, 99).rolloverHour());
    }

    @Test
    void negativeRolloverCountsBackFromMidnight() {
        assertEquals(23, CollectionDay.rolloverHour(-1L));
        assertEquals(20, CollectionDay.rolloverHour(-4L));
        assertEquals(at(23L, "2024-01-11T12:00:00+01:00"), at(-1L, "2024-01-11T12:00:00+01:00"));
    }

    @Test
    void withoutCreationOffsetTheLegacyRuleCountsFromCreation() {
        CollectionDay old = CollectionDay.of(CRT, null, 4L);
        assertEquals(10, old.at(epoch("2024-01-11T04:00:00+01:00"), BERLIN).today());
        assertEquals(9, old.at(epoch("2024-01-11T03:59:59+01:00"), BERLIN).today());
    }

    @Test
    void creationTimeIsTheCreationDaysDefaultRollover() {
        assertEquals(
                epoch("2024-01-11T04:00:00+01:00"),
                CollectionDay.creationTime(epoch("2024-01-11T15:30:00+01:00") * 1000, BERLIN));
        assertEquals(
                epoch("2024-01-10T04:00:00+01:00"),
                CollectionDay.creationTime(epoch("2024-01-11T03:59:00+01:00") * 1000, BERLIN));
    }
}
