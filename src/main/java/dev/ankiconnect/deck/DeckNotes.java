package dev.ankiconnect.deck;

import java.util.Collection;

/**
 * What deck removal needs of the notes table. Implemented by note.NoteStore, the one store of {@code notes}, which
 * sits above deck.
 */
public interface DeckNotes {

    /** Deletes those of these notes that have no card left. */
    void deleteWithoutCards(Collection<Long> nids);
}
