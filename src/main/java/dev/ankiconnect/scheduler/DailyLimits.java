package dev.ankiconnect.scheduler;

/**
 * Pure parts of Anki's daily limits and deck-tree capping (ANKI-MODEL 7.2).
 *
 * @param review remaining reviews allowed today (never negative)
 * @param newCards remaining new cards allowed today (never negative)
 */
public record DailyLimits(int review, int newCards) {

    /** Filtered decks are not limited. */
    public static final DailyLimits FILTERED = new DailyLimits(9999, 9999);

    /**
     * @param reviewLimit              the deck's limit for today (today-override, deck override or preset value)
     * @param newLimit                 likewise for new cards
     * @param reviewStudied            reviews studied today in the deck (7.3)
     * @param newStudied               new cards studied today in the deck
     * @param newIgnoresReviewLimit    config newCardsIgnoreReviewLimit
     */
    public static DailyLimits remaining(
            int reviewLimit, int newLimit, int reviewStudied, int newStudied, boolean newIgnoresReviewLimit) {
        int review = reviewLimit - reviewStudied;
        int fresh = newLimit - newStudied;
        if (!newIgnoresReviewLimit) {
            review -= newStudied;
            fresh = Math.min(fresh, review);
        }
        return new DailyLimits(Math.max(review, 0), Math.max(fresh, 0));
    }

    /** Counts of one deck-tree node after its limits are applied. */
    public record Counts(int newCount, int learnCount, int reviewCount) {}

    /**
     * Caps a node's uncapped counts (own raw counts plus children's capped counts).
     *
     * @param newIgnoresReviewLimit when false, new cards are additionally capped by what reviews leave over
     */
    public Counts cap(
            int intradayLearning, int interdayLearning, int reviews, int newCards, boolean newIgnoresReviewLimit) {
        int interday = Math.min(interdayLearning, review);
        int rev = Math.max(0, Math.min(reviews, review - interday));
        int fresh = Math.min(newCards, this.newCards);
        if (!newIgnoresReviewLimit) {
            fresh = Math.max(0, Math.min(fresh, review - interday - rev));
        }
        return new Counts(fresh, intradayLearning + interday, rev);
    }
}
