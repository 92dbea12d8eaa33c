package dev.ankiconnect.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateAnalysisTest {
    @Test
    void fieldsOnTemplates_basicAndReversed_asAnkiConnectExample() {
        String back = "{{FrontSide}}\n\n<hr id=answer>\n\n";
        assertEquals(
                List.of(List.of("Front"), List.of("Back")),
                TemplateAnalysis.fieldsOnTemplate("{{Front}}", back + "{{Back}}"));
        assertEquals(
                List.of(List.of("Back"), List.of("Front")),
                TemplateAnalysis.fieldsOnTemplate("{{Back}}", back + "{{Front}}"));
    }

    @Test
    void fieldsOnTemplates_filtersStripped_sectionsSkipped_duplicatesKeptPerSide() {
        assertEquals(
                List.of(List.of("Text", "Text", "^Extra"), List.of("Extra")),
                TemplateAnalysis.fieldsOnTemplate(
                        "{{cloze:Text}}{{#Extra}}{{Text}}{{/Extra}}{{^Extra}}x{{/Extra}}",
                        "{{cloze:Text}}{{text:Extra}}{{FrontSide}}"));
    }

    @Test
    void renameRewritesReplacementsSectionsAndFilterForms() {
        assertEquals(
                "{{New}} {{#New}}x{{/New}}{{^New}}y{{/New}} {{text:New}} {{Other}}",
                TemplateAnalysis.renameField(
                        "{{Old}} {{#Old}}x{{/Old}}{{^Old}}y{{/Old}} {{text:Old}} {{Other}}", "Old", "New"));
    }

    @Test
    void removeDeletesReplacementsAndUnwrapsSections() {
        assertEquals("a  xy b", TemplateAnalysis.removeField("a {{Old}} {{#Old}}x{{/Old}}{{^Old}}y{{/Old}} b", "Old"));
    }

    @Test
    void unparseableTemplateLeftUnchanged() {
        assertEquals("{{#Old}}", TemplateAnalysis.renameField("{{#Old}}", "Old", "New"));
    }

    @Test
    void updateForFieldChanges_addsFirstFieldWhenFrontLosesAllFields() {
        assertEquals(
                List.of("Q: {{Back}}", "{{FrontSide}}"),
                TemplateAnalysis.updateTemplateForFieldChanges(
                        "Q: {{Front}}", "{{FrontSide}}{{Front}}", Map.of("Front", Optional.empty()), "Back", false));
        assertEquals(
                List.of("{{cloze:Text}}", "{{cloze:Text}}"),
                TemplateAnalysis.updateTemplateForFieldChanges(
                        "{{cloze:Gone}}", "{{Gone}}", Map.of("Gone", Optional.empty()), "Text", true));
    }

    @Test
    void referencedNames() throws TemplateError {
        ParsedTemplate t = ParsedTemplate.parse("{{a}}{{#b}}{{cloze:c}}{{/b}}{{#c2}}{{/c2}}");
        assertEquals(Set.of("a", "b", "c"), TemplateAnalysis.referencedFieldNames(t));
        assertEquals(Set.of("c"), TemplateAnalysis.clozeFieldNames(t));
    }
}
