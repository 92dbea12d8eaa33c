package dev.ankiconnect.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anki-style ids: the current epoch millisecond, or one more than the last id handed out when
 * several objects are created within the same millisecond, so ids stay unique and ordered.
 */
@ApplicationScoped
public class Ids {

    private final AtomicLong last = new AtomicLong();

    public long next() {
        long now = System.currentTimeMillis();
        return last.updateAndGet(prev -> Math.max(now, prev + 1));
    }

    /** Reserves {@code count} consecutive ids and returns the first. */
    public long reserve(int count) {
        long now = System.currentTimeMillis();
        long end = last.updateAndGet(prev -> Math.max(now, prev + 1) + count - 1);
        return end - count + 1;
    }
}
