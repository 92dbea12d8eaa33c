package dev.ankiconnect.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.card.CardRow;
import org.junit.jupiter.api.Test;

/** Check Database's card rules, one state at a time. */
class CardRulesTest {

    static final int TODAY = 321;

    static CardRow card(int type, int queue, long due, int ivl) {
        CardRow c = new CardRow();
        c.id = 1;
        c.type = type;
        c.queue = queue;
        c.due = due;
        c.ivl = ivl;
        return c;
    }

    @Test
    void healthyCardsAreLeftAlone() {
        for (CardRow c : new CardRow[] {
            card(0, 0, 5, 0),
            card(1, 1, 1_700_000_000L, 0),
            card(1, 3, 300, 0),
            card(2, 2, 400, 10),
            card(3, 1, 1_700_000_000L, 3),
            card(2, -1, 99, 4),
            card(0, -3, 7, 0),
            card(0, 0, 1_500_000, 0)
        }) {
            assertEquals(CardRules.Outcome.NONE, CardRules.fix(c, TODAY, true));
        }
        CardRow preview = card(2, 4, 1_700_000_000L, 5);
        preview.odid = 9;
        preview.odue = 300;
        assertEquals(CardRules.Outcome.NONE, CardRules.fix(preview, TODAY, false));
    }

    @Test
    void newCardPositionsOfTwoMillionAndMoreWrapToOneMillion() {
        CardRow c = card(0, 0, 2_000_001, 0);
        assertEquals(CardRules.Outcome.POSITION, CardRules.fix(c, TODAY, true));
        assertEquals(1_000_001, c.due);
        CardRow suspended = card(0, -1, 5_123_456, 0);
        assertEquals(CardRules.Outcome.POSITION, CardRules.fix(suspended, TODAY, true));
        assertEquals(1_123_456, suspended.due);
    }

    @Test
    void reviewCardsDueFarAwayAreDueToday() {
        CardRow c = card(2, 2, 100_001, 3);
        assertEquals(CardRules.Outcome.PROPERTIES, CardRules.fix(c, TODAY, true));
        assertEquals(TODAY, c.due);
        CardRow near = card(2, 2, 100_000, 3);
        assertEquals(CardRules.Outcome.NONE, CardRules.fix(near, TODAY, true));
    }

    @Test
    void dueAndOriginalDueStayInsideThirtyTwoBits() {
        CardRow c = card(1, 1, 1L << 40, 0);
        CardRules.fix(c, TODAY, true);
        assertEquals(Integer.MAX_VALUE, c.due);
    }

    @Test
    void aQueueThatDoesNotBelongToTheTypeIsRestoredFromTheType() {
        CardRow review = card(2, 0, 30, 5);
        assertEquals(CardRules.Outcome.PROPERTIES, CardRules.fix(review, TODAY, true));
        assertEquals(2, review.queue);
        CardRow newInLearning = card(0, 1, 4, 0);
        CardRules.fix(newInLearning, TODAY, true);
        assertEquals(0, newInLearning.queue);
        CardRow learning = card(1, 2, 1_700_000_000L, 0);
        CardRules.fix(learning, TODAY, true);
        assertEquals(1, learning.queue);
        CardRow dayLearning = card(3, 0, 300, 2);
        CardRules.fix(dayLearning, TODAY, true);
        assertEquals(3, dayLearning.queue);
        CardRow previewOutsideFiltered = card(0, 4, 1_700_000_000L, 0);
        CardRules.fix(previewOutsideFiltered, TODAY, true);
        assertEquals(0, previewOutsideFiltered.queue);
        CardRow unknown = card(2, 9, 30, 5);
        CardRules.fix(unknown, TODAY, true);
        assertEquals(2, unknown.queue);
    }

    @Test
    void theQueueFixComesBeforeTheDueFix() {
        // a review card in the new queue with a day far away: review queue, then due today
        CardRow c = card(2, 0, 250_000, 5);
        CardRules.fix(c, TODAY, true);
        assertEquals(2, c.queue);
        assertEquals(TODAY, c.due);
    }

    @Test
    void intervals() {
        CardRow negative = card(1, 3, 300, -4);
        assertEquals(CardRules.Outcome.PROPERTIES, CardRules.fix(negative, TODAY, true));
        assertEquals(0, negative.ivl);
        CardRow review = card(2, 2, 300, 0);
        assertEquals(CardRules.Outcome.PROPERTIES, CardRules.fix(review, TODAY, true));
        assertEquals(1, review.ivl);
        CardRow negativeReview = card(2, 2, 300, -3);
        CardRules.fix(negativeReview, TODAY, true);
        assertEquals(1, negativeReview.ivl);
    }

    @Test
    void originalDueOutsideFilteredDecks() {
        CardRow review = card(2, 2, 300, 3);
        review.odue = 200;
        assertEquals(CardRules.Outcome.PROPERTIES, CardRules.fix(review, TODAY, true));
        assertEquals(0, review.odue);
        CardRow newCard = card(0, 0, 3, 0);
        newCard.odue = 200;
        // Anki's rule clears it only for learning cards and the review queue
        assertEquals(CardRules.Outcome.NONE, CardRules.fix(newCard, TODAY, true));
        assertEquals(200, newCard.odue);
    }

    @Test
    void anOriginalDeckOnACardInANormalDeckIsCleared() {
        CardRow c = card(2, 2, 300, 3);
        c.odid = 77;
        c.odue = 250;
        c.did = 5;
        assertEquals(CardRules.Outcome.PROPERTIES, CardRules.fix(c, TODAY, true));
        assertEquals(0, c.odid);
        assertEquals(0, c.odue);
        assertEquals(5, c.did);
        CardRow filtered = card(2, 2, 300, 3);
        filtered.odid = 77;
        filtered.odue = 250;
        assertEquals(CardRules.Outcome.NONE, CardRules.fix(filtered, TODAY, false));
        assertEquals(77, filtered.odid);
    }

    @Test
    void ordinalsAreClamped() {
        CardRow low = card(0, 0, 1, 0);
        low.ord = -2;
        CardRules.fix(low, TODAY, true);
        assertEquals(0, low.ord);
        CardRow high = card(0, 0, 1, 0);
        high.ord = 40_000;
        CardRules.fix(high, TODAY, true);
        assertEquals(30_000, high.ord);
    }
}
