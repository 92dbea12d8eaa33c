package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MediaGlobTest {

    private static final List<String> NAMES = List.of(
            "_test.txt",
            "_test2.txt",
            "_tes.txt",
            ".hidden.txt",
            "a.mp3",
            "b.MP3",
            "[x].png",
            "x.png",
            "ab",
            "a*b",
            "\u00e9t\u00e9.ogg");

    private static List<String> match(String pattern) {
        MediaGlob g = MediaGlob.compile(pattern);
        return NAMES.stream().filter(g::matches).collect(Collectors.toList());
    }

    @Test
    void star_andQuestionMark() {
        assertEquals(List.of("_test.txt", "_test2.txt", "_tes.txt"), match("_tes*.txt"));
        assertEquals(List.of("_test.txt"), match("_tes?.txt"));
        assertEquals(List.of("a.mp3"), match("*.mp3"));
        assertEquals(List.of("\u00e9t\u00e9.ogg"), match("?t?.ogg"));
    }

    @Test
    void star_skipsDotFiles_unlessThePatternStartsWithADot() {
        assertEquals(10, match("*").size());
        assertEquals(List.of(".hidden.txt"), match(".*"));
        assertEquals(List.of(".hidden.txt"), match(".hidden.txt"));
    }

    @Test
    void sets() {
        assertEquals(List.of("a.mp3", "b.MP3"), match("[ab].*"));
        assertEquals(List.of("a.mp3", "b.MP3"), match("[a-b].[mM]*"));
        assertEquals(List.of("x.png"), match("[!\\[]*.png"));
        assertEquals(List.of("[x].png"), match("[[]x].png"));
        assertEquals(List.of("a*b"), match("a[*]b"));
    }

    @Test
    void literalAndSpecialCharacters() {
        assertEquals(List.of("a*b"), match("a[*]b"));
        assertEquals(List.of(), match("[x"));
        assertEquals(List.of(), match("a.b"));
        assertEquals(List.of("ab"), match("ab"));
    }

    @Test
    void slashesAndEmpty_matchNothing() {
        assertEquals(List.of(), match("../*"));
        assertEquals(List.of(), match("/etc/*"));
        assertEquals(List.of(), match(""));
    }

    @Test
    void aPatternLongerThanAnyName_matchesNothing_andCompilesAtOnce() {
        // a hang guard, not a timing: the regex of a 200,000-character literal took minutes to compile
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            assertFalse(MediaGlob.compile("a".repeat(200_000)).matches("a".repeat(200_000)));
            assertFalse(MediaGlob.compile("*a".repeat(100_000)).matches("aaa"));
        });
        assertEquals(3, MediaGlob.minimumLength("a*[bc]?*"));
        assertTrue(MediaGlob.compile("[" + "x".repeat(2_000) + "]").matches("x"));
    }
}
