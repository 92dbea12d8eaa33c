package dev.ankiconnect.check;

import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.scheduler.CardQueue;
import dev.ankiconnect.scheduler.CardType;

/**
 * The card properties Check Database repairs, one card at a time (pure). Anki's rules (rslib
 * {@code storage/card/fix_*.sql}, {@code dbcheck.rs}), in Anki's order:
 * <ul>
 * <li>a new card (type 0, not in the preview queue) with a position of 2,000,000 or more wraps back to
 * 1,000,000 + position mod 1,000,000;</li>
 * <li>a card in the review queue due more than 100,000 days after the collection's creation is due today;
 * other due values are kept inside 32 bits;</li>
 * <li>an original due on a card outside a filtered deck ({@code odid} 0) that is learning or in the review
 * queue is cleared; other original dues are kept inside 32 bits;</li>
 * <li>a negative interval becomes 0;</li>
 * <li>a template ordinal is kept within 0..30000;</li>
 * <li>a card whose deck is a normal deck but which has an original deck ({@code odid}) loses {@code odid} and
 * {@code odue}.</li>
 * </ul>
 * Beyond Anki's check, two states the scheduler cannot work with are repaired as Anki repairs a queue when it
 * unsuspends: a card that is neither suspended nor buried whose queue does not belong to its type (a review card in
 * the new queue, a new card in the learning queue, the preview queue outside a filtered deck, an unknown queue) gets
 * the queue of its type (new 0, learning and relearning 1 when due is a timestamp else 3, review 2); and a review
 * card (type 2) with an interval below one day gets one day.
 */
public final class CardRules {

    private CardRules() {}

    /** What {@link #fix} changed. */
    public enum Outcome {
        /** Nothing. */
        NONE,
        /** Only the new-card position (Anki counts these apart). */
        POSITION,
        /** Some other property (perhaps the position as well). */
        PROPERTIES
    }

    static final long NEW_POSITION_WRAP = 1_000_000;
    static final long REVIEW_DUE_MAX = 100_000;
    static final int MAX_ORDINAL = 30_000;

    /**
     * Repairs the card in place.
     *
     * @param today       the collection's day number (days since creation)
     * @param inNormalDeck whether the card's current deck is a normal deck (not a filtered one); a deck that is
     *                    missing counts as normal, as Check Database recreates it as one
     */
    public static Outcome fix(CardRow c, int today, boolean inNormalDeck) {
        boolean other = false;
        boolean position = false;
        if (queueMismatch(c, inNormalDeck)) {
            c.queue = queueFromType(c);
            other = true;
        }
        if (CardType.NEW.is(c.type) && !CardQueue.PREVIEW.is(c.queue) && c.due >= 2 * NEW_POSITION_WRAP) {
            c.due = NEW_POSITION_WRAP + c.due % NEW_POSITION_WRAP;
            position = true;
        }
        if (CardQueue.REVIEW.is(c.queue) && c.due > REVIEW_DUE_MAX) {
            c.due = today;
            other = true;
        } else if (c.due != clamp32(c.due)) {
            c.due = clamp32(c.due);
            other = true;
        }
        if (c.odue > 0 && (CardType.LEARNING.is(c.type) || CardQueue.REVIEW.is(c.queue)) && c.odid == 0) {
            c.odue = 0;
            other = true;
        } else if (c.odue != clamp32(c.odue)) {
            c.odue = clamp32(c.odue);
            other = true;
        }
        if (c.ivl < 0) {
            c.ivl = 0;
            other = true;
        }
        if (CardType.REVIEW.is(c.type) && c.ivl < 1) {
            c.ivl = 1;
            other = true;
        }
        if (c.ord < 0 || c.ord > MAX_ORDINAL) {
            c.ord = Math.max(0, Math.min(MAX_ORDINAL, c.ord));
            other = true;
        }
        if (c.odid != 0 && inNormalDeck) {
            c.odid = 0;
            c.odue = 0;
            other = true;
        }
        return other ? Outcome.PROPERTIES : position ? Outcome.POSITION : Outcome.NONE;
    }

    /** A card that is neither suspended nor buried whose queue is not one its type can be in. */
    static boolean queueMismatch(CardRow c, boolean inNormalDeck) {
        if (!CardType.isValid(c.type)) {
            // an unknown type: no queue can be derived from it
            return false;
        }
        if (!CardQueue.isValid(c.queue)) {
            return true;
        }
        CardType type = CardType.of(c.type);
        return switch (CardQueue.of(c.queue)) {
            case SUSPENDED, BURIED_SIBLING, BURIED_MANUALLY -> false;
            case NEW -> type != CardType.NEW;
            case LEARNING, DAY_LEARNING -> type != CardType.LEARNING && type != CardType.RELEARNING;
            case REVIEW -> type != CardType.REVIEW;
            // the preview queue exists only in filtered decks
            case PREVIEW -> c.odid == 0 || inNormalDeck;
        };
    }

    /** The queue a card of this type belongs in (ANKI-MODEL 1.5, as unsuspending restores it). */
    static int queueFromType(CardRow c) {
        return CardQueue.restoredFor(c.type, c.due).code();
    }

    static long clamp32(long v) {
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
