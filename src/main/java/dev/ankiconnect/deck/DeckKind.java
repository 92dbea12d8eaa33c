package dev.ankiconnect.deck;

/** A deck's kind, stored as Anki's {@code dyn} code: 0 a normal deck, 1 a filtered deck. */
public enum DeckKind {
    NORMAL(0),
    FILTERED(1);

    private final int code;

    DeckKind(int code) {
        this.code = code;
    }

    /** The stored code (column {@code kind}, v11 JSON {@code dyn}). */
    public int code() {
        return code;
    }

    public static DeckKind of(int code) {
        return switch (code) {
            case 0 -> NORMAL;
            case 1 -> FILTERED;
            default -> throw new IllegalArgumentException("deck kind " + code);
        };
    }
}
