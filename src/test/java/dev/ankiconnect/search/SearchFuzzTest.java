package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Random queries must either compile or fail with a SearchSyntaxException, never another exception. */
class SearchFuzzTest {

    static final String[] PIECES = {
        "a",
        "B",
        "é",
        " ",
        " ",
        "\"",
        "(",
        ")",
        "-",
        ":",
        "\\",
        "*",
        "_",
        "%",
        "'",
        "or",
        "and",
        "OR",
        "deck:",
        "tag:",
        "is:",
        "prop:",
        "re:",
        "nc:",
        "w:",
        "sc:",
        "dupe:",
        "nid:",
        "cid:",
        "did:",
        "mid:",
        "flag:",
        "card:",
        "note:",
        "rated:",
        "resched:",
        "added:",
        "edited:",
        "introduced:",
        "front:",
        "*:",
        "1",
        "0",
        "-1",
        ",",
        ">",
        "<=",
        "!=",
        "=",
        "ivl",
        "due",
        "ease",
        "s",
        "r",
        "d",
        "pos",
        "cdn:x",
        "cds:x",
        "has-cd:",
        "preset:",
        "new",
        "due",
        "\u3000",
        "\u001f",
        "[",
        "{"
    };

    @Test
    void randomQueriesFailOnlyWithSearchErrors() {
        Random random = new Random(42);
        SearchContext ctx = Fixtures.ctx();
        SearchRow row =
                new SearchRow(1, 1, 10, "a\u001fb", "a", " x ", "{\"s\":1,\"d\":2}", 2, 2, 1, 0, 1, new boolean[64]);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) q.append(PIECES[random.nextInt(PIECES.length)]);
            for (Target target : Target.values()) {
                try {
                    CompiledSearch c = SqlWriter.compile(q.toString(), ctx, target);
                    assertEquals(
                            c.sql().chars().filter(ch -> ch == '?').count(),
                            c.params().size(),
                            q.toString());
                    if (c.hasRowFilter()) c.rowFilter().test(row);
                    compiled++;
                } catch (SearchSyntaxException expected) {
                    // fine: a malformed query
                } catch (RuntimeException e) {
                    fail("query <" + q + "> threw " + e, e);
                }
            }
        }
        // the generator must exercise the writer, not only the error paths
        if (compiled < 5_000) fail("only " + compiled + " queries compiled");
    }

    /**
     * The same random queries in memory: no exception but a SearchSyntaxException, and a query and its negation
     * split the cards exactly (each card either matches or does not).
     */
    @Test
    void randomQueriesInMemorySplitTheCardsWithTheirNegation() {
        Random random = new Random(7);
        SearchContext ctx = Fixtures.ctx();
        CollectionSnapshot snapshot = MemorySearchTest.snapshot();
        List<Long> all = MemorySearch.find("", ctx, Target.CARDS, snapshot, q -> Set.of(1001L));
        int ran = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) q.append(PIECES[random.nextInt(PIECES.length)]);
            try {
                List<Long> hit = MemorySearch.find(q.toString(), ctx, Target.CARDS, snapshot, x -> Set.of(1001L));
                List<Long> miss = MemorySearch.find("-(" + q + ")", ctx, Target.CARDS, snapshot, x -> Set.of(1001L));
                Set<Long> union = new TreeSet<>(hit);
                union.addAll(miss);
                assertEquals(hit.size() + miss.size(), union.size(), "<" + q + "> and its negation overlap");
                assertEquals(all, new ArrayList<>(union), "<" + q + "> and its negation miss cards");
                MemorySearch.find(q.toString(), ctx, Target.NOTES, snapshot, x -> Set.of(1001L));
                ran++;
            } catch (SearchSyntaxException expected) {
                // fine: a malformed query (or one whose negation is malformed)
            } catch (RuntimeException e) {
                fail("query <" + q + "> threw " + e, e);
            }
        }
        if (ran < 5_000) fail("only " + ran + " queries ran");
    }
}
