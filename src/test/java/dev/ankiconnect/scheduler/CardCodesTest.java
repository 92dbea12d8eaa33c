package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CardCodesTest {

    @Test
    void typeCodesAreAnkis() {
        assertEquals(0, CardType.NEW.code());
        assertEquals(1, CardType.LEARNING.code());
        assertEquals(2, CardType.REVIEW.code());
        assertEquals(3, CardType.RELEARNING.code());
        for (CardType t : CardType.values()) {
            assertEquals(t, CardType.of(t.code()));
        }
        assertFalse(CardType.isValid(4));
        assertFalse(CardType.isValid(-1));
        assertThrows(IllegalArgumentException.class, () -> CardType.of(4));
    }

    @Test
    void queueCodesAreAnkis() {
        assertEquals(-3, CardQueue.BURIED_MANUALLY.code());
        assertEquals(-2, CardQueue.BURIED_SIBLING.code());
        assertEquals(-1, CardQueue.SUSPENDED.code());
        assertEquals(0, CardQueue.NEW.code());
        assertEquals(1, CardQueue.LEARNING.code());
        assertEquals(2, CardQueue.REVIEW.code());
        assertEquals(3, CardQueue.DAY_LEARNING.code());
        assertEquals(4, CardQueue.PREVIEW.code());
        for (CardQueue q : CardQueue.values()) {
            assertEquals(q, CardQueue.of(q.code()));
            assertTrue(q.is(q.code()));
        }
        assertFalse(CardQueue.isValid(5));
        assertFalse(CardQueue.isValid(-4));
        assertThrows(IllegalArgumentException.class, () -> CardQueue.of(-4));
    }

    @Test
    void restoredQueueFollowsTheType() {
        assertEquals(CardQueue.NEW, CardQueue.restoredFor(0, 5));
        assertEquals(CardQueue.LEARNING, CardQueue.restoredFor(1, 1_700_000_000));
        assertEquals(CardQueue.DAY_LEARNING, CardQueue.restoredFor(3, 105));
        assertEquals(CardQueue.REVIEW, CardQueue.restoredFor(2, 105));
        assertEquals(CardQueue.REVIEW, CardQueue.restoredFor(9, 105));
    }
}
