package dev.ankiconnect.scheduler;

/**
 * Where fuzz randomness comes from. Seeds are {@code card.id + card.reps} (reps before the answer),
 * as Anki derives them. {@link #ANKI} reproduces desktop Anki bit for bit; {@link #NONE} is Anki's
 * test mode (no fuzz); {@link #fixed} pins the factor for tests.
 */
public interface FuzzSource {

    /** Review fuzz factor in [0, 1), or null for "no fuzz" (then intervals are simply rounded). */
    Float reviewFuzzFactor(long seed);

    /** The learning delay after adding Anki's up-to-25%-but-at-most-5-minutes learning fuzz. */
    int learningDelayWithFuzz(long seed, int secs);

    FuzzSource ANKI = new FuzzSource() {
        @Override
        public Float reviewFuzzFactor(long seed) {
            return AnkiRng.seedFromU64(seed).nextFloat01();
        }

        @Override
        public int learningDelayWithFuzz(long seed, int secs) {
            int upperExclusive = secs + (int) Math.floor(Math.min(secs * 0.25f, 300f));
            if (secs >= upperExclusive) {
                return secs;
            }
            return AnkiRng.seedFromU64(seed).nextIntRange(secs, upperExclusive);
        }
    };

    FuzzSource NONE = fixedOrNone(null);

    /** Always the given review factor; learning delays stay unfuzzed. */
    static FuzzSource fixed(float factor) {
        return fixedOrNone(factor);
    }

    private static FuzzSource fixedOrNone(Float factor) {
        return new FuzzSource() {
            @Override
            public Float reviewFuzzFactor(long seed) {
                return factor;
            }

            @Override
            public int learningDelayWithFuzz(long seed, int secs) {
                return secs;
            }
        };
    }
}
