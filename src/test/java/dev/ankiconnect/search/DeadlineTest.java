package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aThreadWithoutBudgetNeverFails() {
        assertDoesNotThrow(Deadline::check);
        assertDoesNotThrow(Deadline::checkLeavingTimeToUndo);
        assertTrue(Deadline.remainingMs() == Long.MAX_VALUE);
    }

    @Test
    void aWritingLoopStopsAtHalfTheBudget_andTheRestOfTheRequestKeepsThatDeadline() throws Exception {
        try (Deadline.Scope s = Deadline.start(400)) {
            Deadline.checkLeavingTimeToUndo();
            assertTrue(Deadline.remainingMs() <= 200, "the deadline moved to half of the budget");
            Thread.sleep(250);
            assertThrows(Deadline.Exceeded.class, Deadline::checkLeavingTimeToUndo);
            assertThrows(Deadline.Exceeded.class, Deadline::check);
        }
        assertDoesNotThrow(Deadline::check);
    }

    @Test
    void aReadingLoopHasTheWholeBudget() {
        try (Deadline.Scope s = Deadline.start(10_000)) {
            assertDoesNotThrow(Deadline::check);
            assertTrue(Deadline.remainingMs() > 5_000, "no half-budget deadline without a writing loop");
        }
    }
}
