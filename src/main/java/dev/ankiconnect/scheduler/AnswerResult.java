package dev.ankiconnect.scheduler;

/**
 * Outcome of answering a card.
 *
 * @param card            the card after the answer (queue already -1 if the leech action suspended it)
 * @param revlog          the row to append (caller assigns usn)
 * @param leech           the answer made the card a leech: caller adds the note tag {@code leech}
 * @param previousQueue   queue before the answer (drives "studied today" counters and sibling burying)
 * @param leftFilteredDeck the card was in a filtered deck: caller must set {@code did} back to the old {@code odid}
 * @param homeDeckId      the old {@code odid} when {@code leftFilteredDeck}, else 0
 */
public record AnswerResult(
        SchedulingCard card,
        RevlogEntry revlog,
        boolean leech,
        int previousQueue,
        boolean leftFilteredDeck,
        long homeDeckId) {}
