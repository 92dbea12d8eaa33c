package dev.ankiconnect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.scheduler.MemoryState;
import dev.ankiconnect.scheduler.SchedulingCard;
import org.junit.jupiter.api.Test;

class SchedulingRowsTest {

    @Test
    void cardData_roundTripsAndKeepsCustomData() {
        CardRow card = new CardRow();
        card.id = 7;
        card.nid = 3;
        card.did = 1;
        card.type = 2;
        card.queue = 2;
        card.due = 120;
        card.ivl = 10;
        card.factor = 2500;
        card.reps = 4;
        card.lapses = 1;
        card.left = 0;
        card.odue = 0;
        card.odid = 0;
        card.data = "{\"pos\": 5, \"cd\": {\"x\": 1}}";
        SchedulingCard s = SchedulingRows.card(card);
        assertEquals(5, s.originalPosition());
        assertNull(s.memory());
        SchedulingCard changed = s.toBuilder()
                .memory(new MemoryState(12.345678f, 5.123456f))
                .desiredRetention(0.9f)
                .decay(0.1542f)
                .lastReviewTime(1_700_000_000L)
                .due(130)
                .build();
        SchedulingRows.apply(changed, card, 1_700_000_001L);
        assertEquals(130, card.due);
        assertEquals(1_700_000_001L, card.mtime);
        assertEquals(-1, card.usn);
        assertEquals(
                "{\"cd\": {\"x\": 1}, \"pos\": 5, \"s\": 12.3457, \"d\": 5.123, \"dr\": 0.9, \"decay\": 0.154, \"lrt\": 1700000000}",
                card.data);
        SchedulingCard back = SchedulingRows.card(card);
        assertEquals(12.3457f, back.memory().stability());
        assertEquals(1_700_000_000L, back.lastReviewTime());
    }

    @Test
    void invalidCardData_readsAsAllAbsent() {
        CardRow card = new CardRow();
        card.id = 1;
        card.type = 0;
        card.queue = 0;
        card.due = 1;
        card.data = "{not json";
        assertNull(SchedulingRows.card(card).originalPosition());
    }
}
