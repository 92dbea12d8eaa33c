package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsrsTest {

    private static MemoryState walk(Fsrs f) {
        Rating[] ratings = {Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        int[] elapsed = {0, 0, 1, 3, 8, 21};
        MemoryState m = null;
        for (int i = 0; i < ratings.length; i++) {
            m = f.next(m, ratings[i], elapsed[i]);
        }
        return m;
    }

    @Test
    void referenceSequenceWithDefaults() {
        MemoryState m = walk(Fsrs.defaults());
        assertEquals(53.62691, m.stability(), 1e-4);
        assertEquals(6.3574867, m.difficulty(), 1e-5);
    }

    @Test
    void referenceSequenceWithoutShortTermParameters() {
        List<Float> p = new ArrayList<>(Fsrs.DEFAULT_PARAMS);
        p.set(17, 0f);
        p.set(18, 0f);
        p.set(19, 0f);
        Fsrs f = new Fsrs(p);
        MemoryState m = walk(f);
        assertEquals(53.335106, m.stability(), 1e-4);
        assertEquals(6.3574867, m.difficulty(), 1e-5);
        assertEquals(false, f.allowsShortTerm());
    }

    @Test
    void intervalsForRetentionsWithStabilityOne() {
        Fsrs f = Fsrs.defaults();
        long[] expected = {3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
        for (int i = 0; i < 10; i++) {
            float r = (i + 1) / 10f;
            long got = Math.max(Fuzz.round(f.interval(1f, r)), 1);
            // Exact, including r = 0.1, where f32 arithmetic (as fsrs-rs uses) gives 3116766
            // and f64 would give 3116769.
            assertEquals(expected[i], got, "r=" + r);
        }
        assertEquals(10f, f.interval(10f, 0.9f), 1e-4, "I(S, 0.9) = S");
        assertEquals(0.9f, f.retrievability(10f, 10f), 1e-6);
    }

    @Test
    void initialStates() {
        Fsrs f = Fsrs.defaults();
        assertEquals(0.212f, f.initial(Rating.AGAIN).stability());
        assertEquals(2.3065f, f.initial(Rating.GOOD).stability());
        assertEquals(6.4133f, f.initial(Rating.AGAIN).difficulty(), 1e-6);
        assertEquals(
                6.4133f - (float) Math.exp(0.8334f * 2) + 1f,
                f.initial(Rating.GOOD).difficulty(),
                1e-5);
        assertEquals(1f, f.initial(Rating.EASY).difficulty(), "clamped to 1");
    }

    @Test
    void parameterMigrationAndErrors() {
        List<Float> five = new ArrayList<>(Fsrs.DEFAULT_PARAMS.subList(0, 19));
        Fsrs f5 = new Fsrs(five);
        assertEquals(0.5f, f5.param(20));
        assertEquals(0f, f5.param(19));
        assertEquals(0.5f, Fsrs.storedDecay(five));
        assertEquals(0.1542f, Fsrs.storedDecay(List.of()));

        List<Float> four = new ArrayList<>(Fsrs.DEFAULT_PARAMS.subList(0, 17));
        Fsrs f4 = new Fsrs(four);
        assertEquals(Math.min(10f, 6.4133f + 2 * 0.8334f), f4.param(4), 1e-5);
        assertEquals((float) Math.log(3 * 0.8334f + 1) / 3f, f4.param(5), 1e-6);
        assertEquals(false, f4.allowsShortTerm());

        List<Float> clamped = new ArrayList<>(Fsrs.DEFAULT_PARAMS);
        clamped.set(0, 500f);
        assertEquals(100f, new Fsrs(clamped).param(0));

        assertThrows(IllegalArgumentException.class, () -> new Fsrs(List.of(1f, 2f)));
        List<Float> nan = new ArrayList<>(Fsrs.DEFAULT_PARAMS);
        nan.set(3, Float.NaN);
        assertThrows(IllegalArgumentException.class, () -> new Fsrs(nan));
    }

    @Test
    void revlogFactorOfDifficulty() {
        assertEquals(100, new MemoryState(1f, 1f).revlogFactor());
        assertEquals(1100, new MemoryState(1f, 10f).revlogFactor());
        assertEquals(600, new MemoryState(1f, 5.5f).revlogFactor());
    }
}
