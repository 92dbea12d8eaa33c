package dev.ankiconnect.scheduler;

/** An answer button; {@link #ease()} is the value stored in revlog.ease and used by AnkiConnect. */
public enum Rating {
    AGAIN(1),
    HARD(2),
    GOOD(3),
    EASY(4);

    private final int ease;

    Rating(int ease) {
        this.ease = ease;
    }

    public int ease() {
        return ease;
    }

    /** Maps AnkiConnect's ease 1..4; anything else is rejected like Anki's "invalid rating". */
    public static Rating fromEase(int ease) {
        for (Rating r : values()) {
            if (r.ease == ease) {
                return r;
            }
        }
        throw new IllegalArgumentException("invalid rating: " + ease);
    }
}
