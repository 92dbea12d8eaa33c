package dev.ankiconnect.ops;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per request through the java.util.logging logger {@code dev.ankiconnect.access}:
 * {@code action=addNote user=alice profile="User 1" client=10.0.0.7 outcome=ok ms=12}.
 * Never the key, never parameters or note content.
 *
 * <p>A request never waits for the log's handlers: {@link #log} puts the record (stamped with the
 * request's time and thread) on a bounded queue, and one daemon thread hands the records to the
 * logger in order. Handlers are often synchronous and serialised (a console handler takes a lock,
 * writes and flushes for every record): called from every request thread they made all requests
 * queue behind one another. When the queue is full the line is dropped, counted, and the count is
 * reported through the same logger at WARNING (at most every {@value #DROP_REPORT_SECONDS} s, and
 * on close). Capacity 0 writes on the request thread instead (never drops, never detaches).
 * A logger level above INFO turns the log off: nothing is built or queued.
 */
public final class AccessLog implements AutoCloseable {

    public static final Logger LOG = Logger.getLogger("dev.ankiconnect.access");

    static final long DROP_REPORT_SECONDS = 10;
    /** How long the writer sleeps when it finds the queue empty: lines reach the handlers within about this. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final long CLOSE_WAIT_MS = 10_000;

    private final Logger logger;
    private final int capacity;
    private final ConcurrentLinkedQueue<LogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private long reportedDrops;
    private long lastReport;

    /** An access log into {@code logger}; {@code capacity} lines may wait for the writer (0: no writer). */
    public AccessLog(Logger logger, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.logger = logger;
        this.capacity = capacity;
        if (capacity == 0) {
            writer = null;
        } else {
            writer = new Thread(this::drain, "ankiconnect-access-log");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** False when the logger's level leaves INFO out: then there is no line to build. */
    public boolean enabled() {
        return logger.isLoggable(Level.INFO);
    }

    /** Logs one line without waiting for the handlers (when queued); drops and counts it if the queue is full. */
    public void log(String line) {
        LogRecord record = new LogRecord(Level.INFO, line);
        record.setLoggerName(logger.getName());
        // Set here so that formatters that show the source do not walk the stack (of the writer thread).
        record.setSourceClassName(AccessLog.class.getName());
        record.setSourceMethodName("log");
        if (writer == null || closed) {
            publish(record);
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(record);
        if (closed) {
            // close() came in between: the writer may have finished; write what it left behind here.
            while ((record = queue.poll()) != null) {
                queued.decrementAndGet();
                publish(record);
            }
        }
    }

    /** Lines dropped so far because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    boolean writerAlive() {
        return writer != null && writer.isAlive();
    }

    /** Lines waiting for the writer. */
    int pending() {
        return queued.get();
    }

    /** Stops the writer after it has written every queued line (waits at most 10 s); later lines are written directly. */
    @Override
    public void close() {
        if (writer == null || closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        while (true) {
            LogRecord r;
            while ((r = queue.poll()) != null) {
                queued.decrementAndGet();
                publish(r);
            }
            boolean last = closed && queue.isEmpty();
            reportDrops(last);
            if (last) {
                return;
            }
            if (!closed) {
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }

    private void reportDrops(boolean now) {
        long d = dropped.get();
        long t = System.nanoTime();
        if (d == reportedDrops
                || (!now && reportedDrops > 0 && t - lastReport < TimeUnit.SECONDS.toNanos(DROP_REPORT_SECONDS))) {
            return;
        }
        LogRecord warning = new LogRecord(
                Level.WARNING,
                "access log: " + (d - reportedDrops)
                        + " lines dropped, the log's handlers did not keep up (queue of " + capacity
                        + " lines full; configuration key accessLogQueue); " + d + " dropped in all");
        warning.setLoggerName(logger.getName());
        warning.setSourceClassName(AccessLog.class.getName());
        warning.setSourceMethodName("log");
        publish(warning);
        reportedDrops = d;
        lastReport = t;
    }

    private void publish(LogRecord record) {
        try {
            logger.log(record);
        } catch (RuntimeException e) {
            // A failing handler loses its line, never the writer; JUL handlers report their own errors.
        }
    }

    public static String line(
            String action, String user, String profile, String client, String scheme, String outcome, long ms) {
        StringBuilder b = new StringBuilder(96);
        b.append("action=");
        quote(b, action);
        if (user != null) {
            b.append(" user=");
            quote(b, user);
        }
        if (profile != null) {
            b.append(" profile=");
            quote(b, profile);
        }
        b.append(" client=");
        quote(b, client);
        if (scheme != null) {
            b.append(" scheme=");
            quote(b, scheme);
        }
        b.append(" outcome=").append(outcome).append(" ms=").append(ms);
        return b.toString();
    }

    /** Bare when safe, else a JSON-style quoted string (control characters escaped). */
    static String quote(String s) {
        return quote(new StringBuilder(), s).toString();
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        if (s == null) {
            return b.append('-');
        }
        if (bare(s)) {
            return b.append(s);
        }
        String t = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        b.append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    /** Non-empty, at most 100 characters of [A-Za-z0-9._:@/-]. */
    private static boolean bare(String s) {
        if (s.isEmpty() || s.length() > 100) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '@'
                    || c == '/'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
