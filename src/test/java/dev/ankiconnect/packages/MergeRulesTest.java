package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeRulesTest {

    @Test
    void freeId_keepsAFreeIdAndStepsBy999PastTakenOnes() {
        assertEquals(100, MergeRules.freeId(100, id -> false));
        Set<Long> used = Set.of(100L, 1099L);
        assertEquals(2098, MergeRules.freeId(100, used::contains));
        assertEquals(1098, MergeRules.freeId(99, Set.of(99L)::contains));
    }

    @Test
    void shiftDue_preservesDaysUntilDueForDayBasedQueues() {
        // source collection is on day 500, target on day 20: a review due on 503 is due in 3 days
        assertEquals(23, MergeRules.shiftDue(2, 2, 503, 500, 20));
        // day learning (queue 3) counts in days too
        assertEquals(19, MergeRules.shiftDue(1, 3, 499, 500, 20));
        // a suspended or buried review card keeps a day number
        assertEquals(25, MergeRules.shiftDue(2, -1, 505, 500, 20));
        assertEquals(25, MergeRules.shiftDue(2, -2, 505, 500, 20));
        // new cards (position) and intraday learning (Unix seconds) are not days
        assertEquals(7, MergeRules.shiftDue(0, 0, 7, 500, 20));
        assertEquals(1_700_000_000L, MergeRules.shiftDue(1, 1, 1_700_000_000L, 500, 20));
        // a suspended new card keeps its position
        assertEquals(7, MergeRules.shiftDue(0, -1, 7, 500, 20));
        // a younger source collection moves dues forward
        assertEquals(610, MergeRules.shiftDue(2, 2, 110, 100, 600));
    }

    @Test
    void shiftOriginalDue_onlyForReviewCardsWithAnOriginalDue() {
        assertEquals(23, MergeRules.shiftOriginalDue(2, 503, 500, 20));
        assertEquals(0, MergeRules.shiftOriginalDue(2, 0, 500, 20));
        assertEquals(12, MergeRules.shiftOriginalDue(0, 12, 500, 20));
    }

    @Test
    void uniqueName_appendsPlusUntilFree() {
        assertEquals("Basic", MergeRules.uniqueName("Basic", n -> false));
        assertEquals("Basic++", MergeRules.uniqueName("Basic", Set.of("Basic", "Basic+")::contains));
    }

    private static JsonObject model(String... fieldsThenBarThenTemplates) {
        var flds = Json.PROVIDER.createArrayBuilder();
        var tmpls = Json.PROVIDER.createArrayBuilder();
        boolean templates = false;
        for (String s : fieldsThenBarThenTemplates) {
            if (s.equals("|")) {
                templates = true;
                continue;
            }
            var o = Json.PROVIDER.createObjectBuilder();
            if (s.contains("#")) {
                o.add("name", s.substring(0, s.indexOf('#')))
                        .add("id", Long.parseLong(s.substring(s.indexOf('#') + 1)));
            } else {
                o.add("name", s);
            }
            (templates ? tmpls : flds).add(o);
        }
        return Json.PROVIDER
                .createObjectBuilder()
                .add("flds", flds)
                .add("tmpls", tmpls)
                .build();
    }

    @Test
    void sameSchema_comparesCountsThenIdsOrNames() {
        assertTrue(MergeRules.sameSchema(model("Front", "Back", "|", "Card 1"), model("Front", "Back", "|", "Card 1")));
        assertFalse(MergeRules.sameSchema(model("Front", "Back", "|", "Card 1"), model("Front", "|", "Card 1")));
        assertFalse(MergeRules.sameSchema(
                model("Front", "Back", "|", "Card 1"), model("Front", "Back", "|", "Card 1", "Card 2")));
        assertFalse(
                MergeRules.sameSchema(model("Front", "Back", "|", "Card 1"), model("Front", "Verso", "|", "Card 1")));
        // ids win over names when both sides have them: a renamed field is the same field
        assertTrue(MergeRules.sameSchema(
                model("Front#1", "Back#2", "|", "Card 1"), model("Front#1", "Verso#2", "|", "Card 1")));
        assertFalse(MergeRules.sameSchema(
                model("Front#1", "Back#2", "|", "Card 1"), model("Front#1", "Back#3", "|", "Card 1")));
        // one side without ids: names decide
        assertTrue(MergeRules.sameSchema(
                model("Front#1", "Back", "|", "Card 1"), model("Front", "Back#9", "|", "Card 1")));
    }

    @Test
    void referencedNames_findsSoundAndMediaTags() {
        List<String> names = new ArrayList<>();
        MergeRules.referencedNames(
                "a [sound:foo.wav] <img src=\"cat.jpg\"> <IMG class=x src='dog one.png'>"
                        + " <img src=bird.gif> <img src=\"https://example.com/x.png\"> <audio src=\"x.mp3\">",
                names);
        assertEquals(List.of("foo.wav", "cat.jpg", "dog one.png", "bird.gif", "x.mp3"), names);
    }

    @Test
    void renameReferences_rewritesOnlyRenamedFiles() {
        Map<String, String> renames = Map.of("foo.wav", "foo-abc.wav", "cat.jpg", "cat-1.jpg", "b.gif", "b-2.gif");
        assertEquals(
                "[sound:foo-abc.wav] [sound:other.wav] <img src=\"cat-1.jpg\"> <img src='dog.png'> <img src=b-2.gif>",
                MergeRules.renameReferences(
                        "[sound:foo.wav] [sound:other.wav] <img src=\"cat.jpg\"> <img src='dog.png'> <img src=b.gif>",
                        renames));
        assertEquals("plain cat.jpg text", MergeRules.renameReferences("plain cat.jpg text", renames));
        assertEquals("x", MergeRules.renameReferences("x", Map.of()));
    }
}
