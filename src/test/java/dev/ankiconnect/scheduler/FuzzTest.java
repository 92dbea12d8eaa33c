package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FuzzTest {

    private static int[] lowMidHigh(float x, int lo, int hi) {
        return new int[] {Fuzz.apply(0f, x, lo, hi), Fuzz.apply(0.5f, x, lo, hi), Fuzz.apply(0.99f, x, lo, hi)};
    }

    @Test
    void referenceVectors() {
        assertArrayEquals(new int[] {2, 3, 4}, lowMidHigh(2.5f, 1, 1000));
        assertArrayEquals(new int[] {5, 7, 9}, lowMidHigh(7f, 1, 1000));
        assertArrayEquals(new int[] {14, 17, 20}, lowMidHigh(17f, 1, 1000));
        assertArrayEquals(new int[] {33, 37, 41}, lowMidHigh(37f, 1, 1000));
        assertArrayEquals(new int[] {101, 105, 108}, lowMidHigh(100f, 101, 1000));
        assertArrayEquals(new int[] {92, 96, 99}, lowMidHigh(100f, 1, 99));
    }

    @Test
    void noFuzzBelowTwoAndAHalfDaysAndRoundingWithoutFactor() {
        assertArrayEquals(new int[] {2, 2}, Fuzz.bounds(2.4f, 1, 100));
        assertEquals(3, Fuzz.apply(null, 2.5f, 1, 100));
        assertEquals(5, Fuzz.apply(null, 2.5f, 5, 100));
        assertEquals(10, Fuzz.apply(null, 12f, 1, 10));
    }

    @Test
    void boundsWidenWhenCollapsedAboveTwo() {
        // 3 days clamped to [3, 3]: upper == lower == max, so no widening at the maximum
        assertArrayEquals(new int[] {3, 3}, Fuzz.bounds(3f, 3, 3));
        // clamped minimum forces a one-day range
        assertArrayEquals(new int[] {5, 6}, Fuzz.bounds(3f, 5, 100));
    }

    @Test
    void ankiFuzzSourceIsDeterministicPerSeedAndInRange() {
        for (long seed = 1_700_000_000_000L; seed < 1_700_000_000_050L; seed++) {
            Float f = FuzzSource.ANKI.reviewFuzzFactor(seed);
            assertEquals(f, FuzzSource.ANKI.reviewFuzzFactor(seed));
            int days = Fuzz.apply(f, 25f, 1, 36500);
            assertTrue(days >= 22 && days <= 28, "25d fuzzes within 22..28, got " + days);
            int secs = FuzzSource.ANKI.learningDelayWithFuzz(seed, 600);
            assertTrue(secs >= 600 && secs < 750, "10m gets up to 25% extra, got " + secs);
            int big = FuzzSource.ANKI.learningDelayWithFuzz(seed, 3600);
            assertTrue(big >= 3600 && big < 3900, "at most 5 extra minutes, got " + big);
        }
        assertEquals(2, FuzzSource.ANKI.learningDelayWithFuzz(7, 2), "range empty below 4s");
    }
}
