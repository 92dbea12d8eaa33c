package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {
    private static String apply(String text, String field, String... filters) {
        return Filters.apply(text, List.of(filters), field, 0, true);
    }

    @Test
    void furiganaKanaKanji() {
        String text = "test first[second] third[fourth]";
        assertEquals("testsecondfourth", Filters.kana(text));
        assertEquals("testfirstthird", Filters.kanji(text));
        assertEquals("<ruby><rb>first</rb><rt>second</rt></ruby>", Filters.furigana("first[second]"));
        assertEquals("<ruby><rb>日本</rb><rt>にほん</rt></ruby>語", Filters.furigana("日本[にほん]語"));
    }

    @Test
    void rubyFilters_nbspBecomesSpace_soundTagsUntouched() {
        // &nbsp; becomes a space, which the optional leading space then consumes
        assertEquals("ab", Filters.kana("a&nbsp;x[b]"));
        assertEquals("ab", Filters.kana("a x[b]"));
        assertEquals("x [sound:a.mp3]", Filters.kanji("x [sound:a.mp3]"));
        assertEquals("<b>漢字</b>", Filters.kanji("<b>漢字[かんじ]</b>"));
    }

    @Test
    void hint_vectorFromAnki() {
        assertEquals(
                "\n<a class=hint href=\"#\"\nonclick=\"this.style.display='none';\n"
                        + "document.getElementById('hint83fe48607f0f3a66').style.display='block';\nreturn false;\" draggable=false>\n"
                        + "field</a>\n<div id=\"hint83fe48607f0f3a66\" class=hint style=\"display: none\">foo</div>\n",
                Filters.hint("foo", "field"));
    }

    @Test
    void hint_blankInputUnchanged() {
        assertEquals("  ", Filters.hint("  ", "f"));
        assertEquals("", apply("", "f", "hint"));
    }

    @Test
    void blake3KnownDigests() {
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", hex(Blake3.hash(new byte[0])));
        assertEquals(
                "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85", hex(Blake3.hash("abc".getBytes())));
    }

    @Test
    void blake3MultiChunkInputsHashDeterministicallyAndDistinctly() {
        // inputs over 1024 bytes exercise the chunk tree
        byte[] a = new byte[3000];
        byte[] b = new byte[3000];
        b[2999] = 1;
        assertEquals(hex(Blake3.hash(a)), hex(Blake3.hash(a.clone())));
        assertEquals(false, hex(Blake3.hash(a)).equals(hex(Blake3.hash(b))));
    }

    @Test
    void type_marker_withoutFieldText() {
        assertEquals("[[type:Front]]", apply("secret", "Front", "type"));
        assertEquals("[[type:cloze:Text]]", apply("ignored", "Text", "cloze", "type"));
        assertEquals("[[type:nc:Text]]", apply("ignored", "Text", "nc", "type"));
        // any other chain ending in type gives only [[type:F]]
        assertEquals("[[type:Text]]", apply("ignored", "Text", "some", "unknown", "type"));
    }

    @Test
    void tts_wrapsText() {
        assertEquals(
                "[anki:tts lang=en_US voices=Bob,Jane]foo[/anki:tts]", apply("foo", "F", "tts en_US voices=Bob,Jane"));
    }

    @Test
    void textFilterStripsHtml() {
        assertEquals("a & b", apply("<b>a</b> &amp; b", "F", "text"));
    }

    @Test
    void emptyFilterNameIsIdentity() {
        assertEquals("<b>x</b>", apply("<b>x</b>", "F", ""));
    }

    @Test
    void unknownFilterStopsProcessing_laterBuiltinsNotApplied() {
        // {{text:unknown:F}}: Anki passes "unknown" and everything after it to add-ons (none)
        assertEquals("<b>x</b>", apply("<b>x</b>", "F", "unknown", "text"));
        assertEquals("x", apply("<b>x</b>", "F", "text", "unknown"));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
