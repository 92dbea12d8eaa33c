package dev.ankiconnect.scheduler;

/** A card's queue as Anki stores it in {@code cards.queue}: the code is what is stored. */
public enum CardQueue {
    BURIED_MANUALLY(-3),
    BURIED_SIBLING(-2),
    SUSPENDED(-1),
    NEW(0),
    LEARNING(1),
    REVIEW(2),
    DAY_LEARNING(3),
    PREVIEW(4);

    private static final CardQueue[] BY_CODE = values();
    private static final int LOWEST = -3;

    private final int code;

    CardQueue(int code) {
        this.code = code;
    }

    /** The stored code. */
    public int code() {
        return code;
    }

    /** True when a stored code is one Anki defines. */
    public static boolean isValid(int code) {
        return code >= LOWEST && code - LOWEST < BY_CODE.length;
    }

    /** The queue of a stored code; an undefined code is refused. */
    public static CardQueue of(int code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("invalid card queue " + code);
        }
        return BY_CODE[code - LOWEST];
    }

    /**
     * The queue a card of this stored type goes back to when unsuspended or unburied (ANKI-MODEL 1.5): (re)learning
     * by whether {@code due} looks like a timestamp; an undefined type counts as a review card.
     */
    public static CardQueue restoredFor(int type, long due) {
        if (CardType.NEW.is(type)) {
            return NEW;
        }
        if (CardType.LEARNING.is(type) || CardType.RELEARNING.is(type)) {
            return due > 1_000_000_000L ? LEARNING : DAY_LEARNING;
        }
        return REVIEW;
    }

    /** True when the stored code is this queue. */
    public boolean is(int storedCode) {
        return storedCode == code;
    }
}
