package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anki's text helpers used by dupe:, nc:, sc: and the wildcard layer. */
class TextUtilTest {

    @Test
    void checksumTestVectors() {
        assertEquals(2840236005L, TextUtil.checksum("test"));
        assertEquals(1464653051L, TextUtil.checksum("今日"));
    }

    @Test
    void stripHtml() {
        assertEquals("a b", TextUtil.stripHtml("<b>a</b> <!-- x -->b<script>y</script><style>z</style>"));
        assertEquals("a&b <", TextUtil.stripHtml("a&amp;b&nbsp;&lt;"));
        assertEquals("&bogus; &amp;", TextUtil.stripHtml("&bogus; &amp;"));
        assertEquals("x foo.jpg y", TextUtil.stripHtmlPreservingMedia("x<img src=\"foo.jpg\">y"));
        assertEquals("\u00e9\u20ac", TextUtil.stripHtml("&#233;&#x20AC;"));
    }

    @Test
    void withoutCombiningAndClozes() {
        assertEquals("francais AEsTH", TextUtil.withoutCombining("français ÆßÞ"));
        assertEquals("Paris is in France", TextUtil.stripClozes("{{c1::Paris::city}} is in {{c2::France}}"));
    }

    @Test
    void globConversions() {
        assertEquals("%te%st%", Glob.toLikeContains("te*st", Glob.Like.EXACT));
        assertEquals("%te\\%st%", Glob.toLikeContains("te%st", Glob.Like.EXACT));
        assertEquals("%te*s\\_t%", Glob.toLikeContains("te\\*s\\_t", Glob.Like.EXACT));
        assertEquals("%__%", Glob.toLikeContains("ab", Glob.Like.ASCII_CI));
        assertEquals("%ab%", Glob.toLikeContains("AB", Glob.Like.LOWER));
        assertEquals("%a%1%", Glob.toLikeContains("aÉ1", Glob.Like.LOWER));
        assertEquals("a\\\\b", Glob.toLike("a\\\\b", Glob.Like.EXACT));
        assertEquals("d\\S*g\\S", Glob.toRegex("d*g_", "\\S*", "\\S"));
        assertEquals("\\*\\.", Glob.toRegex("\\*.", ".*", "."));
    }

    @Test
    void cardDataReadsNestedOrEncodedCustomData() {
        assertEquals(Map.of("v", 3.0), CardData.parse("{\"cd\":{\"v\":3}}").customData());
        assertEquals(
                Map.of("v", 3.0), CardData.parse("{\"cd\":\"{\\\"v\\\":3}\"}").customData());
        assertEquals(Map.of(), CardData.parse("{bad").customData());
        assertEquals(12.5, CardData.parse("{\"s\": 12.5, \"pos\": [1]}").number("s"));
    }
}
