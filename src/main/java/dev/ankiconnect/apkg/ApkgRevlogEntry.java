package dev.ankiconnect.apkg;

/**
 * One row of the {@code revlog} table. {@code id} is the answer time in ms; {@code ivl}/{@code lastIvl}
 * are days when positive and seconds when negative; {@code time} is the answer duration in ms.
 */
public record ApkgRevlogEntry(
        long id, long cid, int usn, int ease, long ivl, long lastIvl, int factor, int time, int type) {}
