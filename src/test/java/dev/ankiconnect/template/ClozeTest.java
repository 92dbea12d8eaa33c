package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.text.Html;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClozeTest {
    private static final String ONE_TWO = "{{c1::one}} {{c2::two::hint}}";

    @Test
    void questionHtml_exactAsAnki() {
        assertEquals(
                "<span class=\"cloze\" data-cloze=\"one\" data-ordinal=\"1\">[...]</span> "
                        + "<span class=\"cloze-inactive\" data-ordinal=\"2\">two</span>",
                Cloze.render(ONE_TWO, 1, true));
    }

    @Test
    void answerHtml_activeSpanWithoutDataCloze() {
        assertEquals(
                "<span class=\"cloze\" data-ordinal=\"1\">one</span> "
                        + "<span class=\"cloze-inactive\" data-ordinal=\"2\">two</span>",
                Cloze.render(ONE_TWO, 1, false));
    }

    @Test
    void hintShownInBracketsOnQuestion() {
        assertEquals("one [hint]", Html.stripHtml(Cloze.render(ONE_TWO, 2, true)));
        assertEquals("one two", Html.stripHtml(Cloze.render(ONE_TWO, 2, false)));
    }

    @Test
    void noActiveClozeGivesEmptyString() {
        assertEquals("", Cloze.render(ONE_TWO, 3, true));
        assertEquals("", Cloze.render("plain text", 1, false));
    }

    @Test
    void nestedClozes() {
        String t = "foo {{c1::bar {{c2::baz}}::qux}}";
        assertEquals("foo [qux]", Html.stripHtml(Cloze.render(t, 1, true)));
        assertEquals("foo bar [...]", Html.stripHtml(Cloze.render(t, 2, true)));
        // the elided content (with the nested cloze rendered) goes into data-cloze, attribute-escaped
        assertEquals(
                "foo <span class=\"cloze\" data-cloze=\"bar&#x20;&lt;span&#x20;class&#x3D;&quot;cloze&#x2D;"
                        + "inactive&quot;&#x20;data&#x2D;ordinal&#x3D;&quot;2&quot;&gt;baz&lt;&#x2F;span&gt;\" data-ordinal=\"1\">"
                        + "[qux]</span>",
                Cloze.render(t, 1, true));
        assertEquals(
                "foo <span class=\"cloze-inactive\" data-ordinal=\"1\">bar <span class=\"cloze\" "
                        + "data-ordinal=\"2\">baz</span></span>",
                Cloze.render(t, 2, false));
    }

    @Test
    void multipleOrdinalsOnOneCloze() {
        String t = "{{c1,2::shared}} and {{c1::first}}";
        assertEquals("[...] and first", Html.stripHtml(Cloze.render(t, 2, true)));
        assertEquals(
                "<span class=\"cloze\" data-cloze=\"shared\" data-ordinal=\"1,2\">[...]</span> and "
                        + "<span class=\"cloze-inactive\" data-ordinal=\"1\">first</span>",
                Cloze.render(t, 2, true));
        // ordinal runs are deduplicated and sorted: {{c1,,3:: -> 1,3 ; {{c3,1,1:: -> 1,3
        assertEquals("<span class=\"cloze\" data-ordinal=\"1,3\">x</span>", Cloze.render("{{c3,1,,1::x}}", 3, false));
    }

    @Test
    void unclosedClozeIsDiscardedWithItsContent_strayCloserIsLiteral() {
        assertEquals(
                "a <span class=\"cloze\" data-ordinal=\"1\">b</span> }}",
                Cloze.render("a {{c1::b}} }}{{c1::never closed", 1, false));
    }

    @Test
    void openerNeedsDigitsThenDoubleColon() {
        assertEquals(Set.of(), Cloze.numbersIn("{{c::x}} {{c1:x}} {{cx1::y}}"));
        assertEquals(Set.of(1, 2), Cloze.numbersIn("{{c2::te}}{{c1::s}}t{{"));
    }

    @Test
    void clozeNumbers_zeroIgnored_nestedIncluded() {
        assertEquals(Set.of(2), Cloze.numbersIn("{{c0::te}}s{{c2::t}}s"));
        assertEquals(Set.of(1, 2), Cloze.numbersIn("{{c1::a {{c2::b}}}}"));
    }

    @Test
    void cardOrdinals_cappedAt499_fromAllFields() {
        assertEquals(
                Set.of(0, 1, 2, 499),
                Cloze.cardOrdinals(List.of("{{c1::foo}} {{c2::bar}}", "{{c3::baz}} {{c0::quux}} {{c501::over}}")));
    }

    @Test
    void clozeOnly_questionHintsAnswerTexts() {
        assertEquals("", Cloze.renderOnly("foo", 1, true));
        assertEquals("...", Cloze.renderOnly("foo {{c1::bar}}", 1, true));
        assertEquals("baz", Cloze.renderOnly("foo {{c1::bar::baz}}", 1, true));
        assertEquals("foo, bar", Cloze.renderOnly("{{c1::foo}} {{c1::bar}}", 1, false));
        // nested markup flattened to text on the answer side
        assertEquals("a b, b", Cloze.renderOnly("{{c1::a {{c1::b}}}}", 1, false));
    }

    @Test
    void textForTyping_collapsesIdentical() {
        assertEquals("x", Cloze.textForTyping("{{c1::x}} {{c1::x}}", 1));
        assertEquals("x, y", Cloze.textForTyping("{{c1::x}} {{c1::y}}", 1));
        assertEquals("", Cloze.textForTyping("{{c2::x}}", 1));
    }

    @Test
    void laterDoubleColonRunOverwritesHint() {
        assertEquals("[h2]", Html.stripHtml(Cloze.render("{{c1::a::h1{{c2::b}}c::h2}}", 1, true)));
    }

    @Test
    void mathjaxInsideClozeHasTagsStrippedEntitiesKept() {
        assertEquals(
                "<span class=\"cloze\" data-ordinal=\"1\">\\(x &lt; y\\)</span>",
                Cloze.render("{{c1::\\(<b>x</b> &lt; y\\)}}", 1, false));
    }

    @Test
    void imageOcclusion() {
        assertEquals(
                "<div class=\"cloze\" data-ordinal=\"1\" data-shape=\"rect\" data-left=\"10.0\" data-top=\"20\" "
                        + "data-width=\"30\" data-height=\"10\" ></div>",
                Cloze.render("{{c1::image-occlusion:rect:left=10.0:top=20:width=30:height=10}}", 1, true));
        assertEquals(
                "<div class=\"cloze-highlight\" data-ordinal=\"1\" data-shape=\"ellipse\" data-rx=\"5\" ></div>",
                Cloze.render("{{c1::image-occlusion:ellipse:rx=5:ry=0}}", 1, false));
        assertEquals(
                "<div class=\"cloze-inactive\" data-ordinal=\"2\" data-shape=\"text\" "
                        + "data-text=\"a&#x3A;b\" ></div>",
                Cloze.render("{{c2::image-occlusion:text:text=a\\:b}}{{c1::x}}", 1, true)
                        .replace("<span class=\"cloze\" data-cloze=\"x\" data-ordinal=\"1\">[...]</span>", ""));
    }

    @Test
    void containsCloze_c0DoesNotCount() {
        assertFalse(Cloze.containsCloze("{{c0::x}}"));
        assertTrue(Cloze.containsCloze("{{c0::x}}{{c1::y}}"));
    }

    @Test
    void stripClozes_keepsContent() {
        assertEquals("a b c", Cloze.stripClozes("a {{c1::b::hint}} {{c2,3::c}}"));
    }
}
