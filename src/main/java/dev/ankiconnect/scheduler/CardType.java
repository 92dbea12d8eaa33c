package dev.ankiconnect.scheduler;

/** A card's type as Anki stores it in {@code cards.type} (column {@code ctype}): the code is what is stored. */
public enum CardType {
    NEW(0),
    LEARNING(1),
    REVIEW(2),
    RELEARNING(3);

    private static final CardType[] BY_CODE = values();

    private final int code;

    CardType(int code) {
        this.code = code;
    }

    /** The stored code. */
    public int code() {
        return code;
    }

    /** True when a stored code is one Anki defines (a collection may hold others, which Check Database fixes). */
    public static boolean isValid(int code) {
        return code >= 0 && code < BY_CODE.length;
    }

    /** The type of a stored code; an undefined code is refused. */
    public static CardType of(int code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("invalid card type " + code);
        }
        return BY_CODE[code];
    }

    /** True when the stored code is this type. */
    public boolean is(int storedCode) {
        return storedCode == code;
    }
}
