package dev.ankiconnect.deck;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the deck operations need of the cards and notes tables (moving cards, emptying a deck, the counts of the deck
 * list). Implemented by card.CardStore, the one store of {@code cards}, which sits above deck: so deck imports no card
 * class.
 */
public interface DeckCards {

    /** The deck of each known card id; unknown ids are absent. */
    Map<Long, Long> decksOf(Collection<Long> cardIds);

    /** Moves cards into a deck, first returning any in a filtered deck home with their old due (mtime, usn -1). */
    void moveToDeck(List<Long> cardIds, long did, long nowSecs);

    /** Every card of a filtered deck goes back home with its old due. */
    void returnHome(long filteredDid, long nowSecs);

    /** Deletes the cards in a deck or with it as home deck; returns their notes (distinct). */
    List<Long> deleteInDeck(long did);

    /** The card counts of one deck as the deck list shows them. */
    record Counts(long did, long fresh, long review, long dayLearning, long learning, long total) {}

    /** The counts of every deck that has cards: due review/day-learning by {@code today}, learning by {@code cutoff}. */
    List<Counts> countsByDeck(long today, long cutoff);

    /** The same counts for these decks' cards only (the reviewer's subtree): its cost is theirs, not the collection's. */
    List<Counts> countsInDecks(long today, long cutoff, Collection<Long> dids);
}
