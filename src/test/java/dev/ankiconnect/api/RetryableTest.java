package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "lost a race with another writer": the action is run again. */
class RetryableTest {

    @Test
    void constraintViolationsAndSerializationFailures_anywhereInTheChain() {
        assertTrue(ActionDispatcher.retryable(new RuntimeException(new SQLException("dup", "23505"))));
        assertTrue(ActionDispatcher.retryable(new IllegalStateException(new RuntimeException(new SQLException("x", "40001")))));
        assertTrue(ActionDispatcher.retryable(new SQLException("deadlock", "40P01")));
        assertTrue(ActionDispatcher.retryable(new SQLException("derby lock", "40XL1")));
    }

    @Test
    void everythingElse_isNot() {
        assertFalse(ActionDispatcher.retryable(new InvalidInputException("bad")));
        assertFalse(ActionDispatcher.retryable(new RuntimeException(new SQLException("conn", "08006"))));
        assertFalse(ActionDispatcher.retryable(new SQLException("no state")));
        assertFalse(ActionDispatcher.retryable(null));
    }
}
