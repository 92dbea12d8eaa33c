package dev.ankiconnect.search;

import static dev.ankiconnect.search.Fixtures.NEXT_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact SQL text and parameters for representative queries. */
class SqlWriterTest {

    private static final String CARDS = "SELECT c.id FROM cards c WHERE c.profile_id = ? AND ";
    private static final String CARDS_N = "SELECT c.id FROM cards c JOIN notes n ON n.profile_id = c.profile_id "
            + "AND n.id = c.nid WHERE c.profile_id = ? AND ";
    private static final String NOTES = "SELECT n.id FROM notes n WHERE n.profile_id = ? AND ";
    private static final String NOTES_C = "SELECT DISTINCT n.id FROM notes n JOIN cards c ON c.profile_id = "
            + "n.profile_id AND c.nid = n.id WHERE n.profile_id = ? AND ";
    private static final String NOTES_BY_CARDS = "SELECT DISTINCT c.nid FROM cards c WHERE c.profile_id = ? AND ";
    private static final String NOTE_ROW =
            "SELECT n.id, n.id, n.mid, n.flds, n.sfld, n.tags FROM notes n " + "WHERE n.profile_id = ? AND ";

    private static CompiledSearch cards(String q) {
        return SqlWriter.compile(q, Fixtures.ctx(), Target.CARDS);
    }

    private static CompiledSearch notes(String q) {
        return SqlWriter.compile(q, Fixtures.ctx(), Target.NOTES);
    }

    private static void check(CompiledSearch c, String sql, Object... params) {
        assertEquals(sql, c.sql());
        assertEquals(List.of(params), c.params());
    }

    @Test
    void emptyQueryIsEveryRowOfTheProfile() {
        check(cards(""), "SELECT c.id FROM cards c WHERE c.profile_id = ? ORDER BY c.id", 7L);
        check(notes(""), "SELECT n.id FROM notes n WHERE n.profile_id = ? ORDER BY n.id", 7L);
        assertFalse(cards("").hasRowFilter());
    }

    @Test
    void deckIncludesChildrenAndHomeDeck() {
        // current deck or home deck: on Derby one SELECT per deck and column (each an index range), in a UNION
        check(
                cards("deck:lang"),
                unionOf("c.id", "c.did = ?", "c.did = ?", "c.did = ?", "c.odid = ?", "c.odid = ?", "c.odid = ?"),
                7L,
                2L,
                7L,
                3L,
                7L,
                4L,
                7L,
                2L,
                7L,
                3L,
                7L,
                4L);
        check(
                notes("deck:Lang::French"),
                unionOf("c.nid", "c.did = ?", "c.did = ?", "c.odid = ?", "c.odid = ?"),
                7L,
                3L,
                7L,
                4L,
                7L,
                3L,
                7L,
                4L);
        check(
                cards("\"deck:lang::fr*\""),
                unionOf("c.id", "c.did = ?", "c.did = ?", "c.odid = ?", "c.odid = ?"),
                7L,
                3L,
                7L,
                4L,
                7L,
                3L,
                7L,
                4L);
        // on PostgreSQL one SELECT per column, each with its index
        check(
                SqlWriter.compile(SearchParser.parse("deck:Lang::French"), Fixtures.ctx(), Target.NOTES, true),
                unionOf("c.nid", "c.did IN (?, ?)", "(c.odid <> 0 AND c.odid IN (?, ?))"),
                7L,
                3L,
                4L,
                7L,
                3L,
                4L);
        // Unicode case-insensitive like Anki's regex
        check(cards("deck:émile"), unionOf("c.id", "c.did = ?", "c.odid = ?"), 7L, 8L, 7L, 8L);
        check(cards("deck:nope"), CARDS + "1 = 0 ORDER BY c.id", 7L);
        check(cards("deck:*"), CARDS + "1 = 1 ORDER BY c.id", 7L);
        check(cards("deck:filtered"), CARDS + "c.odid <> 0 ORDER BY c.id", 7L);
        // "Lan" must not match "Lang": names are anchored at a level boundary
        check(cards("deck:Lan"), CARDS + "1 = 0 ORDER BY c.id", 7L);
    }

    /** A UNION of one SELECT of {@code column} from cards per condition, ordered by it. */
    private static String unionOf(String column, String... conditions) {
        List<String> selects = new java.util.ArrayList<>();
        for (String c : conditions) {
            selects.add("SELECT " + column + " FROM cards c WHERE c.profile_id = ? AND " + c);
        }
        return String.join(" UNION ", selects) + " ORDER BY 1";
    }

    @Test
    void deckCurrentAndExcludingChildren() {
        String not = " AND NOT (c.did IN (?) OR (c.odid <> 0 AND c.odid IN (?))))";
        check(
                cards("deck:current -deck:Lang::French::*"),
                unionOf("c.id", "(c.did = ?" + not, "(c.did = ?" + not, "(c.odid = ?" + not, "(c.odid = ?" + not),
                7L,
                3L,
                4L,
                4L,
                7L,
                4L,
                4L,
                4L,
                7L,
                3L,
                4L,
                4L,
                7L,
                4L,
                4L,
                4L);
    }

    @Test
    void deckIdsAndPreset() {
        check(
                cards("did:1,2"),
                unionOf("c.id", "c.did = ?", "c.did = ?", "c.odid = ?", "c.odid = ?"),
                7L,
                1L,
                7L,
                2L,
                7L,
                1L,
                7L,
                2L);
        check(
                cards("\"preset:lang preset\""),
                unionOf("c.id", "c.did = ?", "c.did = ?", "c.odid = ?", "c.odid = ?"),
                7L,
                2L,
                7L,
                3L,
                7L,
                2L,
                7L,
                3L);
    }

    @Test
    void tagIsExactInSqlForPlainAsciiNames() {
        check(
                notes("tag:Marked"),
                NOTES + "(LOCATE(?, LOWER(n.tags)) > 0 OR LOCATE(?, LOWER(n.tags)) > 0) ORDER BY n.id",
                7L,
                " marked ",
                " marked::");
        check(
                cards("tag:a_b\\_c"),
                CARDS_N.replace(
                                "SELECT c.id FROM",
                                "SELECT c.id, n.id, n.mid, n.flds, n.sfld, "
                                        + "n.tags, c.data, c.ctype, c.queue, c.due, c.odue, c.ivl FROM")
                        + "LOWER(n.tags) LIKE ? ESCAPE '\\' "
                        + "ORDER BY c.id",
                7L,
                "% a%b\\_c%");
        // Derby: LOWER(n.tags), which its note searches read from ix_notes_tags_head (IdPlanTest)
        check(notes("tag:none"), NOTES + "LOWER(n.tags) = '' ORDER BY n.id", 7L);
        check(subqueries("tag:none"), NOTES + "n.tags = '' ORDER BY n.id", 7L);
        check(notes("tag:*"), NOTES + "1 = 1 ORDER BY n.id", 7L);
        check(notes("\"tag:a b\""), NOTES + "1 = 0 ORDER BY n.id", 7L);
        check(
                notes("tag:100%"),
                NOTES + "(LOCATE(?, LOWER(n.tags)) > 0 OR LOCATE(?, LOWER(n.tags)) > 0) ORDER BY n.id",
                7L,
                " 100% ",
                " 100%::");
    }

    @Test
    void fieldSearchNarrowsByNotetypeAndLike() {
        CompiledSearch c = notes("\"Front:word\"");
        check(c, NOTE_ROW + "(n.mid IN (?, ?) AND n.flds LIKE ? ESCAPE '\\') ORDER BY n.id", 7L, 10L, 11L, "%____%");
        assertTrue(c.hasRowFilter());
        check(
                notes("back*:x"),
                NOTE_ROW + "(n.mid IN (?, ?, ?) AND n.flds LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                10L,
                11L,
                12L,
                "%_%");
        check(notes("front:"), NOTE_ROW + "n.mid IN (?, ?) ORDER BY n.id", 7L, 10L, 11L);
        check(notes("nosuchfield:x"), NOTES + "1 = 0 ORDER BY n.id", 7L);
        check(notes("front:re:^d"), NOTE_ROW + "n.mid IN (?, ?) ORDER BY n.id", 7L, 10L, 11L);
    }

    @Test
    void plainTextWithoutLettersIsExact() {
        check(
                notes("123"),
                NOTES + "(n.sfld LIKE ? ESCAPE '\\' OR n.flds LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                "%123%",
                "%123%");
        check(
                notes("日本*語"),
                NOTES + "(n.sfld LIKE ? ESCAPE '\\' OR n.flds LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                "%日本%語%",
                "%日本%語%");
        check(
                notes("50%"),
                NOTES + "(n.sfld LIKE ? ESCAPE '\\' OR n.flds LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                "%50\\%%",
                "%50\\%%");
        assertFalse(notes("123").hasRowFilter());
    }

    @Test
    void plainTextWithLettersNarrowsThenFilters() {
        CompiledSearch c = notes("dog");
        check(
                c,
                NOTE_ROW + "(n.sfld LIKE ? ESCAPE '\\' OR n.flds LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                "%___%",
                "%___%");
        assertEquals(List.of("n.id", "n.id", "n.mid", "n.flds", "n.sfld", "n.tags"), c.columns());
    }

    @Test
    void lowerOnClobNarrowsWithLowerCasedLetters() {
        SearchContext ctx = Fixtures.base().lowerOnClob(true).build();
        CompiledSearch c = SqlWriter.compile("Dog*É", ctx, Target.NOTES);
        check(
                c,
                NOTE_ROW + "(LOWER(n.sfld) LIKE ? ESCAPE '\\' OR LOWER(n.flds) LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                "%dog%",
                "%dog%");
        check(
                SqlWriter.compile("front:Dog", ctx, Target.NOTES),
                NOTE_ROW + "(n.mid IN (?, ?) AND LOWER(n.flds) LIKE ? ESCAPE '\\') ORDER BY n.id",
                7L,
                10L,
                11L,
                "%dog%");
    }

    @Test
    void postgresTextIsExactInSql() {
        SearchContext ctx = Fixtures.base().lowerOnClob(true).build();
        // the trigram indexes narrow (LOWER LIKE), a regular expression with ASCII-only case folding decides: no row
        // filter, only note ids leave the database
        CompiledSearch c = SqlWriter.compile(SearchParser.parse("Caf\u00e9*x_"), ctx, Target.NOTES, true);
        check(
                c,
                NOTES + "((LOWER(n.sfld) LIKE ? ESCAPE '\\' OR LOWER(n.flds) LIKE ? ESCAPE '\\') AND (n.sfld ~ ? OR "
                        + "n.flds ~ ?)) ORDER BY n.id",
                7L,
                "%caf%x%",
                "%caf%x%",
                "[cC][aA][fF]\u00e9.*[xX].",
                "[cC][aA][fF]\u00e9.*[xX].");
        assertFalse(c.hasRowFilter());
        // nothing for LIKE to narrow with: the expression alone
        check(
                SqlWriter.compile(SearchParser.parse("\u00c9_"), ctx, Target.NOTES, true),
                NOTES + "(n.sfld ~ ? OR n.flds ~ ?) ORDER BY n.id",
                7L,
                "\u00c9.",
                "\u00c9.");
        // with excluded fields the JVM filter stays
        SearchContext excluding = Fixtures.base()
                .lowerOnClob(true)
                .excludedFields(java.util.Map.of(10L, java.util.Set.of(1)))
                .build();
        assertTrue(SqlWriter.compile(SearchParser.parse("dog"), excluding, Target.NOTES, true)
                .hasRowFilter());
    }

    @Test
    void asciiFoldRegexMirrorsTheGlobMatcher() {
        assertEquals("[aA]\\.[bB]\\+\\(1\\)", NoteTerms.asciiFoldRegex("a.b+(1)"));
        // escaped wildcards are literals, stars at either end add nothing, a run of stars is one
        assertEquals("\\*.*\\_", NoteTerms.asciiFoldRegex("*\\***\\_*"));
        assertEquals(".", NoteTerms.asciiFoldRegex("_*"));
        assertEquals("", NoteTerms.asciiFoldRegex("*"));
        // a backslash at the end is itself; digits, spaces and non-ASCII as they are (space escaped)
        assertEquals("9\\ \u00fc\\\\", NoteTerms.asciiFoldRegex("9 \u00fc\\"));
        assertNull(NoteTerms.asciiFoldRegex("x".repeat(NoteTerms.MAX_REGEX_GLOB + 1)));
    }

    @Test
    void states() {
        check(cards("is:new"), CARDS + "c.ctype = 0 ORDER BY c.id", 7L);
        check(cards("is:learn"), CARDS + "c.ctype IN (1, 3) ORDER BY c.id", 7L);
        check(cards("is:review"), CARDS + "c.ctype IN (2, 3) ORDER BY c.id", 7L);
        check(cards("is:suspended"), CARDS + "c.queue = -1 ORDER BY c.id", 7L);
        check(cards("is:buried"), CARDS + "c.queue IN (-2, -3) ORDER BY c.id", 7L);
        check(cards("is:buried-sibling"), CARDS + "c.queue = -2 ORDER BY c.id", 7L);
        check(cards("is:buried-manually"), CARDS + "c.queue = -3 ORDER BY c.id", 7L);
        check(
                cards("is:due"),
                CARDS + "((c.queue IN (2, 3) AND c.due <= ?) OR (c.queue IN (1, 4) AND c.due <= ?)) " + "ORDER BY c.id",
                7L,
                100L,
                NEXT_DAY - 10_000 + 1200);
        // a note matches when any card matches
        check(notes("-is:new"), NOTES_BY_CARDS + "NOT c.ctype = 0 ORDER BY c.nid", 7L);
        // card and note conditions together still join the note to its cards
        check(notes("-is:new tag:none"), NOTES_C + "(NOT c.ctype = 0 AND LOWER(n.tags) = '') ORDER BY n.id", 7L);
        // or, for PostgreSQL, the note condition and a card sub-query
        check(
                subqueries("-is:new tag:none"),
                NOTES + "(n.tags = '' AND n.id IN (SELECT c.nid FROM cards c WHERE "
                        + "c.profile_id = ? AND NOT c.ctype = 0)) ORDER BY n.id",
                7L,
                7L);
    }

    private static CompiledSearch subqueries(String q) {
        return SqlWriter.compile(SearchParser.parse(q), Fixtures.ctx(), Target.NOTES, true);
    }

    @Test
    void noteSearchesMixingNoteAndCardTermsUseCardSubQueries() {
        // OR at the top: the union of what each side finds; a note term alone still needs the note to have a card
        check(
                subqueries("deck:Other or tag:none"),
                "SELECT c.nid FROM cards c WHERE c.profile_id = ? AND c.did IN (?) "
                        + "UNION SELECT c.nid FROM cards c WHERE c.profile_id = ? AND (c.odid <> 0 AND c.odid IN (?)) UNION "
                        + NOTES + "n.tags = '' AND EXISTS (SELECT 1 FROM cards c WHERE c.profile_id = n.profile_id AND "
                        + "c.nid = n.id) ORDER BY 1",
                7L,
                5L,
                7L,
                5L,
                7L);
        // Derby likewise (an IN sub-query under OR would run again for every note)
        check(
                notes("deck:Other or tag:none"),
                "SELECT c.nid FROM cards c WHERE c.profile_id = ? AND c.did = ? "
                        + "UNION SELECT c.nid FROM cards c WHERE c.profile_id = ? AND c.odid = ? UNION "
                        + NOTES
                        + "LOWER(n.tags) = '' AND EXISTS (SELECT 1 FROM cards c WHERE c.profile_id = n.profile_id AND "
                        + "c.nid = n.id) ORDER BY 1",
                7L,
                5L,
                7L,
                5L,
                7L);
        // exact tag terms read their postings in note_tags on PostgreSQL
        check(
                subqueries("tag:Marked"),
                NOTES
                        + "n.id IN (SELECT t.nid FROM note_tags t WHERE t.profile_id = ? AND t.tag_key = ?) ORDER BY n.id",
                7L,
                7L,
                "marked");
        // OR below the top: some card matches either side
        check(
                subqueries("tag:x (deck:Other or tag:none)"),
                NOTES
                        + "(n.id IN (SELECT t.nid FROM note_tags t WHERE t.profile_id = ? AND t.tag_key = ?) AND (n.id IN "
                        + "(SELECT c.nid FROM cards c WHERE c.profile_id = ? AND (c.did IN (?) "
                        + "OR (c.odid <> 0 AND c.odid IN (?)))) OR (n.tags = '' AND EXISTS (SELECT 1 FROM cards c WHERE "
                        + "c.profile_id = n.profile_id AND c.nid = n.id)))) ORDER BY n.id",
                7L,
                7L,
                "x",
                7L,
                5L,
                5L);
        // two card terms under AND must hold for the same card: one sub-query
        check(
                subqueries("is:new deck:Other tag:none"),
                NOTES + "(n.tags = '' AND n.id IN (SELECT c.nid FROM cards c WHERE "
                        + "c.profile_id = ? AND (c.ctype = 0 AND (c.did IN (?) OR (c.odid <> 0 AND c.odid IN (?)))))) "
                        + "ORDER BY n.id",
                7L,
                7L,
                5L,
                5L);
        // NOT of a card term mixed with a note term cannot be split: a correlated sub-query of the note's cards
        check(
                subqueries("-(is:new tag:none)"),
                NOTES + "EXISTS (SELECT 1 FROM cards c WHERE c.profile_id = n.profile_id "
                        + "AND c.nid = n.id AND NOT (c.ctype = 0 AND n.tags = '')) ORDER BY n.id",
                7L);
    }

    @Test
    void doubleNegationIsBracketedBecauseDerbyRejectsNotNot() {
        check(cards("-(-is:new)"), CARDS + "NOT (NOT c.ctype = 0) ORDER BY c.id", 7L);
        check(cards("-(-(-is:new))"), CARDS + "NOT (NOT (NOT c.ctype = 0)) ORDER BY c.id", 7L);
    }

    @Test
    void flagUsesPortableModulo() {
        check(cards("flag:3"), CARDS + "MOD(c.flags, 8) = ? ORDER BY c.id", 7L, 3);
    }

    @Test
    void props() {
        check(cards("prop:ivl>10"), CARDS + "c.ivl > ? ORDER BY c.id", 7L, 10L);
        check(cards("prop:reps!=3"), CARDS + "c.reps <> ? ORDER BY c.id", 7L, 3L);
        check(cards("prop:lapses<=1"), CARDS + "c.lapses <= ? ORDER BY c.id", 7L, 1L);
        check(cards("prop:ease>2.5"), CARDS + "c.factor > ? ORDER BY c.id", 7L, 2500L);
        check(
                cards("prop:pos<5"),
                CARDS + "(c.ctype = 0 AND (CASE WHEN c.odue <> 0 THEN c.odue ELSE c.due END) < ?)" + " ORDER BY c.id",
                7L,
                5L);
        String due = "(CASE WHEN c.odue <> 0 THEN c.odue ELSE c.due END)";
        check(
                cards("prop:due=1"),
                CARDS + "((c.queue IN (2, 3) AND " + due + " = ?) OR (c.queue IN (1, 4) AND (" + due
                        + " - ?) / 86400 = ?)) ORDER BY c.id",
                7L,
                101L,
                NEXT_DAY,
                1L);
        check(
                cards("prop:due>-2"),
                CARDS + "((c.queue IN (2, 3) AND " + due + " > ?) OR (c.queue IN (1, 4) AND (" + due
                        + " - ?) / 86400 > ?)) ORDER BY c.id",
                7L,
                98L,
                NEXT_DAY,
                -2L);
    }

    @Test
    void ratedFamily() {
        String sub = "c.id IN (SELECT r.cid FROM revlog r WHERE r.profile_id = ? AND ";
        check(
                cards("rated:2"),
                CARDS + sub + "r.id >= ? AND r.ease > 0) ORDER BY c.id",
                7L,
                7L,
                (NEXT_DAY - 2 * 86_400) * 1000);
        check(
                cards("rated:2:3"),
                CARDS + sub + "r.id >= ? AND r.ease = ?) ORDER BY c.id",
                7L,
                7L,
                (NEXT_DAY - 2 * 86_400) * 1000,
                3);
        check(
                cards("resched:1"),
                CARDS + sub + "r.id >= ? AND r.ease = 0) ORDER BY c.id",
                7L,
                7L,
                (NEXT_DAY - 86_400) * 1000);
        assertEquals(cards("rated:5:3").sql(), cards("prop:rated>-5:3").sql());
        assertEquals(cards("rated:5:3").params(), cards("prop:rated>-5:3").params());
        check(
                cards("prop:rated=-1"),
                CARDS + sub + "r.id BETWEEN ? AND ? AND r.ease > 0) ORDER BY c.id",
                7L,
                7L,
                (NEXT_DAY - 2 * 86_400) * 1000,
                (NEXT_DAY - 86_400) * 1000 - 1);
        check(
                cards("prop:resched<=0"),
                CARDS + sub + "r.id < ? AND r.ease = 0) ORDER BY c.id",
                7L,
                7L,
                NEXT_DAY * 1000);
        check(
                cards("introduced:3"),
                CARDS + "c.id IN (SELECT r.cid FROM revlog r WHERE r.profile_id = ? AND "
                        + "r.ease <> 0 GROUP BY r.cid HAVING MIN(r.id) > ?) ORDER BY c.id",
                7L,
                7L,
                (NEXT_DAY - 3 * 86_400) * 1000);
    }

    @Test
    void addedEditedIds() {
        check(cards("added:2"), CARDS + "c.id > ? ORDER BY c.id", 7L, (NEXT_DAY - 2 * 86_400) * 1000);
        check(notes("edited:1"), NOTES + "n.mtime > ? ORDER BY n.id", 7L, NEXT_DAY - 86_400);
        check(cards("nid:1,2"), CARDS + "c.nid IN (?, ?) ORDER BY c.id", 7L, 1L, 2L);
        check(notes("nid:1,2"), NOTES + "n.id IN (?, ?) ORDER BY n.id", 7L, 1L, 2L);
        check(notes("cid:5"), NOTES_BY_CARDS + "c.id IN (?) ORDER BY c.nid", 7L, 5L);
        check(cards("mid:10"), CARDS_N + "n.mid = ? ORDER BY c.id", 7L, 10L);
    }

    @Test
    void notetypeAndTemplate() {
        check(notes("note:basic"), NOTES + "n.mid IN (?) ORDER BY n.id", 7L, 10L);
        check(notes("note:basic*"), NOTES + "n.mid IN (?, ?) ORDER BY n.id", 7L, 10L, 11L);
        check(cards("card:2"), CARDS + "c.ord = ? ORDER BY c.id", 7L, 1);
        check(cards("\"card:card 2\""), CARDS_N + "(n.mid = ? AND c.ord = ?) ORDER BY c.id", 7L, 11L, 1);
        // a cloze notetype has one template, ord 0, so only c1 cards match (as in Anki's templates table)
        check(cards("card:cloze"), CARDS_N + "(n.mid = ? AND c.ord = ?) ORDER BY c.id", 7L, 12L, 0);
        check(cards("card:nope"), CARDS_N + "1 = 0 ORDER BY c.id", 7L);
    }

    @Test
    void combinationsStayOneExactStatement() {
        // an AND with the deck's OR: one SELECT per side, each with the other conditions
        String rest =
                " AND (((c.queue IN (2, 3) AND c.due <= ?) OR (c.queue IN (1, 4) AND c.due <= ?)) OR c.ivl >= ?) AND "
                        + "NOT MOD(c.flags, 8) = ?)";
        check(
                cards("deck:Other (is:due or prop:ivl>=21) -flag:1"),
                unionOf("c.id", "(c.did = ?" + rest, "(c.odid = ?" + rest),
                7L,
                5L,
                100L,
                NEXT_DAY - 10_000 + 1200,
                21L,
                1,
                7L,
                5L,
                100L,
                NEXT_DAY - 10_000 + 1200,
                21L,
                1);
        check(
                notes("tag:x or note:Cloze"),
                NOTES
                        + "((LOCATE(?, LOWER(n.tags)) > 0 OR LOCATE(?, LOWER(n.tags)) > 0) OR n.mid IN (?)) ORDER BY n.id",
                7L,
                " x ",
                " x::",
                12L);
    }

    @Test
    void orWithJvmLeafUsesFlagColumns() {
        CompiledSearch c = cards("re:x or deck:Other");
        assertTrue(c.hasRowFilter());
        assertTrue(
                c.sql()
                        .startsWith("SELECT c.id, n.id, n.mid, n.flds, n.sfld, n.tags, c.data, c.ctype, c.queue, "
                                + "c.due, c.odue, c.ivl, CASE WHEN (c.did IN (?) OR (c.odid <> 0 AND c.odid IN (?))) THEN 1 ELSE 0 END FROM cards c "
                                + "JOIN notes n"),
                c.sql());
        // the regex side cannot narrow, so the WHERE clause only restricts the profile
        assertTrue(c.sql().endsWith("WHERE c.profile_id = ? ORDER BY c.id"), c.sql());
        assertEquals(List.of(5L, 5L, 7L), c.params());
        assertEquals(1, c.flagColumns());
        assertEquals("flag0", c.columns().get(c.columns().size() - 1));
    }

    @Test
    void andWithJvmLeafNeedsNoFlagColumns() {
        CompiledSearch c = notes("deck:Other dog");
        assertEquals(0, c.flagColumns());
        assertEquals(
                "SELECT n.id, n.id, n.mid, n.flds, n.sfld, n.tags, c.data, c.ctype, c.queue, c.due, c.odue, c.ivl"
                        + " FROM notes n JOIN cards c ON c.profile_id = n.profile_id AND c.nid = n.id WHERE n.profile_id = ? "
                        + "AND ((c.did IN (?) OR (c.odid <> 0 AND c.odid IN (?))) AND (n.sfld LIKE ? ESCAPE '\\' OR n.flds LIKE ? ESCAPE '\\'))"
                        + " ORDER BY n.id",
                c.sql());
    }

    @Test
    void dupeUsesChecksumThenExactComparison() {
        // SHA-1("test") test vector from the reference: 2840236005
        check(
                notes("dupe:10,<b>test</b>"),
                NOTE_ROW + "(n.mid = ? AND n.csum = ?) ORDER BY n.id",
                7L,
                10L,
                2840236005L);
    }

    @Test
    void invalidRegexIsASearchError() {
        SearchSyntaxException e = assertThrows(SearchSyntaxException.class, () -> cards("\"re:(\""));
        assertEquals(SearchSyntaxException.Kind.REGEX, e.kind());
        assertTrue(e.getMessage().startsWith("Invalid search: <pre>`"), e.getMessage());
    }

    @Test
    void cardDataNarrowsByKey() {
        CompiledSearch c = cards("prop:s>2");
        assertTrue(c.sql().endsWith("WHERE c.profile_id = ? AND c.data LIKE ? ESCAPE '\\' ORDER BY c.id"));
        assertEquals(List.of(7L, "%\"s\"%"), c.params());
        assertTrue(c.cardColumns());
        assertNull(cards("is:new").rowFilter());
    }
}
