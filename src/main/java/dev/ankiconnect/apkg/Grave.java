package dev.ankiconnect.apkg;

/**
 * One row of the {@code graves} deletion log: {@code type} 0 = card, 1 = note, 2 = deck. Only
 * meaningful for a whole-collection (.colpkg) restore, where it tells the next sync what was deleted.
 */
public record Grave(long oid, int type, int usn) {}
