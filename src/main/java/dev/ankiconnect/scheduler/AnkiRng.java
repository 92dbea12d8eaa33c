package dev.ankiconnect.scheduler;

/**
 * Port of what Anki's fuzz uses: Rust rand 0.9 {@code StdRng} (ChaCha with 12 rounds, 64-bit block counter,
 * stream 0) seeded by {@code seed_from_u64} (PCG32 expansion of the u64 into the 32-byte key), plus the
 * {@code random_range} samplers for f32 and u32. Ported so fuzzed intervals equal desktop Anki's.
 */
public final class AnkiRng {
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private final int[] key = new int[8];
    private final int rounds;
    private final int[] block = new int[16];
    private long counter;
    private int index = 16;

    private AnkiRng(int[] keyWords, int rounds) {
        System.arraycopy(keyWords, 0, key, 0, 8);
        this.rounds = rounds;
    }

    /** StdRng::from_seed: 32 bytes read as eight little-endian key words. */
    public static AnkiRng fromSeed(byte[] seed) {
        return fromSeed(seed, 12);
    }

    /** Round count is a parameter only so the core can be checked against ChaCha20 reference vectors. */
    static AnkiRng fromSeed(byte[] seed, int rounds) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("seed must be 32 bytes");
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (seed[4 * i] & 0xff)
                    | (seed[4 * i + 1] & 0xff) << 8
                    | (seed[4 * i + 2] & 0xff) << 16
                    | (seed[4 * i + 3] & 0xff) << 24;
        }
        return new AnkiRng(words, rounds);
    }

    /** rand_core's default seed_from_u64: each key word is one PCG32 output. */
    public static AnkiRng seedFromU64(long state) {
        final long mul = 6364136223846793005L;
        final long inc = 0xA17654E46FBE17F3L; // 11634580027462260723 as unsigned
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            state = state * mul + inc;
            int xorshifted = (int) (((state >>> 18) ^ state) >>> 27);
            int rot = (int) (state >>> 59);
            words[i] = Integer.rotateRight(xorshifted, rot);
        }
        return new AnkiRng(words, 12);
    }

    public int nextU32() {
        if (index >= 16) {
            refill();
        }
        return block[index++];
    }

    /** Low word first, like rand_core's block RNG. */
    public long nextU64() {
        long lo = nextU32() & 0xffffffffL;
        long hi = nextU32() & 0xffffffffL;
        return hi << 32 | lo;
    }

    /** {@code random_range(0.0..1.0)} for f32: 23 random mantissa bits, so exactly k / 2^23. */
    public float nextFloat01() {
        int bits = nextU32() >>> 9;
        return Float.intBitsToFloat(bits | 0x3f800000) - 1.0f;
    }

    /**
     * {@code random_range(low..highExclusive)} for u32 (Canon's method as in rand 0.9).
     * Values are treated as unsigned 32-bit numbers.
     */
    public int nextIntRange(int low, int highExclusive) {
        long lo = low & 0xffffffffL;
        long hi = highExclusive & 0xffffffffL;
        if (lo >= hi) {
            throw new IllegalArgumentException("empty range");
        }
        long range = hi - lo; // inclusive range size (high - 1 - low + 1), never 2^32 here
        long product = (nextU32() & 0xffffffffL) * range;
        long result = product >>> 32;
        long loOrder = product & 0xffffffffL;
        if (loOrder > ((-range) & 0xffffffffL)) {
            long newHiOrder = ((nextU32() & 0xffffffffL) * range) >>> 32;
            if (loOrder + newHiOrder > 0xffffffffL) {
                result += 1;
            }
        }
        return (int) (lo + result);
    }

    private void refill() {
        int[] x = new int[16];
        System.arraycopy(SIGMA, 0, x, 0, 4);
        System.arraycopy(key, 0, x, 4, 8);
        x[12] = (int) counter;
        x[13] = (int) (counter >>> 32);
        x[14] = 0;
        x[15] = 0;
        int[] w = x.clone();
        for (int i = 0; i < rounds; i += 2) {
            quarter(w, 0, 4, 8, 12);
            quarter(w, 1, 5, 9, 13);
            quarter(w, 2, 6, 10, 14);
            quarter(w, 3, 7, 11, 15);
            quarter(w, 0, 5, 10, 15);
            quarter(w, 1, 6, 11, 12);
            quarter(w, 2, 7, 8, 13);
            quarter(w, 3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            block[i] = w[i] + x[i];
        }
        counter++;
        index = 0;
    }

    private static void quarter(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }
}
