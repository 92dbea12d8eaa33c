package dev.ankiconnect.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuidTest {
    @Test
    void base91Vectors() {
        assertEquals("", Guid.encode(0));
        assertEquals("b", Guid.encode(1));
        assertEquals("saAKk", Guid.encode(1234567890L));
        assertEquals("Rj&Z5m[>Zp", Guid.encode(-1L)); // 2^64 - 1, read unsigned
    }

    @Test
    void alphabetHas91CharsWithoutSpaceQuotesOrBackslash() {
        assertEquals(91, Guid.ALPHABET.length());
        assertEquals(-1, Guid.ALPHABET.indexOf(' '));
        assertEquals(-1, Guid.ALPHABET.indexOf('"'));
        assertEquals(-1, Guid.ALPHABET.indexOf('\''));
        assertEquals(-1, Guid.ALPHABET.indexOf('\\'));
        assertEquals("ba", Guid.encode(91));
    }

    @Test
    void randomGuidsAreAtMostTenAlphabetChars() {
        String a = Guid.random();
        assertTrue(a.length() <= 10);
        assertTrue(a.chars().allMatch(c -> Guid.ALPHABET.indexOf(c) >= 0));
        assertNotEquals(a, Guid.random());
    }
}
