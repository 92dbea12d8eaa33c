package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The glob matcher gives the answers of the regexes it replaced (the same random globs and texts through both),
 * and a pathological glob on a long text is answered at once; a {@code re:} regex stops at the deadline.
 */
class GlobMatcherTest {

    private static final String[] GLOB_PIECES = {
        "a", "A", "b", "é", "É", "ß", "ſ", "k", "\u212a", "*", "*", "_", "\\*", "\\_", "\\\\", "\\", ".", "(", "[", "$",
        "^", "\u001f", "::", " ", "😀", "\ud83d"
    };
    private static final String[] TEXT_PIECES = {
        "a", "A", "b", "B", "é", "É", "ß", "SS", "s", "S", "k", "K", "\u212a", "*", "_", "\\", ".", "(", "[", "$",
        "\u001f", "::", " ", "😀", "\ud83d", "\n", "i", "İ", "ı"
    };

    private static String random(Random r, String[] pieces, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) b.append(pieces[r.nextInt(pieces.length)]);
        return b.toString();
    }

    @Test
    void sameAnswersAsTheRegexesItReplaced() {
        Random r = new Random(15);
        for (int i = 0; i < 50_000; i++) {
            String glob = random(r, GLOB_PIECES, 6);
            String text = random(r, TEXT_PIECES, 10);
            String why = "glob <" + glob + "> text <" + text + ">";
            // unqualified text and single-field values: SQLite LIKE semantics (ASCII case folding)
            assertEquals(
                    Glob.likePattern(glob, false).matcher(text).find(),
                    Glob.finder(glob).matches(text),
                    "find " + why);
            assertEquals(
                    Glob.likePattern(glob, true).matcher(text).matches(),
                    Glob.matcher(glob, Glob.Case.ASCII).matches(text),
                    "matches " + why);
            // names and all-field values: Unicode case-insensitive
            Pattern u = Pattern.compile("^" + Glob.toRegex(glob, ".*", ".") + "$", Glob.UNICODE_CI | Pattern.DOTALL);
            assertEquals(
                    u.matcher(text).matches(),
                    Glob.matcher(glob, Glob.Case.UNICODE).matches(text),
                    "unicode " + why);
            // deck names: the name or a parent (names hold no line break, where the regex's $ had a quirk)
            if (text.contains("\n")) continue;
            String nativeName = text.replace("::", "\u001f");
            Pattern d = Pattern.compile(
                    "^" + Glob.toRegex(glob, ".*", ".") + "($|\u001f)", Glob.UNICODE_CI | Pattern.DOTALL);
            assertEquals(
                    d.matcher(nativeName).find(),
                    CardTerms.deckMatches(Glob.matcher(glob, Glob.Case.UNICODE), nativeName),
                    "deck " + why);
            // tags: a tag or a parent, in the stored " a b " form
            if (!Glob.literal(glob).contains(" ") && !text.isBlank()) {
                String tags = " " + text.trim().replaceAll(" +", " ") + " ";
                Pattern t = Pattern.compile(" " + Glob.toRegex(glob, "\\S*", "\\S") + "(::| )", Glob.UNICODE_CI);
                assertEquals(
                        t.matcher(tags).find(),
                        NoteTerms.tagMatches(Glob.matcher(glob, Glob.Case.UNICODE), tags),
                        "tag " + why + " tags <" + tags + ">");
            }
        }
    }

    @Test
    void examples() {
        assertTrue(Glob.finder("d*g").matches("a DOG b"));
        assertFalse(Glob.finder("d*g").matches("a GOD b"));
        assertTrue(Glob.matcher("d_g", Glob.Case.ASCII).matches("dÖg"));
        assertTrue(Glob.matcher("d_g", Glob.Case.ASCII).matches("d😀g"));
        assertFalse(Glob.matcher("é", Glob.Case.ASCII).matches("É"));
        assertTrue(Glob.matcher("é", Glob.Case.UNICODE).matches("É"));
        assertTrue(Glob.matcher("a\\*b", Glob.Case.ASCII).matches("a*b"));
        assertFalse(Glob.matcher("a\\*b", Glob.Case.ASCII).matches("axb"));
        assertTrue(NoteTerms.tagMatches(Glob.matcher("par*", Glob.Case.UNICODE), " x parent::child "));
        assertTrue(NoteTerms.tagMatches(Glob.matcher("parent", Glob.Case.UNICODE), " x parent::child "));
        assertFalse(NoteTerms.tagMatches(Glob.matcher("child", Glob.Case.UNICODE), " x parent::child "));
        assertTrue(CardTerms.deckMatches(Glob.matcher("a", Glob.Case.UNICODE), "A\u001fb"));
        assertFalse(CardTerms.deckMatches(Glob.matcher("b", Glob.Case.UNICODE), "a\u001fb"));
    }

    /** 300 x a against *a*a*a*b (and worse): the backtracking regex took minutes, the matcher is linear-ish. */
    @Test
    void pathologicalGlobsEndAtOnce() {
        String text = "a".repeat(300);
        String longText = "a".repeat(100_000);
        for (String glob : List.of("*a*b", "*a*a*b", "*a*a*a*b", "*a*a*a*a*a*a*a*a*a*a*b", "_*_*_*_*_*b")) {
            assertFalse(Glob.finder(glob).matches(text), glob);
            assertFalse(Glob.matcher(glob, Glob.Case.UNICODE).matches(text), glob);
            // each failed attempt resumes only the last star: about text length times pattern length steps
            assertFalse(Glob.finder(glob).matches(longText), glob);
        }
        assertTrue(Glob.finder("*a*a*a*a").matches(text));
    }

    /** A catastrophic regex runs into the request's deadline instead of spinning on. */
    @Test
    void aRegexStopsAtTheDeadline() {
        Pattern p = NoteTerms.compileRegex(".*a.*a.*a.*a.*a.*a.*b");
        String text = "a".repeat(5_000);
        Deadline.Exceeded e;
        try (Deadline.Scope s = Deadline.start(200)) {
            e = assertThrows(
                    Deadline.Exceeded.class,
                    () -> p.matcher(Deadline.guard(text)).find());
        }
        assertEquals(200, e.budgetMs());
        assertTrue(e.getMessage().contains("requestTimeoutMs"), e.getMessage());
        // without a budget the text is read as is
        assertTrue(Deadline.guard(text) == text);
    }
}
