package dev.ankiconnect.scheduler;

/**
 * Anki's review-interval fuzz (ANKI-MODEL 6.6). Arithmetic is done in {@code float} on purpose:
 * Anki computes in f32 and the rounding of boundary cases depends on it.
 */
public final class Fuzz {
    private Fuzz() {}

    /** Rust {@code f32::round}: half away from zero. */
    static long round(float x) {
        double r = Math.floor(Math.abs((double) x) + 0.5);
        return (long) Math.copySign(r, x);
    }

    /** Rust {@code f32 as u32}: saturating, NaN to 0. */
    static int toU32(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return 0;
        }
        return x >= 4294967295.0 ? -1 : (int) (long) x;
    }

    static float delta(float interval) {
        if (interval < 2.5f) {
            return 0f;
        }
        float delta = 1.0f;
        delta += 0.15f * Math.max(0f, Math.min(interval, 7.0f) - 2.5f);
        delta += 0.1f * Math.max(0f, Math.min(interval, 20.0f) - 7.0f);
        delta += 0.05f * Math.max(0f, Math.min(interval, Float.MAX_VALUE) - 20.0f);
        return delta;
    }

    /** Fuzz range {lower, upper} (inclusive) of an interval constrained to [minimum, maximum]. */
    public static int[] bounds(float interval, int minimum, int maximum) {
        minimum = Math.min(minimum, maximum);
        float x = Math.max(minimum, Math.min(maximum, interval));
        float d = delta(x);
        int lower = clamp((int) Math.max(0, round(x - d)), minimum, maximum);
        int upper = clamp((int) Math.max(0, round(x + d)), minimum, maximum);
        if (upper == lower && upper > 2 && upper < maximum) {
            upper = lower + 1;
        }
        return new int[] {lower, upper};
    }

    /** The fuzzed interval in days; {@code factor == null} means no fuzz (round and clamp). */
    public static int apply(Float factor, float interval, int minimum, int maximum) {
        if (factor == null) {
            return clamp((int) Math.max(0, round(interval)), minimum, maximum);
        }
        int[] b = bounds(interval, minimum, maximum);
        return (int) Math.floor(b[0] + factor * (float) (1 + b[1] - b[0]));
    }

    /** FSRS review minimum: keeps a passing review from shrinking below the previous interval. */
    static int minimumReviewFuzzInterval(float interval, int previous, int maximum) {
        long rounded = Math.max(0, round(interval));
        int upper = bounds(interval, 1, maximum)[1];
        if (rounded > previous) {
            return previous + 1;
        } else if (previous <= upper) {
            return previous;
        }
        return 0;
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
