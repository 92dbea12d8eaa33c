package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random queries must either compile or fail with a SearchSyntaxException, never another exception. */
class SearchFuzzTest {

    private static final String[] PIECES = {"a", "B", "é", " ", " ", "\"", "(", ")", "-", ":", "\\", "*", "_", "%",
        "'", "or", "and", "OR", "deck:", "tag:", "is:", "prop:", "re:", "nc:", "w:", "sc:", "dupe:", "nid:",
        "cid:", "did:", "mid:", "flag:", "card:", "note:", "rated:", "resched:", "added:", "edited:",
        "introduced:", "front:", "*:", "1", "0", "-1", ",", ">", "<=", "!=", "=", "ivl", "due", "ease", "s",
        "r", "d", "pos", "cdn:x", "cds:x", "has-cd:", "preset:", "new", "due", "\u3000", "\u001f", "[", "{"};

    @Test
    void randomQueriesFailOnlyWithSearchErrors() {
        Random random = new Random(42);
        SearchContext ctx = Fixtures.ctx();
        SearchRow row = new SearchRow(1, 1, 10, "a\u001fb", "a", " x ", "{\"s\":1,\"d\":2}", 2, 2, 1, 0, 1,
                new boolean[64]);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) q.append(PIECES[random.nextInt(PIECES.length)]);
            for (Target target : Target.values()) {
                try {
                    CompiledSearch c = SqlWriter.compile(q.toString(), ctx, target);
                    assertEquals(c.sql().chars().filter(ch -> ch == '?').count(), c.params().size(), q.toString());
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
}
