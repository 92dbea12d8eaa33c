package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void line_quotesWhatNeedsIt() {
        assertEquals("action=addNote user=alice profile=\"User 1\" client=10.0.0.7 scheme=https outcome=ok ms=12",
                AccessLog.line("addNote", "alice", "User 1", "10.0.0.7", "https", "ok", 12));
        assertEquals("action=\"a\\\"b\\u000a\" client=::1 outcome=refused ms=0",
                AccessLog.line("a\"b\n", null, null, "::1", null, "refused", 0));
    }
}
