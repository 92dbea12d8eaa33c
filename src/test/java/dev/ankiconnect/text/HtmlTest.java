package dev.ankiconnect.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void stripHtml_removesTagsCommentsStyleAndScriptBlocks() {
        assertEquals("ab", Html.stripHtml("<b>a</b><!-- x <i>y</i> -->b"));
        assertEquals("xy", Html.stripHtml("x<style type=\"text/css\">.a{color:red}</style>y"));
        assertEquals("xy", Html.stripHtml("x<SCRIPT>alert('<b>')</SCRIPT>y"));
        assertEquals("a\nb", Html.stripHtml("a\n<div\nclass=x>b</div>"));
    }

    @Test
    void stripHtml_decodesEntitiesAndTurnsNbspIntoSpace() {
        assertEquals("a b<c>&\"é€", Html.stripHtml("a&nbsp;b&lt;c&gt;&amp;&quot;&eacute;&euro;"));
        assertEquals("a b&", Html.stripHtml("a\u00a0b&amp;"));
        assertEquals("AB", Html.stripHtml("&#65;&#x42;"));
    }

    @Test
    void decodeEntities_isAllOrNothing_unknownOrMalformedLeavesTextUndecoded() {
        assertEquals("&amp; &bogus;", Html.decodeEntities("&amp; &bogus;"));
        assertEquals("a & b", Html.decodeEntities("a & b"));
        assertEquals("&apos;&amp;", Html.decodeEntities("&apos;&amp;"));
        assertEquals("&#X41;", Html.decodeEntities("&#X41;"));
        assertEquals("&#xD800;", Html.decodeEntities("&#xD800;"));
        assertEquals("&AMP;", Html.decodeEntities("&AMP;"));
    }

    @Test
    void decodeEntities_leavesNbspCharacterAloneWhenNoAmpersand() {
        // the U+00A0 -> space rule only runs when the text contained '&'
        assertEquals("a\u00a0b", Html.decodeEntities("a\u00a0b"));
    }

    @Test
    void entityTable_isTheHtml4Set() {
        assertEquals(252, HtmlEntities.size());
        assertEquals(0x2666, HtmlEntities.lookup("diams"));
        assertEquals(-1, HtmlEntities.lookup("apos"));
    }

    @Test
    void stripHtmlPreservingMedia_keepsFilenamesSpacePadded() {
        assertEquals(" foo.jpg ", Html.stripHtmlPreservingMedia("<img src=foo.jpg>"));
        assertEquals("a b.png c", Html.stripHtmlPreservingMedia("a<img class=x src=\"b.png\">c"));
        assertEquals("x c d.mp3 y", Html.stripHtmlPreservingMedia("x<audio src='c d.mp3' controls>y"));
        assertEquals(" e.jpg ", Html.stripHtmlPreservingMedia("<img src=e.jpg alt=z>"));
        assertEquals("text", Html.stripHtmlPreservingMedia("<b>text</b>"));
        assertEquals("no media", Html.stripHtmlPreservingMedia("<span data-x=1>no media</span>"));
    }

    @Test
    void stripHtmlPreservingMedia_regexEdgeCases() {
        // '>' inside a quoted attribute before src
        assertEquals(" x.jpg ", Html.stripHtmlPreservingMedia("<img alt=\"a>b\" src=\"x.jpg\">"));
        assertEquals(" X.JPG ", Html.stripHtmlPreservingMedia("<IMG SRC=\"X.JPG\">"));
        // tag name must end at a word boundary
        assertEquals("", Html.stripHtmlPreservingMedia("<imgx src=a.jpg>"));
        // "src=" after a hyphen still counts (word boundary), as in Anki's regex
        assertEquals(" a.jpg ", Html.stripHtmlPreservingMedia("<img data-src=\"a.jpg\" src=\"b.jpg\">"));
        assertEquals(" m.svg ", Html.stripHtmlPreservingMedia("<object data=\"m.svg\"></object>"));
    }

    @Test
    void stripHtmlPreservingMedia_linearOnManyQuotedAttributes() {
        // a backtracking regex takes tens of seconds on this; Anki's automaton regex does not
        String s = "<img" + " a=\"x\"".repeat(40) + " no source";
        long t = System.nanoTime();
        assertEquals(s, Html.stripHtmlPreservingMedia(s));
        assertTrue((System.nanoTime() - t) < 1_000_000_000L);
    }

    @Test
    void containsMediaTag() {
        assertTrue(Html.containsMediaTag("<img src=a.png>"));
        assertFalse(Html.containsMediaTag("<b>a.png</b>"));
    }

    @Test
    void encodeMinimal_escapesFiveCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#x27;", Html.encodeMinimal("<a href=\"x\">&'"));
        assertEquals("plain", Html.encodeMinimal("plain"));
    }

    @Test
    void encodeAttribute_hexEscapesAsciiPunctuationAndLatin1() {
        assertEquals(
                "one&#x20;two&#x2C;&#x0A;&quot;&amp;&#x27;&lt;&gt;&#xE9;日本",
                Html.encodeAttribute("one two,\n\"&'<>é日本"));
    }
}
