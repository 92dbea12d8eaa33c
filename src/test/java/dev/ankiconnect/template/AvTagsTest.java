package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvTagsTest {
    @Test
    void textOnlyIsReturnedAsIs() {
        assertEquals(
                "a [b] [sound:] [anki:foo]x",
                AvTags.extract("a [b] [sound:] [anki:foo]x", true).text());
    }

    @Test
    void soundFileNamesAreEntityDecodedInTheTagList() {
        AvTags.Extracted e = AvTags.extract("[sound:a&amp;b.mp3]", false);
        assertEquals("[anki:play:a:0]", e.text());
        assertEquals("a&b.mp3", e.tags().get(0).soundFile());
    }

    @Test
    void ttsWithOptionsAndQuotedValues() {
        AvTags.Extracted e = AvTags.extract("x[anki:tts lang=ja_JP voices=\"A B\" speed=1.2]日本[/anki:tts]y", true);
        assertEquals("x[anki:play:q:0]y", e.text());
        assertEquals(new AvTags.AvTag(null, "ja_JP", "日本"), e.tags().get(0));
    }

    @Test
    void otherDirectivesAreReserialisedWithNormalisedOptions() {
        // when the text has any AV node, other directives are written back: quotes only where needed
        assertEquals(
                "[anki:play:q:0][anki:foo a=1 b=\"x y\"]c[/anki:foo]",
                AvTags.extract("[sound:s.mp3][anki:foo   a=\"1\"  b=\"x y\"]c[/anki:foo]", true)
                        .text());
    }

    @Test
    void convenienceRenderSplitsStoredTagString() {
        RenderedCard c = CardRenderer.render(
                new CardTemplate("Card 1", 0, "{{Tags}}", "{{Tags}}!"),
                false,
                Map.of("Front", "x"),
                " a b ",
                "Basic",
                "Default",
                7L,
                0,
                0,
                "");
        assertEquals("a b", c.questionText());
        assertEquals(List.of(), c.questionAvTags());
    }
}
