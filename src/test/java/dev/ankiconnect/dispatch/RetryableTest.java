package dev.ankiconnect.dispatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.InvalidInputException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "lost a race with another writer": the action is run again. */
class RetryableTest {

    @Test
    void constraintViolationsAndSerializationFailures_anywhereInTheChain() {
        assertTrue(ActionDispatcher.retryable(new RuntimeException(new SQLException("dup", "23505"))));
        assertTrue(ActionDispatcher.retryable(
                new IllegalStateException(new RuntimeException(new SQLException("x", "40001")))));
        assertTrue(ActionDispatcher.retryable(new SQLException("deadlock", "40P01")));
    }

    @Test
    void lockTimeouts_areNotRetriedButAnsweredAsBusy() {
        // Another writer held the lock for dbWaitMs: running again would hold the request for as long once more.
        for (String state : new String[] {"40XL1", "40XL2", "55P03"}) {
            SQLException timeout = new SQLException("lock wait", state);
            assertFalse(ActionDispatcher.retryable(new RuntimeException(timeout)), state);
            String text = ApiErrors.message(new RuntimeException(timeout));
            assertTrue(text.startsWith("server busy: "), text);
        }
        String text = ApiErrors.message(new dev.ankiconnect.db.ServerBusyException(
                dev.ankiconnect.db.ServerBusyException.Reason.CONNECTION, 1234, null));
        assertTrue(
                text.equals("server busy: no database connection became free within 1234 ms (dbWaitMs); try again"),
                text);
    }

    @Test
    void everythingElse_isNot() {
        assertFalse(ActionDispatcher.retryable(new InvalidInputException("bad")));
        assertFalse(ActionDispatcher.retryable(new RuntimeException(new SQLException("conn", "08006"))));
        assertFalse(ActionDispatcher.retryable(new SQLException("no state")));
        assertFalse(ActionDispatcher.retryable(null));
    }
}
