package dev.ankiconnect.scheduler;

/** FSRS memory state: stability in days and difficulty 1..10 (card data keys {@code s} and {@code d}). */
public record MemoryState(float stability, float difficulty) {

    /** Revlog factor Anki writes for FSRS cards: difficulty mapped onto 100..1100. */
    public int revlogFactor() {
        return Math.round(shiftedDifficulty() * 1000f);
    }

    /** (D - 1) / 9 + 0.1, Anki's "shifted" difficulty. */
    public float shiftedDifficulty() {
        return (difficulty - 1f) / 9f + 0.1f;
    }
}
