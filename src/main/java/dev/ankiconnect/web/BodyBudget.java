package dev.ankiconnect.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide budget of request-body bytes in flight ({@code maxBodyMbInFlight}): a body is counted from its
 * first byte (or its declared length) until its request has been answered. A body that would go past the budget
 * is refused with the JSON "server busy" error, so many large bodies at once cannot exhaust the heap. A body
 * costs about four times its size while it is parsed and run (bytes, text, JSON value, decoded media), which the
 * default of one eighth of the maximum heap leaves room for.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** The budget for {@code maxBodyMbInFlight} (0: an eighth of the JVM's maximum heap). */
    static BodyBudget of(int configuredMb) {
        long bytes = configuredMb > 0
                ? configuredMb * 1024L * 1024L
                : Runtime.getRuntime().maxMemory() / 8;
        return new BodyBudget(Math.max(1024L * 1024L, bytes));
    }

    long limit() {
        return limit;
    }

    long used() {
        return used.get();
    }

    /** A new, empty claim on the budget. */
    Claim claim() {
        return new Claim();
    }

    /** The bytes one request holds; given back once, by {@link #close()}. */
    final class Claim implements AutoCloseable {
        private long held;
        private boolean closed;

        /** Takes {@code bytes} more; false (taking nothing) when the budget has no room for them. */
        synchronized boolean take(long bytes) {
            if (bytes <= 0) {
                return true;
            }
            if (closed) {
                return false;
            }
            long now = used.addAndGet(bytes);
            if (now > limit) {
                used.addAndGet(-bytes);
                return false;
            }
            held += bytes;
            return true;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                used.addAndGet(-held);
                held = 0;
            }
        }
    }
}
