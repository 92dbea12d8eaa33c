package dev.ankiconnect.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.note.TagSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tag normalisation of a note against the registered tags (ANKI-MODEL 1.14). */
class TagSetTest {

    @Test
    void normalisesDedupesAndSortsCaseInsensitively() {
        TagSet set = new TagSet(List.of());
        assertEquals(List.of("a", "B", "c::blank"), set.canonicalize(List.of("c::", "B", "a b", "A")));
        assertEquals(" a B c::blank ", set.storage(List.of("c::", "B", "a b", "A")));
        assertEquals("", set.storage(List.of(" ", "")));
    }

    @Test
    void registeredSpellingWins_andParentsLendTheirSpelling() {
        TagSet set = new TagSet(List.of("Japanese", "Verbs"));
        assertEquals(List.of("Japanese", "Japanese::n5"), set.canonicalize(List.of("japanese", "JAPANESE::n5")));
        assertEquals(List.of("Verbs::Irregular::Past"), set.canonicalize(List.of("verbs::Irregular::Past")));
        assertEquals(List.of("Japanese::n5", "Verbs::Irregular::Past"), List.copyOf(set.added()));
        // once registered, later spellings follow the first one
        assertEquals(List.of("Japanese::n5"), set.canonicalize(List.of("japanese::N5")));
    }

    @Test
    void matcher_wildcardsChildrenAndCase() {
        TagMatcher m = new TagMatcher("parent tg*");
        assertTrue(m.matches("Parent"));
        assertTrue(m.matches("parent::child"));
        assertFalse(m.matches("parents"));
        assertTrue(m.matches("TG2"));
        assertFalse(m.matches("atg"));
        assertEquals(List.of("keep"), m.remove(List.of("Parent::x", "keep", "tg1")));
        assertTrue(new TagMatcher("  ").isEmpty());
    }
}
