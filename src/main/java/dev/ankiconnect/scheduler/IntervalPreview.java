package dev.ankiconnect.scheduler;

/** What one answer button would do: the interval (seconds or days, as Anki logs it) and its label. */
public record IntervalPreview(Rating rating, Interval interval, String text) {}
