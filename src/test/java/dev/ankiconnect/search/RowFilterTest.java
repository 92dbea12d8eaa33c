package dev.ankiconnect.search;

import static dev.ankiconnect.search.Fixtures.card;
import static dev.ankiconnect.search.Fixtures.note;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the JVM-side filter on sample rows: Anki's case, wildcard, HTML, regex and per-field rules. */
class RowFilterTest {

    private static boolean matches(String query, SearchRow row) {
        return matches(query, row, Fixtures.ctx());
    }

    private static boolean matches(String query, SearchRow row, SearchContext ctx) {
        CompiledSearch c = SqlWriter.compile(query, ctx, Target.NOTES);
        assertTrue(c.hasRowFilter(), "expected a JVM filter for " + query);
        return c.rowFilter().test(row);
    }

    private static final SearchRow DOG = note(10, "The <b>Dog</b> barks\u001fder Hund", " animal::mammal Marked ");

    @Test
    void plainTextIsAsciiCaseInsensitiveSubstring() {
        assertTrue(matches("dog", DOG));
        assertTrue(matches("DOG", DOG));
        assertTrue(matches("hund", DOG));
        assertFalse(matches("cat", DOG));
    }

    @Test
    void plainTextUsesRawHtmlExceptInSortField() {
        SearchRow r = note(10, "d<b>o</b>g\u001fx", "");
        // flds holds the raw HTML; the sort field is stripped, so the word is still found there
        assertTrue(matches("dog", r));
        SearchRow back = note(10, "x\u001fd<b>o</b>g", "");
        assertFalse(matches("dog", back));
        assertTrue(matches("d<b>o", back));
    }

    @Test
    void nonAsciiCaseIsExactLikeSqlite() {
        SearchRow r = note(10, "Émile\u001f", "");
        assertTrue(matches("Émile", r));
        assertTrue(matches("éMILE".replace('é', 'É'), r));
        assertFalse(matches("émile", r));
    }

    @Test
    void wildcards() {
        assertTrue(matches("d*g", DOG));
        assertTrue(matches("d_g", DOG));
        assertFalse(matches("d__g", DOG));
        assertTrue(matches("the*hund", DOG)); // '*' may span the field separator
        SearchRow star = note(10, "a*b_c\u001f", "");
        assertTrue(matches("a\\*b", star));
        assertFalse(matches("a\\*b", note(10, "axb\u001f", "")));
        assertTrue(matches("b\\_c", star));
        assertFalse(matches("b\\_c", note(10, "bxc\u001f", "")));
    }

    @Test
    void fieldSearchMatchesWholeFieldOfThatNotetype() {
        SearchRow r = note(10, "Dog\u001fHund", "");
        assertTrue(matches("front:dog", r));
        assertTrue(matches("FRONT:DOG", r));
        assertFalse(matches("front:do", r));
        assertTrue(matches("front:do*", r));
        assertTrue(matches("front:_og", r));
        assertFalse(matches("front:hund", r));
        assertTrue(matches("back:hund", r));
        assertTrue(matches("b*:hund", r));
        assertTrue(matches("\"front:*\"", r));
        assertFalse(matches("front:", r));
        assertTrue(matches("front:", note(10, "\u001fHund", "")));
        assertTrue(matches("front:_*", r));
        // a notetype without that field never matches
        assertFalse(matches("extra:dog", note(10, "dog\u001fdog", "")));
        assertTrue(matches("extra:dog", note(11, "a\u001fb\u001fdog", "")));
    }

    @Test
    void allFieldsSearchIsUnicodeCaseInsensitive() {
        SearchRow r = note(10, "x\u001fÉmile", "");
        assertTrue(matches("*:émile", r));
        assertFalse(matches("*:émil", r));
    }

    @Test
    void fieldRegexAndNoCombining() {
        SearchRow r = note(10, "Über alles\u001fcafé", "");
        assertTrue(matches("front:re:^über", r));
        assertFalse(matches("front:re:^alles", r));
        assertTrue(matches("back:nc:cafe", r));
        assertFalse(matches("back:cafe", r));
    }

    @Test
    void regexIsUnicodeCaseInsensitiveOnJoinedFields() {
        assertTrue(matches("re:^the", DOG));
        assertTrue(matches("re:hund$", DOG));
        assertTrue(matches("\"re:dog</b> b\"", DOG));
        assertTrue(matches("re:über", note(10, "ÜBER\u001f", "")));
        assertFalse(matches("re:^der", DOG));
    }

    @Test
    void noCombiningAndWordBoundary() {
        SearchRow r = note(10, "Ærøskøbing café\u001f", "");
        assertTrue(matches("nc:aeroskobing", r));
        assertTrue(matches("nc:cafe", r));
        assertFalse(matches("cafe", r));
        assertTrue(matches("w:barks", DOG));
        assertFalse(matches("w:bark", DOG));
        assertTrue(matches("w:bark*", DOG));
        assertTrue(matches("w:b_rks", DOG));
        assertTrue(matches("\"w:dog</b> barks\"", DOG)); // Anki's to_re: * and _ are . based, not \\S
        assertTrue(matches("cafe", r, Fixtures.ctx(true)));
    }

    @Test
    void stripClozesOnlyInClozeNotetypes() {
        SearchRow cloze = note(12, "{{c1::Paris::city}} is in France\u001f", "");
        assertTrue(matches("\"sc:paris is\"", cloze));
        assertFalse(matches("\"sc:paris is\"", note(10, "{{c1::Paris::city}} is\u001f", "")));
        assertFalse(matches("\"paris is\"", cloze));
        // the sort field (stripped) is searched too
        assertTrue(matches("sc:Paris", new SearchRow(1, 1, 12, "x", "Paris", "", null, 0, 0, 0, 0, 0, new boolean[0])));
    }

    @Test
    void excludedFieldsAreSkippedByUnqualifiedSearches() {
        SearchContext ex = Fixtures.ctxExcluding();
        SearchRow basic = note(10, "front text\u001fsecret", "");
        assertTrue(matches("front", basic, ex));
        assertFalse(matches("secret", basic, ex));
        assertFalse(matches("re:secret", basic, ex));
        assertFalse(matches("w:secret", basic, ex));
        assertTrue(matches("secret", basic));
        // other notetypes are unaffected
        assertTrue(matches("secret", note(11, "a\u001fsecret\u001fc", ""), ex));
        assertTrue(matches("re:secret", note(11, "a\u001fsecret\u001fc", ""), ex));
        // digits would be exact SQL without exclusions; with them the JVM must decide
        assertFalse(matches("42", note(10, "x\u001f42", ""), ex));
    }

    @Test
    void adjacentMatchingFieldsAreJoinedLikeAnki() {
        // Back and Extra of notetype 11 are neighbours that both match the field name *a*
        SearchRow r = note(11, "f\u001fone\u001ftwo", "");
        assertTrue(matches("*a*:one*two", r));
        assertFalse(matches("*a*:one", r));
        assertTrue(matches("*a*:_*", note(11, "f\u001f\u001ftwo", "")));
    }

    @Test
    void tagsWithChildrenWildcardsAndRegex() {
        assertTrue(matches("tag:anim*", DOG));
        assertTrue(matches("tag:animal::*", DOG));
        assertTrue(matches("tag:ANIMAL::m_mmal", DOG));
        assertFalse(matches("tag:ani_al::x*", DOG));
        assertFalse(matches("tag:mal*", DOG));
        assertTrue(matches("tag:re:^mark", DOG));
        assertFalse(matches("tag:re:^mammal", DOG));
        assertTrue(matches("tag:re:mammal$", DOG));
        assertTrue(matches("tag:émi*", note(10, "x", " Émile ")));
    }

    @Test
    void dupeComparesStrippedFirstField() {
        assertTrue(matches("dupe:10,test", note(10, "<b>test</b>\u001fx", "")));
        assertFalse(matches("dupe:10,test", note(10, "Test\u001fx", "")));
        assertFalse(matches("dupe:10,test", note(11, "test\u001fx", "")));
        assertTrue(matches("dupe:10,a&b", note(10, "a&amp;b\u001fx", "")));
    }

    @Test
    void fsrsPropsReadCardData() {
        SearchRow r = card("{\"s\":12.5,\"d\":5.5,\"lrt\":1699990000,\"cd\":{\"v\":3,\"k\":\"abc\"}}", 2, 2, 100, 10);
        assertTrue(matches("prop:s>10", r));
        assertFalse(matches("prop:s<10", r));
        assertTrue(matches("prop:d=0.5", r));
        assertTrue(matches("prop:cdn:v>=3", r));
        assertTrue(matches("prop:cds:k=abc", r));
        assertFalse(matches("prop:cds:k>abc", r));
        assertTrue(matches("has-cd:v", r));
        assertFalse(matches("has-cd:w", r));
        assertFalse(matches("prop:s>0", card("", 2, 2, 100, 10)));
        assertFalse(matches("prop:s>0", card("not json", 2, 2, 100, 10)));
    }

    @Test
    void retrievabilityDecaysWithElapsedDays() {
        // reviewed just now: R is 1; after S days R is 0.9 (the FSRS definition of stability)
        long now = Fixtures.NEXT_DAY - 10_000;
        SearchRow fresh = card("{\"s\":10,\"d\":5,\"lrt\":" + now + "}", 2, 2, 100, 10);
        assertTrue(matches("prop:r>0.99", fresh));
        SearchRow tenDays = card("{\"s\":10,\"d\":5,\"lrt\":" + (now - 10 * 86_400) + "}", 2, 2, 100, 10);
        assertTrue(matches("prop:r<0.901", tenDays));
        assertTrue(matches("prop:r>0.899", tenDays));
        // without lrt, elapsed days come from due - ivl (today is 100)
        assertTrue(matches("prop:r<0.901", card("{\"s\":10,\"d\":5}", 2, 2, 100, 10)));
        assertFalse(matches("prop:r<2", card("{\"s\":10}", 2, 2, 100, 10))); // no difficulty: no memory state
        assertFalse(matches("prop:r<2", card("{\"s\":10,\"d\":5}", 0, 0, 5, 0)));
    }

    @Test
    void orAndNotCombineSqlFlagsWithJvmLeaves() {
        CompiledSearch c = SqlWriter.compile("re:dog or deck:Other", Fixtures.ctx(), Target.CARDS);
        SearchRow inDeck = new SearchRow(1, 1, 10, "cat", "cat", "", "", 0, 0, 0, 0, 0, new boolean[] {true});
        SearchRow neither = new SearchRow(2, 2, 10, "cat", "cat", "", "", 0, 0, 0, 0, 0, new boolean[] {false});
        SearchRow dog = new SearchRow(3, 3, 10, "dog", "dog", "", "", 0, 0, 0, 0, 0, new boolean[] {false});
        assertTrue(c.rowFilter().test(inDeck));
        assertFalse(c.rowFilter().test(neither));
        assertTrue(c.rowFilter().test(dog));
        CompiledSearch n = SqlWriter.compile("-dog", Fixtures.ctx(), Target.NOTES);
        assertEquals(
                "SELECT n.id, n.id, n.mid, n.flds, n.sfld, n.tags FROM notes n WHERE n.profile_id = ? ORDER BY n.id",
                n.sql());
        assertFalse(n.rowFilter().test(DOG));
        assertTrue(n.rowFilter().test(note(10, "cat", "")));
    }

    @Test
    void idsAppliesFilterAndDeduplicatesNotes() {
        CompiledSearch c = SqlWriter.compile("deck:Other dog", Fixtures.ctx(), Target.NOTES);
        List<Object[]> rows = List.of(
                new Object[] {1L, 1L, 10L, "dog", "dog", "", "", 0, 0, 0L, 0L, 0},
                new Object[] {1L, 1L, 10L, "dog", "dog", "", "", 0, 0, 0L, 0L, 0},
                new Object[] {2L, 2L, 10L, "cat", "cat", "", "", 0, 0, 0L, 0L, 0},
                new Object[] {3L, 3L, 10L, "DOG", "DOG", "", "", 0, 0, 0L, 0L, 0});
        assertEquals(List.of(1L, 3L), c.ids(rows));
        CompiledSearch exact = SqlWriter.compile("deck:Other", Fixtures.ctx(), Target.CARDS);
        assertEquals(List.of(5L, 6L), exact.ids(List.of(new Object[] {5L}, new Object[] {6L})));
    }
}
