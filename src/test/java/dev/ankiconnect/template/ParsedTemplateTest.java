package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedTemplateTest {
    private static List<Node> parse(String s) throws TemplateError {
        return ParsedTemplate.parse(s).nodes();
    }

    @Test
    void textReplacementsAndSections() throws TemplateError {
        assertEquals(
                List.of(
                        new Node.Text("foo "),
                        new Node.Replacement("bar", List.of()),
                        new Node.Text(" "),
                        new Node.Conditional("baz", false, List.of(new Node.Text(" quux ")))),
                parse("foo {{bar}} {{#baz}} quux {{/baz}}"));
        assertEquals(List.of(new Node.Conditional("baz", true, List.of())), parse("{{^baz}}{{/baz}}"));
    }

    @Test
    void filtersSplitFromTheRight_appliedClosestFirst() throws TemplateError {
        // "{{text:hint:Back}}" = apply hint, then text
        assertEquals(List.of(new Node.Replacement("Back", List.of("hint", "text"))), parse("{{text:hint:Back}}"));
        assertEquals(List.of(new Node.Replacement("F", List.of("", "a"))), parse("{{a::F}}"));
    }

    @Test
    void handlebarContentIsTrimmed_leadingBracesDropped_sigilNameLeftTrimmed() throws TemplateError {
        assertEquals(List.of(new Node.Replacement("tag", List.of())), parse("{{ tag }}"));
        // "{{{Front}}}" acts as {{Front}} followed by a literal "}"
        assertEquals(List.of(new Node.Replacement("Front", List.of()), new Node.Text("}")), parse("{{{Front}}}"));
        assertEquals(List.of(new Node.Conditional("A", false, List.of())), parse("{{# A}}{{/ A}}"));
        // content shorter than 2 chars is a replacement even when it is a sigil
        assertEquals(List.of(new Node.Replacement("#", List.of())), parse("{{#}}"));
    }

    @Test
    void openerWithoutCloserIsText() throws TemplateError {
        assertEquals(List.of(new Node.Text("a {{b")), parse("a {{b"));
        assertEquals(List.of(new Node.Text("a }} b")), parse("a }} b"));
    }

    @Test
    void commentsAreKeptAndHandlebarsInsideAreNotProcessed() throws TemplateError {
        assertEquals(
                List.of(new Node.Text("x"), new Node.Comment(" {{Nope}} "), new Node.Replacement("F", List.of())),
                parse("x<!-- {{Nope}} -->{{F}}"));
        assertEquals(List.of(new Node.Text("<!-- open")), parse("<!-- open"));
    }

    @Test
    void legacyAltDelimiters() throws TemplateError {
        assertEquals(
                List.of(
                        new Node.Text("\n"),
                        new Node.Replacement("Front", List.of()),
                        new Node.Text("\n"),
                        new Node.Conditional("Back", false, List.of(new Node.Text("\n")))),
                parse("  {{=<% %>=}}\n<%Front%>\n<% #Back %>\n<%/Back%>"));
        // without the directive, <% %> is plain text
        assertEquals(List.of(new Node.Text("<%Front%>")), parse("<%Front%>"));
    }

    @Test
    void unbalancedSectionsGiveAnkisMessages() {
        assertEquals(
                "Missing '{{/mis}}'",
                assertThrows(TemplateError.class, () -> parse("{{#mis}}")).getMessage());
        assertEquals(
                "Found '{{/matched}}', but expected '{{/mis}}'",
                assertThrows(TemplateError.class, () -> parse("{{#mis}}{{/matched}}"))
                        .getMessage());
        assertEquals(
                "Found '{{/x}}', but missing '{{#x}}' or '{{^x}}'",
                assertThrows(TemplateError.class, () -> parse("{{/x}}")).getMessage());
    }

    @Test
    void roundTripToTemplateString() throws TemplateError {
        String t = "foo {{bar}} {{#baz}} quux {{/baz}}{{^q}}{{a:b:c}}{{/q}}<!--c-->";
        assertEquals(t, ParsedTemplate.parse(t).toTemplateString());
        assertEquals("{{Front}}", ParsedTemplate.parse("{{ Front }}").toTemplateString());
    }

    @Test
    void cachedReturnsSameTreeAndRethrowsErrors() throws TemplateError {
        String t = "{{Front}} cached";
        assertSame(ParsedTemplate.cached(t), ParsedTemplate.cached(t));
        assertThrows(TemplateError.class, () -> ParsedTemplate.cached("{{#a}}"));
        assertThrows(TemplateError.class, () -> ParsedTemplate.cached("{{#a}}"));
    }
}
