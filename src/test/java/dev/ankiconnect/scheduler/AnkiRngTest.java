package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnkiRngTest {

    @Test
    void chachaCoreMatchesTheChaCha20ZeroKeyVector() {
        // Well-known first keystream words of ChaCha20 with an all-zero key and nonce.
        AnkiRng rng = AnkiRng.fromSeed(new byte[32], 20);
        assertEquals(0xade0b876, rng.nextU32());
        assertEquals(0x903df1a0, rng.nextU32());
    }

    @Test
    void stdRngValueStabilityVectorOfRand() {
        byte[] seed = new byte[32];
        int[] first = {1, 0, 0, 0, 23, 0, 0, 0, 200, 1, 0, 0, 210, 30, 0, 0};
        for (int i = 0; i < first.length; i++) {
            seed[i] = (byte) first[i];
        }
        assertEquals(
                Long.parseUnsignedLong("10719222850664546238"),
                AnkiRng.fromSeed(seed).nextU64());
    }

    @Test
    void floatsAreMultiplesOfTwoToTheMinus23InUnitInterval() {
        for (long seed = 0; seed < 200; seed++) {
            float f = AnkiRng.seedFromU64(seed).nextFloat01();
            assertTrue(f >= 0f && f < 1f);
            assertEquals(0f, (f * (1 << 23)) % 1f);
        }
    }

    @Test
    void intRangeStaysInRangeAndIsDeterministic() {
        for (long seed = 0; seed < 200; seed++) {
            int v = AnkiRng.seedFromU64(seed).nextIntRange(60, 75);
            assertTrue(v >= 60 && v < 75);
            assertEquals(v, AnkiRng.seedFromU64(seed).nextIntRange(60, 75));
        }
    }
}
