package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void line_quotesWhatNeedsIt() {
        assertEquals(
                "action=addNote user=alice profile=\"User 1\" client=10.0.0.7 scheme=https outcome=ok ms=12",
                AccessLog.line("addNote", "alice", "User 1", "10.0.0.7", "https", "ok", 12));
        assertEquals(
                "action=\"a\\\"b\\u000a\" client=::1 outcome=refused ms=0",
                AccessLog.line("a\"b\n", null, null, "::1", null, "refused", 0));
        assertEquals(
                "action=- client=- outcome=failed ms=3", AccessLog.line(null, null, null, null, null, "failed", 3));
        String longName = "x".repeat(101);
        assertEquals("\"" + "x".repeat(100) + "...\"", AccessLog.quote(longName));
        assertEquals("x".repeat(100), AccessLog.quote("x".repeat(100)));
        assertEquals("\"\"", AccessLog.quote(""));
        assertEquals("\"caf\u00e9\"", AccessLog.quote("caf\u00e9"));
        assertEquals("a-b_c.d:e@f/g", AccessLog.quote("a-b_c.d:e@f/g"));
    }

    @Test
    void queued_linesReachTheLoggerInOrder_fromTheWriterThread_withTheRequestsTimeAndThread() {
        Recorder recorder = new Recorder();
        Logger logger = logger(recorder);
        AccessLog log = new AccessLog(logger, 100);
        long before = System.currentTimeMillis();
        for (int i = 0; i < 50; i++) {
            log.log("action=version n=" + i);
        }
        log.close();
        List<LogRecord> records = recorder.records();
        assertEquals(50, records.size());
        for (int i = 0; i < 50; i++) {
            LogRecord r = records.get(i);
            assertEquals("action=version n=" + i, r.getMessage());
            assertEquals(Level.INFO, r.getLevel());
            assertEquals("dev.ankiconnect.ops.AccessLog", r.getSourceClassName());
            assertEquals("log", r.getSourceMethodName());
            assertEquals(Thread.currentThread().getId(), r.getLongThreadID());
            assertTrue(r.getMillis() >= before);
        }
        assertNotSame(Thread.currentThread(), recorder.publisher);
        assertEquals(0, log.dropped());
        assertEquals(0, log.pending());
    }

    @Test
    void blockedHandler_neverBlocksARequest_fullQueueDropsAndCounts_andTheDropIsReported() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder recorder = new Recorder() {
            @Override
            public void publish(LogRecord record) {
                super.publish(record);
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AccessLog log = new AccessLog(logger(recorder), 2);
        try {
            // A log call that waited for the handler would never return: fail instead of hanging.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> log.log("line 1"));
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the writer takes the first line");
            // The writer now hangs in the handler: two lines fit in the queue, the rest are dropped at once.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                log.log("line 2");
                log.log("line 3");
                log.log("line 4");
                log.log("line 5");
            });
            assertEquals(2, log.dropped());
            assertEquals(2, log.pending());
        } finally {
            release.countDown();
        }
        log.close();
        List<String> messages =
                recorder.records().stream().map(LogRecord::getMessage).toList();
        assertEquals(List.of("line 1", "line 2", "line 3"), messages.subList(0, 3));
        assertEquals(4, messages.size(), messages.toString());
        LogRecord warning = recorder.records().get(3);
        assertEquals(Level.WARNING, warning.getLevel());
        assertEquals(
                "access log: 2 lines dropped, the log's handlers did not keep up (queue of 2 lines full;"
                        + " configuration key accessLogQueue); 2 dropped in all",
                warning.getMessage());
    }

    @Test
    void capacityZero_writesOnTheCallingThread() {
        Recorder recorder = new Recorder();
        AccessLog log = new AccessLog(logger(recorder), 0);
        log.log("action=deckNames");
        assertEquals(
                List.of("action=deckNames"),
                recorder.records().stream().map(LogRecord::getMessage).toList());
        assertSame(Thread.currentThread(), recorder.publisher);
        log.close();
        assertThrows(IllegalArgumentException.class, () -> new AccessLog(logger(recorder), -1));
    }

    @Test
    void afterClose_linesAreWrittenDirectly_andTheWriterHasStopped() {
        Recorder recorder = new Recorder();
        AccessLog log = new AccessLog(logger(recorder), 10);
        log.log("before");
        log.close();
        log.log("after");
        assertEquals(
                List.of("before", "after"),
                recorder.records().stream().map(LogRecord::getMessage).toList());
        assertSame(Thread.currentThread(), recorder.publisher);
        assertFalse(log.writerAlive());
    }

    @Test
    void failingHandler_losesItsLine_notTheWriter() {
        Recorder recorder = new Recorder() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().equals("bad")) {
                    throw new IllegalStateException("handler broke");
                }
                super.publish(record);
            }
        };
        AccessLog log = new AccessLog(logger(recorder), 10);
        log.log("bad");
        log.log("good");
        log.close();
        assertEquals(
                List.of("good"),
                recorder.records().stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void levelAboveInfo_disablesTheLog() {
        Logger logger = logger(new Recorder());
        AccessLog log = new AccessLog(logger, 0);
        assertTrue(log.enabled());
        logger.setLevel(Level.OFF);
        assertFalse(log.enabled());
    }

    private static Logger logger(Handler handler) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        return logger;
    }

    private static class Recorder extends Handler {
        private final List<LogRecord> records = new ArrayList<>();
        volatile Thread publisher;

        @Override
        public void publish(LogRecord record) {
            publisher = Thread.currentThread();
            synchronized (records) {
                records.add(record);
            }
        }

        List<LogRecord> records() {
            synchronized (records) {
                return List.copyOf(records);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
