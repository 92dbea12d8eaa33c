package dev.ankiconnect.scheduler;

import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anki's "set due date" syntax: {@code N}, {@code N-M} (random day in the range, order-insensitive),
 * either optionally followed by {@code !} (also reset the interval to the chosen days).
 */
public record DueDateSpec(int min, int max, boolean forceReset) {
    private static final Pattern SYNTAX = Pattern.compile("^([0-9]+)(?:-([0-9]+))?(!)?$");

    /**
     * @throws IllegalArgumentException for anything else (empty, negative, spaces). Numbers above
     *         Integer.MAX_VALUE are rejected too: Anki accepts up to u32 but would overflow the due day.
     */
    public static DueDateSpec parse(String s) {
        Matcher m = s == null ? null : SYNTAX.matcher(s);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("invalid due date: " + s);
        }
        long min = parseU32(m.group(1), s);
        long max = m.group(2) != null ? parseU32(m.group(2), s) : min;
        return new DueDateSpec((int) Math.min(min, max), (int) Math.max(min, max), m.group(3) != null);
    }

    private static long parseU32(String digits, String whole) {
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid due date: " + whole);
        }
        return Long.parseLong(digits);
    }

    /** Days from today for one card: uniform in [min, max] (Anki uses an unseeded generator here). */
    public int sampleDays(RandomGenerator random) {
        return min == max ? min : (int) random.nextLong(min, (long) max + 1);
    }
}
