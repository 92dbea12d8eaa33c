package dev.ankiconnect.search;

/**
 * The time budget of the request the current thread serves ({@code requestTimeoutMs}). The dispatcher starts
 * it; long loops call {@link #check()}, regex matching reads its text through {@link #guard}, and JDBC
 * statements get {@link #remainingMs()} as their timeout. Past the deadline {@link Exceeded} is thrown: the
 * action is rolled back and answered with {@code api.ApiErrors}' text for it. A thread with no budget never fails.
 */
public final class Deadline {

    /** Deadline in {@link System#nanoTime()} and the budget in ms, or null when the thread has no budget. */
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    /** Characters read through a guarded sequence between two clock reads. */
    private static final int CHECK_EVERY = 4096;

    private Deadline() {}

    /** Restores the budget that was in force before {@link #start}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Starts a budget of {@code budgetMs} (no budget when it is 0 or less) unless one is running already (the
     * sub-actions of {@code multi} share the request's budget).
     */
    public static Scope start(long budgetMs) {
        long[] outer = CURRENT.get();
        if (outer != null || budgetMs <= 0) {
            return () -> {};
        }
        CURRENT.set(new long[] {System.nanoTime() + budgetMs * 1_000_000L, budgetMs});
        return CURRENT::remove;
    }

    /** Throws {@link Exceeded} when the budget has run out. */
    public static void check() {
        long[] d = CURRENT.get();
        if (d != null && System.nanoTime() - d[0] > 0) {
            throw new Exceeded(d[1]);
        }
    }

    /**
     * For a loop that writes many rows: throws {@link Exceeded} once half of the budget has gone, and moves the
     * deadline there for the rest of the request. Undoing the rows takes about as long as writing them, so the
     * rollback then ends within the budget and the reply comes in time.
     */
    public static void checkLeavingTimeToUndo() {
        long[] d = CURRENT.get();
        if (d == null) {
            return;
        }
        long half = d[0] - d[1] * 500_000L;
        if (half - d[0] < 0) {
            d[0] = half;
        }
        check();
    }

    /** Milliseconds left (at least 1 while a budget runs), or {@link Long#MAX_VALUE} without a budget. */
    public static long remainingMs() {
        long[] d = CURRENT.get();
        if (d == null) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (d[0] - System.nanoTime()) / 1_000_000L);
    }

    /** The budget of the running request in ms, 0 without one. */
    public static long budgetMs() {
        long[] d = CURRENT.get();
        return d == null ? 0 : d[1];
    }

    /** Seconds left, rounded up, for {@code Statement.setQueryTimeout}; 0 (no timeout) without a budget. */
    public static int remainingSeconds() {
        long ms = remainingMs();
        return ms == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, (ms + 999) / 1000));
    }

    /** The text, read through a check of the budget every few thousand characters (for regex matching). */
    public static CharSequence guard(CharSequence text) {
        long[] d = CURRENT.get();
        return d == null ? text : new Guarded(text, d);
    }

    /** The request ran out of time; nothing it did is kept. */
    public static final class Exceeded extends RuntimeException {
        private final long budgetMs;

        public Exceeded(long budgetMs) {
            // for logs; the client's text is ApiErrors'
            super("time budget of " + budgetMs + " ms (requestTimeoutMs) exceeded", null, false, false);
            this.budgetMs = budgetMs;
        }

        public long budgetMs() {
            return budgetMs;
        }

        /** The Exceeded among {@code failure}'s causes, or null. */
        public static Exceeded within(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof Exceeded e) {
                    return e;
                }
            }
            return null;
        }
    }

    /** A view that reads the clock every {@link #CHECK_EVERY} characters. */
    private static final class Guarded implements CharSequence {
        private final CharSequence text;
        private final long[] deadline;
        private int reads;

        Guarded(CharSequence text, long[] deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= CHECK_EVERY) {
                reads = 0;
                if (System.nanoTime() - deadline[0] > 0) {
                    throw new Exceeded(deadline[1]);
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
