package dev.ankiconnect.note;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** New cards in a deck whose preset inserts randomly get Anki's seeded random position. */
class RandomPositionTest {

    @Test
    void randomPosition_matchesAnkisVectors() {
        assertEquals(180, NoteTypeSync.randomPosition(5));
        assertEquals(13, NoteTypeSync.randomPosition(500));
        assertEquals(3731, NoteTypeSync.randomPosition(5001));
    }
}
