package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.search.SearchNode.And;
import dev.ankiconnect.search.SearchNode.Not;
import dev.ankiconnect.search.SearchNode.Or;
import dev.ankiconnect.search.SearchNode.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A term repeated in one AND or OR group is kept once, so "a a a ..." costs one term in SQL and in memory. */
class RepeatedTermsTest {

    @Test
    void repeatedTermsAreKeptOnce() {
        assertEquals(new Text("a"), SearchParser.parse("a a a a a a a a a a a a a a a a a a a a"));
        assertEquals(new Text("a"), SearchParser.parse("a or a or a"));
        assertEquals(new And(List.of(new Text("a"), new Text("b"))), SearchParser.parse("a b a b a"));
        assertEquals(
                new Or(List.of(new Text("a"), new And(List.of(new Text("b"), new Text("c"))))),
                SearchParser.parse("a or b c or a or b c c"));
        assertEquals(new And(List.of(new Not(new Text("x")), new Text("y"))), SearchParser.parse("-x y -x"));
        // only repetitions within one group: the order and meaning of different terms is kept
        assertEquals(new And(List.of(new Text("b"), new Text("a"))), SearchParser.parse("b a b"));
    }

    @Test
    void oneSqlTermForManyRepetitions() {
        SearchContext ctx = Fixtures.ctx();
        CompiledSearch once = SqlWriter.compile("a", ctx, Target.NOTES);
        CompiledSearch many = SqlWriter.compile("a ".repeat(20).trim(), ctx, Target.NOTES);
        assertEquals(once.sql(), many.sql());
        assertEquals(once.params(), many.params());
    }
}
