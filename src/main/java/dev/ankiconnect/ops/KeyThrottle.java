package dev.ankiconnect.ops;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down guessing of API keys per client address: after {@code limit} refused keys in a row,
 * the address is blocked for {@code blockMs}, doubling with every further refusal (at most one
 * hour). While blocked, every request from it is answered with an error without checking its
 * key. An accepted key clears the address's record.
 */
public final class KeyThrottle {

    static final long MAX_BLOCK_MS = 3_600_000L;
    static final int MAX_TRACKED = 100_000;

    private record State(int failures, long blockedUntil, long lastMs) {}

    private final int limit;
    private final long blockMs;
    private final LongSupplier clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public KeyThrottle(int limit, long blockMs, LongSupplier clock) {
        this.limit = limit;
        this.blockMs = blockMs;
        this.clock = clock;
    }

    /** Ms until this address may try again; 0 when it may now. */
    public long retryAfterMs(String address) {
        if (limit <= 0) {
            return 0;
        }
        State s = states.get(address);
        if (s == null) {
            return 0;
        }
        return Math.max(0, s.blockedUntil() - clock.getAsLong());
    }

    public void failed(String address) {
        if (limit <= 0) {
            return;
        }
        long now = clock.getAsLong();
        states.compute(address, (a, s) -> {
            int failures = (s == null ? 0 : s.failures()) + 1;
            long until = s == null ? 0 : s.blockedUntil();
            if (failures >= limit) {
                int doublings = Math.min(failures - limit, 30);
                until = now + Math.min(MAX_BLOCK_MS, blockMs << doublings);
            }
            return new State(failures, until, now);
        });
        if (states.size() > MAX_TRACKED) {
            evict(now);
        }
    }

    public void succeeded(String address) {
        if (limit > 0) {
            states.remove(address);
        }
    }

    private void evict(long now) {
        for (Iterator<Map.Entry<String, State>> it = states.entrySet().iterator(); it.hasNext(); ) {
            State s = it.next().getValue();
            if (s.blockedUntil() < now && now - s.lastMs() > MAX_BLOCK_MS) {
                it.remove();
            }
        }
    }
}
