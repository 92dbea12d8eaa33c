package dev.ankiconnect.scheduler;

/** What happens to a card that becomes a leech (preset option lapse.leechAction 0/1). */
public enum LeechAction {
    /** 0: tag and suspend. */
    SUSPEND,
    /** 1: tag only (Anki's default). */
    TAG_ONLY;

    public static LeechAction fromLegacy(int value) {
        return value == 0 ? SUSPEND : TAG_ONLY;
    }
}
