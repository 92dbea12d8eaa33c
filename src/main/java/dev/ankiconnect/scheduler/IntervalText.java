package dev.ankiconnect.scheduler;

/** Anki's short answer-button labels ("<1m", "10m", "1d", "4.2mo", "(end)") in English. */
public final class IntervalText {
    private static final float MINUTE = 60f;
    private static final float HOUR = 3600f;
    private static final float DAY = 86_400f;
    private static final float YEAR = 365f * DAY;
    private static final float MONTH = YEAR / 12f;

    private IntervalText() {}

    /** Label for an amount of seconds: s/m/d as integers, h/mo/y to one decimal, trailing ".0" dropped. */
    public static String answerButtonTime(float seconds) {
        float abs = Math.abs(seconds);
        String unit;
        float amount;
        boolean oneDecimal;
        if (abs < MINUTE) {
            unit = "s";
            amount = seconds;
            oneDecimal = false;
        } else if (abs < HOUR) {
            unit = "m";
            amount = seconds / MINUTE;
            oneDecimal = false;
        } else if (abs < DAY) {
            unit = "h";
            amount = seconds / HOUR;
            oneDecimal = true;
        } else if (abs < MONTH) {
            unit = "d";
            amount = seconds / DAY;
            oneDecimal = false;
        } else if (abs < YEAR) {
            unit = "mo";
            amount = seconds / MONTH;
            oneDecimal = true;
        } else {
            unit = "y";
            amount = seconds / YEAR;
            oneDecimal = true;
        }
        float rounded = oneDecimal ? Fuzz.round(amount * 10f) / 10f : Fuzz.round(amount);
        return format(rounded) + unit;
    }

    /**
     * What the answer buttons show: "(end)" for 0, a "&lt;" prefix below the learn-ahead limit.
     *
     * @param seconds          the interval in seconds (days already multiplied by 86400)
     * @param collapseTimeSecs config collapseTime (default 1200)
     */
    public static String answerButtonTimeCollapsible(long seconds, int collapseTimeSecs) {
        String s = answerButtonTime(seconds);
        if (seconds == 0) {
            return "(end)";
        }
        return seconds < collapseTimeSecs ? "<" + s : s;
    }

    /** Fluent's number formatting as used by Anki: no trailing zeros, at most what rounding left. */
    private static String format(float v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = Float.toString(v);
        return s.contains("E")
                ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                : s;
    }
}
