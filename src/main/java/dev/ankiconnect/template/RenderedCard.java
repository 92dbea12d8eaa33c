package dev.ankiconnect.template;

import java.util.List;

/**
 * A rendered card. {@link #question()}/{@link #answer()} are what AnkiConnect's cardsInfo
 * returns ({@code <style>css</style>} + text); the {@code *Text} variants omit the style.
 */
public record RenderedCard(
        String css,
        String questionText,
        String answerText,
        boolean empty,
        boolean templateError,
        List<AvTags.AvTag> questionAvTags,
        List<AvTags.AvTag> answerAvTags,
        List<Latex.Snippet> latex) {

    /** cardsInfo "question": {@code "<style>" + css + "</style>" + questionText}. */
    public String question() {
        return "<style>" + css + "</style>" + questionText;
    }

    /** cardsInfo "answer": {@code "<style>" + css + "</style>" + answerText}. */
    public String answer() {
        return "<style>" + css + "</style>" + answerText;
    }
}
