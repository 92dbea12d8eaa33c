package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardGenerationTest {
    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void fieldIsEmpty_whitespaceAndBrDivTagsOnly() {
        assertTrue(CardGeneration.fieldIsEmpty(""));
        assertTrue(CardGeneration.fieldIsEmpty(" "));
        assertTrue(CardGeneration.fieldIsEmpty("<BR>"));
        assertTrue(CardGeneration.fieldIsEmpty("<div />"));
        assertTrue(CardGeneration.fieldIsEmpty(" <div> <br> </div>\n</br><br/><div/>\u000b"));
        assertFalse(CardGeneration.fieldIsEmpty("x"));
        assertFalse(CardGeneration.fieldIsEmpty(" <div>x</div>\n"));
        assertFalse(CardGeneration.fieldIsEmpty("&nbsp;"));
        assertFalse(CardGeneration.fieldIsEmpty("\u00a0"));
        assertFalse(CardGeneration.fieldIsEmpty("<img src=a.jpg>"));
        assertFalse(CardGeneration.fieldIsEmpty("<p></p>"));
    }

    private static boolean renders(String tmpl, String... nonEmpty) throws TemplateError {
        return CardGeneration.rendersWithFields(ParsedTemplate.parse(tmpl), Set.of(nonEmpty));
    }

    @Test
    void frontNonEmptyRules() throws TemplateError {
        assertTrue(renders("{{2}}{{1}}", "1", "3"));
        // filters are irrelevant: {{type:cloze:1}} counts
        assertTrue(renders("{{2}}{{type:cloze:1}}", "1", "3"));
        assertFalse(renders("{{2}}{{4}}", "1", "3"));
        // {{^2}} with 2 empty renders children; within {{#3}}
        assertTrue(renders("{{#3}}{{^2}}{{1}}{{/2}}{{/3}}", "1", "3"));
        assertFalse(renders("{{#3}}{{^1}}{{1}}{{/1}}{{/3}}", "1", "3"));
        assertFalse(renders("static text only", "1"));
    }

    @Test
    void templatesWithNonEmptyFront_basicAndReversed() {
        List<String> fronts = List.of("{{Front}}", "{{Back}}");
        assertEquals(
                List.of(0, 1),
                CardGeneration.templatesWithNonEmptyFront(fronts, fields("Front", "a", "Back", "b"), false));
        assertEquals(
                List.of(0), CardGeneration.templatesWithNonEmptyFront(fronts, fields("Front", "a", "Back", ""), false));
        assertEquals(
                List.of(), CardGeneration.templatesWithNonEmptyFront(fronts, fields("Front", "", "Back", ""), false));
    }

    @Test
    void specialFieldsCountAsNonEmpty_tagsOnlyWithTags_frontSideNever() {
        Map<String, String> f = fields("Front", "");
        assertEquals(List.of(0), CardGeneration.templatesWithNonEmptyFront(List.of("{{Deck}}"), f, false));
        assertEquals(List.of(), CardGeneration.templatesWithNonEmptyFront(List.of("{{Tags}}"), f, false));
        assertEquals(List.of(0), CardGeneration.templatesWithNonEmptyFront(List.of("{{Tags}}"), f, true));
        assertEquals(List.of(), CardGeneration.templatesWithNonEmptyFront(List.of("{{FrontSide}}"), f, true));
        // unparseable fronts never generate
        assertEquals(
                List.of(),
                CardGeneration.templatesWithNonEmptyFront(List.of("{{#Front}}{{Deck}}"), fields("Front", "x"), false));
    }

    @Test
    void clozeCardOrdinals() {
        assertEquals(
                Set.of(0, 1, 2, 499),
                CardGeneration.clozeCardOrdinals(
                        List.of("{{c1::foo}} {{c2::bar}} {{c3::baz}} {{c0::quux}} {{c501::over}}")));
    }

    @Test
    void legacyReq_anyAllNone() {
        List<String> ab = List.of("a", "b");
        assertEquals(
                new CardGeneration.Requirement(0, "any", List.of(0, 1)),
                CardGeneration.requirement(0, "{{a}}{{b}}", ab));
        assertEquals(
                new CardGeneration.Requirement(1, "all", List.of(0, 1)),
                CardGeneration.requirement(1, "{{#a}}{{b}}{{/a}}", ab));
        assertEquals(new CardGeneration.Requirement(0, "none", List.of()), CardGeneration.requirement(0, "{{c}}", ab));
        // for req, {{^a}} counts as its children
        assertEquals(
                new CardGeneration.Requirement(0, "any", List.of(1)),
                CardGeneration.requirement(0, "{{^a}}{{b}}{{/a}}", ab));
        assertEquals(
                new CardGeneration.Requirement(0, "all", List.of(0, 1)),
                CardGeneration.requirement(0, "{{#a}}{{#b}}{{a}}{{/b}}{{/a}}", ab));
        assertEquals(
                new CardGeneration.Requirement(0, "any", List.of(0, 1)),
                CardGeneration.requirement(0, "{{a}}{{type:b}}", ab));
    }
}
