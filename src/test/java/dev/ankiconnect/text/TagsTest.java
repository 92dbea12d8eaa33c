package dev.ankiconnect.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void split_onAsciiSpaceAndIdeographicSpace_emptyPiecesIgnored() {
        assertEquals(List.of("a", "b", "c"), Tags.split("  a\u3000b  c "));
        assertEquals(List.of(), Tags.split(""));
        assertEquals(List.of("a\tb"), Tags.split("a\tb"));
    }

    @Test
    void normalizeTag_perComponent_controlCharsRemoved_trimmed_emptyBecomesBlank() {
        assertEquals("a::b", Tags.normalizeTag("a:: b "));
        assertEquals("a::blank::c", Tags.normalizeTag("a::::c"));
        assertEquals("blank::x", Tags.normalizeTag("::x"));
        assertEquals("ab", Tags.normalizeTag("a\u0001b"));
        assertEquals("\u00e9", Tags.normalizeTag("e\u0301"));
        assertEquals("a:b", Tags.normalizeTag("a:b"));
    }

    @Test
    void canonicalize_dedupesCaseInsensitively_sortsUnicase() {
        assertEquals(List.of("apple", "Banana", "cherry"), Tags.canonicalize("cherry Banana apple BANANA Cherry"));
        assertEquals(List.of(), Tags.canonicalize(" "));
    }

    @Test
    void unicaseOrder_ignoresCase() {
        assertTrue(Tags.UNICASE_ORDER.compare("B", "a") > 0);
        assertTrue(Tags.UNICASE_ORDER.compare("a", "A") == 0);
        assertTrue(Tags.UNICASE_ORDER.compare("ab", "AbC") < 0);
        assertTrue(Tags.equalsIgnoreCase("Straße", "STRAßE"));
    }

    @Test
    void joinForStorage_outerSpacesOrEmpty() {
        assertEquals(" a b ", Tags.joinForStorage(List.of("a", "b")));
        assertEquals("", Tags.joinForStorage(List.of()));
    }

    @Test
    void whitespaceTrim_usesUnicodeWhiteSpaceLikeRust() {
        assertEquals("x", Whitespace.trim("\u00a0\u3000x\u2003 "));
    }
}
