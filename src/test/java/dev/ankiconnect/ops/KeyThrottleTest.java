package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyThrottleTest {

    @Test
    void blocksAfterTheLimit_doublingEachTime_perAddress() {
        AtomicLong now = new AtomicLong(1_000_000);
        KeyThrottle t = new KeyThrottle(3, 1000, now::get);
        t.failed("a");
        t.failed("a");
        assertEquals(0, t.retryAfterMs("a"));
        t.failed("a");
        assertEquals(1000, t.retryAfterMs("a"));
        assertEquals(0, t.retryAfterMs("b"));
        now.addAndGet(1000);
        assertEquals(0, t.retryAfterMs("a"));
        t.failed("a");
        assertEquals(2000, t.retryAfterMs("a"));
        now.addAndGet(2000);
        t.failed("a");
        assertEquals(4000, t.retryAfterMs("a"));
        now.addAndGet(4000);
        t.succeeded("a");
        t.failed("a");
        assertEquals(0, t.retryAfterMs("a"));
    }

    @Test
    void blockIsCappedAtAnHour_andLimitZeroDisables() {
        AtomicLong now = new AtomicLong(0);
        KeyThrottle t = new KeyThrottle(1, 1000, now::get);
        for (int i = 0; i < 100; i++) {
            t.failed("a");
        }
        assertEquals(KeyThrottle.MAX_BLOCK_MS, t.retryAfterMs("a"));
        KeyThrottle off = new KeyThrottle(0, 1000, now::get);
        off.failed("a");
        assertEquals(0, off.retryAfterMs("a"));
    }
}
