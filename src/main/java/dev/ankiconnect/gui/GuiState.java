package dev.ankiconnect.gui;

/**
 * One profile's "main window": which screen it shows, of which deck, and in the reviewer which card and side.
 *
 * @param screen    {@link #DECK_BROWSER}, {@link #OVERVIEW} or {@link #REVIEW}
 * @param deckId    the deck of the overview or review, else null
 * @param cardId    the reviewer's current card, else null
 * @param side      {@link #QUESTION} or {@link #ANSWER} while reviewing, else null
 * @param shownAtMs when the card's timer started (Unix ms; 0 when not reviewing)
 * @param replay    how often guiPlayAudio asked to play the current side again
 * @param version   how often the window changed (0 for a profile that never moved it)
 * @param undo      the last answer given through guiAnswerCard, for guiUndo (JSON, see gui.GuiUndo), else null
 * @param browserQuery the card browser's search ("" without one); null when the browser was never opened
 * @param browserCard  the card selected in the browser, else null
 */
public record GuiState(
        String screen,
        Long deckId,
        Long cardId,
        String side,
        long shownAtMs,
        long replay,
        long version,
        String undo,
        String browserQuery,
        Long browserCard) {

    public static final String DECK_BROWSER = "deckBrowser";
    public static final String OVERVIEW = "overview";
    public static final String REVIEW = "review";
    public static final String QUESTION = "question";
    public static final String ANSWER = "answer";

    /** Where a profile that never moved its window is. */
    public static final GuiState INITIAL = new GuiState(DECK_BROWSER, null, null, null, 0, 0, 0, null, null, null);

    /** The deck list. */
    public GuiState deckBrowser() {
        return new GuiState(DECK_BROWSER, null, null, null, 0, replay, version, undo, browserQuery, browserCard);
    }

    /** A deck's overview (also the "congratulations" screen of a deck with nothing left to study). */
    public GuiState overview(long deck) {
        return new GuiState(OVERVIEW, deck, null, null, 0, replay, version, undo, browserQuery, browserCard);
    }

    /** The reviewer on a card's question, its timer started at {@code nowMs}. */
    public GuiState review(long deck, long card, long nowMs) {
        return new GuiState(REVIEW, deck, card, QUESTION, nowMs, replay, version, undo, browserQuery, browserCard);
    }

    /** The same window with another answer to undo (null: none). */
    public GuiState withUndo(String newUndo) {
        return new GuiState(
                screen, deckId, cardId, side, shownAtMs, replay, version, newUndo, browserQuery, browserCard);
    }

    /** The card browser open on a search, nothing selected. */
    public GuiState browsing(String query) {
        return new GuiState(screen, deckId, cardId, side, shownAtMs, replay, version, undo, query, null);
    }

    /** The card browser with one card selected. */
    public GuiState selecting(long card) {
        return new GuiState(screen, deckId, cardId, side, shownAtMs, replay, version, undo, browserQuery, card);
    }

    /** The card browser closed: no search, nothing selected (as a profile that never opened it). */
    public GuiState browserClosed() {
        return new GuiState(screen, deckId, cardId, side, shownAtMs, replay, version, undo, null, null);
    }

    /** True when the card browser is open. */
    public boolean browserOpen() {
        return browserQuery != null;
    }

    /** True when the reviewer shows a card. */
    public boolean reviewing() {
        return REVIEW.equals(screen) && cardId != null;
    }

    /** The reviewer on the other side of its card; the timer runs on (Anki starts it with the question only). */
    public GuiState showing(String newSide) {
        return new GuiState(
                screen, deckId, cardId, newSide, shownAtMs, replay, version, undo, browserQuery, browserCard);
    }

    public GuiState timerAt(long nowMs) {
        return new GuiState(screen, deckId, cardId, side, nowMs, replay, version, undo, browserQuery, browserCard);
    }

    public GuiState replayed() {
        return new GuiState(
                screen, deckId, cardId, side, shownAtMs, replay + 1, version, undo, browserQuery, browserCard);
    }
}
