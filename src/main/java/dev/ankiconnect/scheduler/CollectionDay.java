package dev.ankiconnect.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The settings a collection's day depends on (ANKI-MODEL 6.13): its creation time {@code crt} (Unix seconds),
 * config {@code creationOffset} (minutes west of UTC at creation; null for very old collections) and the
 * rollover hour. The one place "today" is computed: callers build one from the collection's settings and ask
 * it for the {@link Timing} at a moment.
 */
public record CollectionDay(long crt, Integer creationOffsetMinsWest, int rolloverHour) {

    /** Anki's "next day starts at" hour when config {@code rollover} is unset. */
    public static final int DEFAULT_ROLLOVER_HOUR = 4;

    /** Anki caps config {@code rollover} at this hour. */
    public static final int LAST_ROLLOVER_HOUR = 23;

    /** The rollover hour is always one Anki would use: see {@link #rolloverHour(Long)}. */
    public CollectionDay {
        rolloverHour = rolloverHour((long) rolloverHour);
    }

    /** From the config values as stored: {@code rollover} null when unset (or not a number). */
    public static CollectionDay of(long crt, Integer creationOffsetMinsWest, Long rollover) {
        return new CollectionDay(crt, creationOffsetMinsWest, rolloverHour(rollover));
    }

    /**
     * Config {@code rollover} as the day rule uses it: {@value #DEFAULT_ROLLOVER_HOUR} when unset, capped at
     * {@value #LAST_ROLLOVER_HOUR}; a negative hour counts back from midnight (-1 is 23).
     */
    public static int rolloverHour(Long configured) {
        if (configured == null) {
            return DEFAULT_ROLLOVER_HOUR;
        }
        if (configured > LAST_ROLLOVER_HOUR) {
            return LAST_ROLLOVER_HOUR;
        }
        return (int) Math.floorMod(configured, 24L);
    }

    /**
     * Anki's {@code crt} for a collection created at {@code nowMs} in {@code zone}: that day's default rollover
     * hour, or the day before's if created earlier in the day.
     */
    public static long creationTime(long nowMs, ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.ofInstant(Instant.ofEpochMilli(nowMs), zone);
        LocalDate day =
                now.getHour() < DEFAULT_ROLLOVER_HOUR ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        return LocalDateTime.of(day, LocalTime.of(DEFAULT_ROLLOVER_HOUR, 0))
                .atZone(zone)
                .toEpochSecond();
    }

    /** Today, the next rollover and {@code nowSecs} for a user in {@code zone} (its offset at that moment). */
    public Timing at(long nowSecs, ZoneId zone) {
        return Timing.of(crt, creationOffsetMinsWest, nowSecs, zone, rolloverHour);
    }
}
