package dev.ankiconnect.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Anki's "today": {@code today} = days since collection creation, {@code nextDayAt} = Unix seconds of the
 * next rollover, {@code now} = Unix seconds the calculation was made for (ANKI-MODEL 6.13).
 */
public record Timing(long now, int today, long nextDayAt) {

    /**
     * The v2 rule used by every current collection.
     *
     * @param crt                   collection creation time, Unix seconds
     * @param creationOffsetMinsWest config {@code creationOffset} (minutes west of UTC); null for very old
     *                               collections, which then use the legacy rule
     * @param now                   current time, Unix seconds
     * @param currentOffsetMinsWest current UTC offset in minutes west (config {@code localOffset})
     * @param rolloverHour          config {@code rollover}, 0..23 (Anki caps it; we take it modulo 24)
     */
    public static Timing of(
            long crt, Integer creationOffsetMinsWest, long now, int currentOffsetMinsWest, int rolloverHour) {
        ZoneOffset current = offsetFromMinutesWest(currentOffsetMinsWest);
        OffsetDateTime nowLocal = Instant.ofEpochSecond(now).atOffset(current);
        OffsetDateTime rolloverToday = atRollover(nowLocal, rolloverHour);
        if (creationOffsetMinsWest == null) {
            return legacy(crt, now, nowLocal, rolloverToday, current, rolloverHour);
        }
        boolean passed = !rolloverToday.isAfter(nowLocal);
        long nextDayAt = (passed ? rolloverToday.plusDays(1) : rolloverToday).toEpochSecond();
        LocalDate created = Instant.ofEpochSecond(crt)
                .atOffset(offsetFromMinutesWest(creationOffsetMinsWest))
                .toLocalDate();
        long days = nowLocal.toLocalDate().toEpochDay() - created.toEpochDay();
        if (!passed) {
            days -= 1;
        }
        return new Timing(now, (int) Math.max(days, 0), nextDayAt);
    }

    /**
     * Convenience for a server that knows the user's zone: uses the zone's offset at {@code now}
     * as the current offset, exactly as desktop Anki does with the machine's local offset.
     */
    public static Timing of(long crt, Integer creationOffsetMinsWest, long now, ZoneId zone, int rolloverHour) {
        return of(crt, creationOffsetMinsWest, now, minutesWest(zone, now), rolloverHour);
    }

    /** Minutes west of UTC of {@code zone} at the given instant (what Anki saves as localOffset). */
    public static int minutesWest(ZoneId zone, long epochSecs) {
        return -zone.getRules().getOffset(Instant.ofEpochSecond(epochSecs)).getTotalSeconds() / 60;
    }

    private static Timing legacy(
            long crt,
            long now,
            OffsetDateTime nowLocal,
            OffsetDateTime rolloverToday,
            ZoneOffset current,
            int rolloverHour) {
        long crtAtRollover = atRollover(Instant.ofEpochSecond(crt).atOffset(current), rolloverHour)
                .toEpochSecond();
        long days = Math.floorDiv(now - crtAtRollover, 86_400L);
        long next = rolloverToday.toEpochSecond();
        if (next < now) {
            next += 86_400;
        }
        return new Timing(now, (int) Math.max(days, 0), next);
    }

    private static OffsetDateTime atRollover(OffsetDateTime local, int hour) {
        return local.withHour(Math.floorMod(hour, 24))
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
    }

    /** Anki bounds offsets to +-23 hours before building a fixed offset. */
    static ZoneOffset offsetFromMinutesWest(int minutesWest) {
        int bounded = Math.max(-23 * 60, Math.min(23 * 60, minutesWest));
        return ZoneOffset.ofTotalSeconds(-bounded * 60);
    }

    /** Seconds left until the next rollover, never negative. */
    public long secsUntilRollover() {
        return Math.max(0, nextDayAt - now);
    }

    /** Intraday-learning cards with {@code due < learnAheadCutoff} count as due now (config collapseTime). */
    public long learnAheadCutoff(int collapseTimeSecs) {
        return now + collapseTimeSecs;
    }

    /** Unix ms from which revlog rows belong to "today" (7.4): (nextDayAt - 86400) * 1000. */
    public long dayStartMillis() {
        return (nextDayAt - 86_400) * 1000;
    }
}
