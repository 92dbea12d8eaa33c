package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardRendererTest {
    private static final String CSS = ".card{}";

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static RenderedCard basic(String qfmt, String afmt, Map<String, String> fields) {
        return CardRenderer.render(new CardRenderInput(
                new CardTemplate("Card 1", 0, qfmt, afmt),
                false,
                fields,
                List.of("t1", "t2"),
                "Basic",
                "Parent::Child",
                1234L,
                0,
                0,
                CSS,
                false));
    }

    private static RenderedCard cloze(String text, int ord) {
        return CardRenderer.render(new CardRenderInput(
                new CardTemplate("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"),
                true,
                fields("Text", text, "Back Extra", ""),
                List.of(),
                "Cloze",
                "Default",
                1L,
                ord,
                0,
                CSS,
                false));
    }

    @Test
    void basicCard_styleThenText_frontSideIsRenderedQuestion() {
        RenderedCard c = basic(
                "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", fields("Front", "<b>q</b>", "Back", "a"));
        assertEquals("<style>.card{}</style><b>q</b>", c.question());
        assertEquals("<style>.card{}</style><b>q</b>\n\n<hr id=answer>\n\na", c.answer());
        assertFalse(c.empty());
    }

    @Test
    void fieldsAreInsertedUnescaped() {
        assertEquals(
                "<i>&amp;</i>", basic("{{F}}", "", fields("F", "<i>&amp;</i>")).questionText());
    }

    @Test
    void frontSideOnQuestionIsEmpty_andFiltersOnFrontSideAreIgnored() {
        RenderedCard c = basic("x{{FrontSide}}{{F}}", "{{text:FrontSide}}!", fields("F", "<b>y</b>"));
        assertEquals("x<b>y</b>", c.questionText());
        assertEquals("x<b>y</b>!", c.answerText());
    }

    @Test
    void sections_emptyWhitespaceAndNonEmptyFields() {
        String q = "{{F}}{{#B}}[has B]{{/B}}{{^B}}[no B]{{/B}}";
        assertEquals("x[has B]", basic(q, "", fields("F", "x", "B", "b")).questionText());
        assertEquals("x[no B]", basic(q, "", fields("F", "x", "B", "")).questionText());
        // whitespace and empty br/div tags count as empty
        assertEquals(
                "x[no B]",
                basic(q, "", fields("F", "x", "B", " <br> <div></div>\n")).questionText());
        // &nbsp; is not empty
        assertEquals("x[has B]", basic(q, "", fields("F", "x", "B", "&nbsp;")).questionText());
    }

    @Test
    void specialFields() {
        RenderedCard c = basic(
                "{{F}}|{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{CardFlag}}|{{CardID}}", "", fields("F", "x"));
        assertEquals("x|t1 t2|Basic|Parent::Child|Child|Card 1|flag0|1234", c.questionText());
    }

    @Test
    void noteFieldShadowsSpecialField() {
        assertEquals("mine", basic("{{Tags}}", "", fields("Tags", "mine")).questionText());
    }

    @Test
    void clozeNumberConditional_trueOnlyOnMatchingCard() {
        RenderedCard c1 = cloze("{{c1::a}} {{c2::b}}", 0);
        RenderedCard c2 = CardRenderer.render(new CardRenderInput(
                new CardTemplate("Cloze", 0, "{{cloze:Text}}{{#c2}}[card2]{{/c2}}{{^c1}}[not1]{{/c1}}", ""),
                true,
                fields("Text", "{{c1::a}} {{c2::b}}"),
                List.of(),
                "Cloze",
                "D",
                1L,
                1,
                0,
                "",
                false));
        assertTrue(c1.questionText().startsWith("<span class=\"cloze\""));
        assertTrue(c2.questionText().endsWith("[card2][not1]"));
    }

    @Test
    void unknownFieldError_exactHtml_bothSidesWithEmptyStyle() {
        RenderedCard c = basic("{{Nope}}", "{{Back}}", fields("Front", "x"));
        String expected = "<style></style>Front template has a problem:<br>Found &#x27;{{Nope}}&#x27;, but there is no "
                + "field called &#x27;Nope&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>"
                + "More information</a>";
        assertEquals(expected, c.question());
        assertEquals(expected, c.answer());
        assertTrue(c.templateError());
    }

    @Test
    void unknownFieldWithFilters_messageKeepsFiltersAsWritten() {
        RenderedCard c = basic("{{Front}}", "{{text:hint:Nope}}", fields("Front", "x"));
        assertEquals(
                "Back template has a problem:<br>Found &#x27;{{text:hint:Nope}}&#x27;, but there is no field called "
                        + "&#x27;Nope&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>More "
                        + "information</a>",
                c.answerText());
    }

    @Test
    void unknownSectionField_errorEvenInsideFalseSection() {
        RenderedCard c = basic("{{Front}}{{#Empty}}{{Missing}}{{/Empty}}", "", fields("Front", "x", "Empty", ""));
        assertTrue(c.questionText().contains("Found &#x27;{{Missing}}&#x27;"));
        RenderedCard d = basic("{{Front}}{{^Nope}}x{{/Nope}}", "", fields("Front", "x"));
        assertTrue(d.questionText()
                .contains("Found &#x27;{{^Nope}}&#x27;, but there is no field called &#x27;Nope&#x27;"));
    }

    @Test
    void unclosedSection_error() {
        RenderedCard c = basic("{{#Front}}x", "", fields("Front", "x"));
        assertEquals(
                "Front template has a problem:<br>Missing &#x27;{{/Front}}&#x27;<br><a href='"
                        + "https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>More information</a>",
                c.questionText());
    }

    @Test
    void emptyFilterTargetAllowed() {
        // "{{myfilter:}}" (filter, empty field name) renders nothing instead of an unknown-field error
        assertEquals(
                "abx",
                basic("a{{myfilter:}}b{{Front}}", "", fields("Front", "x")).questionText());
    }

    @Test
    void emptyStandardCard_questionPlusMessage_answerOnlyMessage() {
        RenderedCard c = basic("Q: {{Front}}", "{{FrontSide}} {{Back}}", fields("Front", "", "Back", "b"));
        assertTrue(c.empty());
        assertEquals("Q: " + CardRenderer.EMPTY_FRONT_MESSAGE, c.questionText());
        assertEquals(CardRenderer.EMPTY_FRONT_MESSAGE, c.answerText());
        assertEquals(
                "<div>The front of this card is blank.<br><a href='https://docs.ankiweb.net/templates/errors.html"
                        + "#front-of-card-is-blank'>More information</a></div>",
                CardRenderer.EMPTY_FRONT_MESSAGE);
    }

    @Test
    void clozeCards_questionAndAnswerHtml() {
        RenderedCard c = cloze("{{c1::one}} {{c2::two::hint}}", 1);
        assertEquals(
                "<style>.card{}</style><span class=\"cloze-inactive\" data-ordinal=\"1\">one</span> "
                        + "<span class=\"cloze\" data-cloze=\"two\" data-ordinal=\"2\">[hint]</span>",
                c.question());
        assertEquals(
                "<span class=\"cloze-inactive\" data-ordinal=\"1\">one</span> "
                        + "<span class=\"cloze\" data-ordinal=\"2\">two</span><br>\n",
                c.answerText());
    }

    @Test
    void clozeCardWithoutItsNumber_isEmptyWithMessage() {
        RenderedCard c = cloze("{{c1::one}}", 2);
        assertTrue(c.empty());
        String msg = "<div>No cloze 3 found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool."
                + "<br><a href='https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type'>More "
                + "information</a></div>";
        assertEquals(msg, c.questionText());
        assertEquals(msg, c.answerText());
    }

    @Test
    void soundTagsBecomePlayMarkers_perSideNumbering_frontSideCarriesQuestionMarkers() {
        RenderedCard c = basic(
                "{{Front}}",
                "{{FrontSide}}<hr>{{Back}}",
                fields("Front", "x[sound:a.mp3][sound:b.mp3]", "Back", "[sound:c.mp3]"));
        assertEquals("x[anki:play:q:0][anki:play:q:1]", c.questionText());
        assertEquals("x[anki:play:q:0][anki:play:q:1]<hr>[anki:play:a:0]", c.answerText());
        assertEquals("a.mp3", c.questionAvTags().get(0).soundFile());
        assertEquals(1, c.answerAvTags().size());
    }

    @Test
    void ttsFilterBecomesPlayMarker_missingLangBecomesErrorText() {
        RenderedCard c = basic("{{tts en_US:Front}}", "{{Front}}[anki:tts]x[/anki:tts]", fields("Front", "hi"));
        assertEquals("[anki:play:q:0]", c.questionText());
        assertEquals("en_US", c.questionAvTags().get(0).ttsLang());
        assertEquals("hi[Error in directive 'anki:tts': 'lang' not set]", c.answerText());
    }

    @Test
    void otherAnkiDirectivesAndTypeMarkersStay() {
        RenderedCard c = basic("{{Front}}[anki:foo]x[/anki:foo]", "{{type:Back}}", fields("Front", "f", "Back", "b"));
        assertEquals("f[anki:foo]x[/anki:foo]", c.questionText());
        assertEquals("[[type:Back]]", c.answerText());
    }

    @Test
    void latexBecomesImage() {
        RenderedCard c = basic("{{Front}}", "", fields("Front", "a[latex]one<br>and<div>two[/latex]b"));
        assertEquals(
                "a<img class=latex alt=\"one&#x0A;and&#x0A;two\" "
                        + "src=\"latex-ef30b3f4141c33a5bf7044b0d1961d3399c05d50.png\">b",
                c.questionText());
        assertEquals("one\nand\ntwo", c.latex().get(0).latex());
    }

    @Test
    void latexInlineAndDisplayMathFileNames() {
        assertEquals(
                "latex-060219fbf3ddb74306abddaf4504276ad793b029.svg",
                Latex.extract("[$]<b>hello</b>&nbsp; world[/$]", true)
                        .snippets()
                        .get(0)
                        .fileName());
        assertEquals(
                "\\begin{displaymath}math & stuff\\end{displaymath}",
                Latex.extract("[$$]math &amp; stuff[/$$]", false)
                        .snippets()
                        .get(0)
                        .latex());
    }

    @Test
    void latexTagsAreCaseInsensitive_plainBracketsUntouched() {
        assertEquals(1, Latex.extract("[LaTeX]x[/LATEX]", false).snippets().size());
        assertEquals("[a] [$ no close", Latex.extract("[a] [$ no close", false).html());
    }

    @Test
    void commentsPassThroughVerbatim() {
        assertEquals(
                "<!-- {{Nope}} -->x",
                basic("<!-- {{Nope}} -->{{F}}", "", fields("F", "x")).questionText());
    }

    @Test
    void renderingAThousandCardsIsFast() {
        Map<String, String> f = fields("Front", "<b>front</b> [sound:x.mp3]", "Back", "back {{c1::x}}");
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            basic("{{Front}}{{#Back}}<div>{{text:Back}}</div>{{/Back}}", "{{FrontSide}}<hr id=answer>{{Back}}", f);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 500, "took " + ms + " ms"); // generous bound for a cold, shared JVM
    }
}
