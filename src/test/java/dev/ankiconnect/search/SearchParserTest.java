package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ankiconnect.search.SearchNode.*;
import dev.ankiconnect.search.SearchSyntaxException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchParserTest {

    private static SearchNode p(String q) {
        return SearchParser.parse(q);
    }

    private static SearchSyntaxException err(String q) {
        return assertThrows(SearchSyntaxException.class, () -> SearchParser.parse(q));
    }

    private static Text t(String s) {
        return new Text(s);
    }

    @Test
    void emptyAndBlankMatchEverything() {
        assertEquals(new All(), p(""));
        assertEquals(new All(), p("   \t\u3000"));
        assertEquals(new All(), p(null));
    }

    @Test
    void implicitAndAndWhitespace() {
        assertEquals(new And(List.of(t("t"), t("t2"))), p("  t   t2  "));
        assertEquals(new And(List.of(t("a"), t("b"))), p("a\u3000b"));
        assertEquals(new And(List.of(t("a"), t("b"))), p("a\tb"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(new Or(List.of(new And(List.of(t("dog"), t("cat"))), t("mouse"))), p("dog cat or mouse"));
        assertEquals(new Or(List.of(t("a"), new And(List.of(t("b"), t("c"))))), p("a OR b and c"));
        assertEquals(new And(List.of(t("a"), t("b"))), p("a AnD b"));
    }

    @Test
    void groupsAndNegation() {
        SearchNode expected = new Or(List.of(
                new And(List.of(
                        t("hello"),
                        new Not(new And(List.of(t("world"), new Field("foo", "bar baz", FieldMode.GLOB)))))),
                t("test")));
        assertEquals(expected, p("hello  -(world and \"foo:bar baz\") OR test"));
        assertEquals(new Not(t("a")), p("-a"));
        assertEquals(new Not(new Field("front", "x y", FieldMode.GLOB)), p("-\"front:x y\""));
        assertEquals(new And(List.of(t("a"), t("b"))), p("(  a   b  )"));
    }

    @Test
    void loneDashIsText() {
        assertEquals(t("-"), p("-"));
        assertEquals(new And(List.of(t("a"), t("-"))), p("a -"));
        assertEquals(t("A-"), p("A-"));
        assertEquals(t("-"), p("\\-"));
        assertEquals(t("-A"), p("\"-A\""));
        assertEquals(t("-A"), p("\\-A"));
    }

    @Test
    void quotedConnectivesAreText() {
        assertEquals(new And(List.of(t("and"), t("or"))), p("\"and\" \"or\""));
    }

    @Test
    void spacesOptionalWhenSeparationIsClear() {
        assertEquals(p("a b (c)"), p("a\"b\"(c)"));
    }

    @Test
    void escapes() {
        assertEquals(t("\":()-"), p("\\\"\\:\\(\\)\\-"));
        // \\ \* \_ stay for the wildcard layer
        assertEquals(t("\\\\\\*\\_"), p("\\\\\\*\\_"));
        assertEquals(p("\")(\""), p("\"\\)\\(\""));
        assertEquals(t("http://x"), p("http\\://x"));
        assertEquals(new Field("http", "//x", FieldMode.GLOB), p("http://x"));
    }

    @Test
    void colonAfterFirstNeedsNoEscape() {
        assertEquals(p("field:val\\:ue"), p("field:val:ue"));
        assertEquals(p("field:val\\:ue"), p("\"field:val:ue\""));
        assertEquals(p("field:val\\:ue"), p("field:\"val:ue\""));
    }

    @Test
    void fieldSearches() {
        assertEquals(new Field("front", "va\"lue", FieldMode.GLOB), p("\"front:va\\\"lue\""));
        assertEquals(p("\"front:va\\\"lue\""), p("front:\"va\\\"lue\""));
        assertEquals(new Field("front", "*dog*", FieldMode.GLOB), p("front:*dog*"));
        assertEquals(new Field("front", "", FieldMode.GLOB), p("front:"));
        assertEquals(new Field("foo", "b\\ar", FieldMode.REGEX), p("foo:re:b\\ar"));
        assertEquals(new Field("foo", "bar", FieldMode.NO_COMBINING), p("foo:nc:bar"));
        assertEquals(new Field("fr*", "x", FieldMode.GLOB), p("fr*:x"));
        assertEquals(new Field("*", "x", FieldMode.GLOB), p("*:x"));
    }

    @Test
    void keysAreCaseInsensitive() {
        assertEquals(new Deck("Default"), p("DECK:Default"));
        assertEquals(new Tag("x", false), p("Tag:x"));
    }

    @Test
    void deckNoteCardTag() {
        assertEquals(new Deck("a b"), p("deck:\"a b\""));
        assertEquals(new Deck("a b"), p("\"deck:a b\""));
        assertEquals(new Deck("Lang::*"), p("deck:Lang::*"));
        assertEquals(new Note("Basic (and reversed card)"), p("\"note:Basic (and reversed card)\""));
        assertEquals(new Card(null, 2), p("card:3"));
        assertEquals(new Card(null, 0), p("card:0"));
        assertEquals(new Card("front", null), p("card:front"));
        assertEquals(new Card("70000", null), p("card:70000"));
        assertEquals(new Tag("a::b", false), p("tag:a::b"));
        assertEquals(new Tag("^a$", true), p("tag:re:^a$"));
        assertEquals(new Tag("none", false), p("tag:none"));
    }

    @Test
    void states() {
        assertEquals(new State(StateKind.NEW), p("is:new"));
        assertEquals(new State(StateKind.LEARN), p("is:learn"));
        assertEquals(new State(StateKind.REVIEW), p("is:review"));
        assertEquals(new State(StateKind.DUE), p("is:due"));
        assertEquals(new State(StateKind.SUSPENDED), p("is:suspended"));
        assertEquals(new State(StateKind.BURIED), p("is:buried"));
        assertEquals(new State(StateKind.BURIED_MANUALLY), p("is:buried-manually"));
        assertEquals(new State(StateKind.BURIED_SIBLING), p("is:buried-sibling"));
    }

    @Test
    void flags() {
        assertEquals(new Flag(0), p("flag:0"));
        assertEquals(new Flag(7), p("flag:7"));
    }

    @Test
    void props() {
        assertEquals(new Prop("ivl", ">", 3, null, null, null), p("prop:ivl>3"));
        assertEquals(new Prop("ivl", ">=", 3, null, null, null), p("prop:ivl>=3"));
        assertEquals(new Prop("due", "=", -1, null, null, null), p("prop:due=-1"));
        assertEquals(new Prop("ease", "<=", (float) 3.3, null, null, null), p("prop:ease<=3.3"));
        assertEquals(new Prop("ease", "!=", 2.5, null, null, null), p("prop:ease!=2.5"));
        assertEquals(new Prop("reps", "<", 5, null, null, null), p("prop:reps<5"));
        assertEquals(new Prop("lapses", "=", 0, null, null, null), p("prop:lapses=0"));
        assertEquals(new Prop("pos", "<=", 10, null, null, null), p("prop:pos<=10"));
        assertEquals(new Prop("rated", ">", -5, null, null, 3), p("prop:rated>-5:3"));
        assertEquals(new Prop("rated", "=", 0, null, null, null), p("prop:rated=0"));
        assertEquals(new Prop("resched", "<", -2, null, null, null), p("prop:resched<-2"));
        assertEquals(new Prop("s", ">", 10, null, null, null), p("prop:s>10"));
        assertEquals(new Prop("d", ">", (float) 0.3, null, null, null), p("prop:d>0.3"));
        assertEquals(new Prop("r", "<", (float) 0.9, null, null, null), p("prop:r<0.9"));
        assertEquals(new Prop("cdn", ">", 1, "v", null, null), p("prop:cdn:v>1"));
        assertEquals(new Prop("cds", "=", 0, "k", "abc", null), p("prop:cds:k=abc"));
    }

    @Test
    void dayTerms() {
        assertEquals(new Added(3), p("added:3"));
        assertEquals(new Added(1), p("added:0"));
        assertEquals(new Edited(2), p("edited:2"));
        assertEquals(new Introduced(1), p("introduced:0"));
        assertEquals(new Rated(2, null, false), p("rated:2"));
        assertEquals(new Rated(1, 4, false), p("rated:0:4"));
        assertEquals(new Rated(3, null, true), p("resched:3"));
    }

    @Test
    void idsAndOthers() {
        assertEquals(new NoteIds(List.of(1237123712L, 2L, 3L)), p("nid:1237123712,2,3"));
        assertEquals(new CardIds(List.of(5L)), p("cid:5"));
        assertEquals(new DeckIds(List.of(1L, 2L)), p("did:1,2"));
        assertEquals(new Mid(123L), p("mid:123"));
        assertEquals(new Dupe(123L, "a\"b\\c"), p("\"dupe:123,a\\\"b\\\\c\""));
        assertEquals(new Regex("\\btest\\%"), p("\"re:\\btest\\%\""));
        assertEquals(new Regex("te\"st"), p("re:te\\\"st"));
        assertEquals(new NoCombining("fur"), p("nc:fur"));
        assertEquals(new StripClozes("x"), p("sc:x"));
        assertEquals(new Word("dog*"), p("w:dog*"));
        assertEquals(new CustomData("v"), p("has-cd:v"));
        assertEquals(new Preset("Default"), p("preset:Default"));
    }

    @Test
    void structuralErrors() {
        assertEquals(Kind.MISPLACED_AND, err("and a").kind());
        assertEquals(Kind.MISPLACED_AND, err("a and").kind());
        assertEquals(Kind.MISPLACED_OR, err("a or or b").kind());
        assertEquals(Kind.MISPLACED_OR, err("(or a)").kind());
        assertEquals(Kind.EMPTY_GROUP, err("()").kind());
        assertEquals(Kind.EMPTY_GROUP, err("a ( ) b").kind());
        assertEquals(Kind.UNOPENED_GROUP, err("a)").kind());
        assertEquals(Kind.UNCLOSED_GROUP, err("(a").kind());
        assertEquals(Kind.UNCLOSED_GROUP, err("-(a b").kind());
        assertEquals(Kind.EMPTY_QUOTE, err("\"\"").kind());
        assertEquals(Kind.UNCLOSED_QUOTE, err("\"abc").kind());
        assertEquals(Kind.UNCLOSED_QUOTE, err("deck:\"abc").kind());
        assertEquals(Kind.UNCLOSED_QUOTE, err("\"abc\\").kind());
        assertEquals(Kind.MISSING_KEY, err(":a").kind());
        assertEquals(Kind.MISSING_KEY, err("\":a\"").kind());
    }

    @Test
    void escapeErrors() {
        SearchSyntaxException e = err("a\\b");
        assertEquals(Kind.UNKNOWN_ESCAPE, e.kind());
        assertEquals(
                "Invalid search: the escape sequence `\\b` is not defined. If you want to search for a "
                        + "literal backslash `\\`, prepend another one: `\\\\`.",
                e.getMessage());
        assertEquals(Kind.UNKNOWN_ESCAPE, err("a\\").kind());
        assertEquals(Kind.UNKNOWN_ESCAPE, err("\"a\\x\"").kind());
        assertEquals(Kind.UNKNOWN_ESCAPE, err("deck:a\\b").kind());
    }

    @Test
    void argumentErrorsUseAnkiWording() {
        assertEquals(
                "Invalid search: `is:` was given an invalid argument '`foo`'.",
                err("is:foo").getMessage());
        assertEquals(Kind.INVALID_STATE, err("is:Due").kind());
        assertEquals(
                "Invalid search: `prop:` was given an invalid argument '`foo>3`'.",
                err("prop:foo>3").getMessage());
        assertEquals(
                "Invalid search: `prop:ivl` must be followed by one of the following comparison operators: "
                        + "`=`, `!=`, `<`, `>`, `<=` or `>=`.",
                err("prop:ivl").getMessage());
        assertEquals(Kind.INVALID_PROP_OPERATOR, err("prop:ivl~3").kind());
        assertEquals(
                "Invalid search: `flag:` must be followed by a valid flag number: `1` (red), `2` (orange), "
                        + "`3` (green), `4` (blue), `5` (pink), `6` (turquoise), `7` (purple) or `0` (no flag).",
                err("flag:8").getMessage());
        assertEquals(Kind.INVALID_FLAG, err("flag:-1").kind());
        assertEquals(Kind.INVALID_FLAG, err("flag:x").kind());
    }

    @Test
    void numberErrorsUseAnkiWording() {
        assertEquals(
                "Invalid search: expected a positive whole number in \"`ivl>3.3`\", but found \"`3.3`\".",
                err("prop:ivl>3.3").getMessage());
        assertEquals(
                "Invalid search: expected a positive whole number in \"`added:`\", but found \"`x`\".",
                err("added:x").getMessage());
        assertEquals(Kind.INVALID_POSITIVE_WHOLE_NUMBER, err("edited:-1").kind());
        assertEquals(Kind.INVALID_POSITIVE_WHOLE_NUMBER, err("introduced:").kind());
        assertEquals(Kind.INVALID_POSITIVE_WHOLE_NUMBER, err("rated:x").kind());
        assertEquals(Kind.INVALID_POSITIVE_WHOLE_NUMBER, err("resched:x").kind());
        assertEquals(
                "Invalid search: expected an answer button between 1-4 in \"`1:5`\", but found \"`5`\".",
                err("rated:1:5").getMessage());
        assertEquals(
                "Invalid search: expected a whole number in \"`due>1.5`\", but found \"`1.5`\".",
                err("prop:due>1.5").getMessage());
        assertEquals(
                "Invalid search: expected a number in \"`ease>x`\", but found \"`x`\".",
                err("prop:ease>x").getMessage());
        assertEquals(
                "Invalid search: expected a whole number less than or equal to 0 in \"`rated>1`\", "
                        + "but found \"`1`\".",
                err("prop:rated>1").getMessage());
        assertEquals(Kind.INVALID_ANSWER_BUTTON, err("prop:rated>-1:0").kind());
        assertEquals(Kind.INVALID_WHOLE_NUMBER, err("mid:x").kind());
        assertEquals(Kind.INVALID_WHOLE_NUMBER, err("dupe:x,y").kind());
    }

    @Test
    void otherErrors() {
        assertEquals(
                "Invalid search: expected only digits and commas in nid:",
                err("nid:1_2").getMessage());
        assertEquals(
                "Invalid search: expected only digits and commas in cid:",
                err("cid:1,").getMessage());
        assertEquals(Kind.OTHER, err("did:a").kind());
        assertEquals("Invalid search: invalid 'dupe:' search", err("dupe:123").getMessage());
    }

    @Test
    void structuralMessagesAreAnkis() {
        assertEquals(
                "Invalid search: an opening double quote `\"` was found, but there was no second one to "
                        + "close it. If you want to search for a literal `\"`, prepend a backslash: `\\\"`.",
                err("\"a").getMessage());
        assertEquals(
                "Invalid search: an opening bracket `(` was found, but there was no closing bracket `)` "
                        + "following it. If you want to search for a literal `(`, wrap it in double quotes or prepend a "
                        + "backslash: `\"(\"` or `\\(` .",
                err("(a").getMessage());
    }

    @Test
    void nestingIsBoundedSoNoSearchOverflowsTheStack() {
        String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        assertEquals(
                "Invalid search: the search nests groups deeper than 200 levels",
                err(deep).getMessage());
        assertEquals(
                SearchSyntaxException.Kind.OTHER,
                err("-(".repeat(100_000) + "a").kind());
        String allowed = "(".repeat(SearchParser.MAX_GROUP_DEPTH) + "a" + ")".repeat(SearchParser.MAX_GROUP_DEPTH);
        assertEquals(t("a"), p(allowed));
        String alternating =
                "(a or (b".repeat(SearchParser.MAX_GROUP_DEPTH / 2) + ")".repeat(SearchParser.MAX_GROUP_DEPTH);
        SqlWriter.compile(alternating, Fixtures.ctx(), Target.NOTES);
    }
}
