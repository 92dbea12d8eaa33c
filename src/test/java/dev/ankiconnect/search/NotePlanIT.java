package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Searches as id sets combined in Java ({@link IdPlan}) find what one statement finds: on the query table's
 * collection, SQL alone ({@code searchMemoryMb=0}), random combinations of the table's queries (note and card terms
 * under {@code or}, {@code and}, {@code -}) and random queries of {@link SearchFuzzTest}, each answered as is and
 * again with {@code re:.*} added (true for every note, but not exact in SQL, so that search is not planned: the one
 * statement with its row filter answers it). Derby plans note searches; PostgreSQL plans note searches and card
 * searches of card terms alone, so there {@code findCards} is compared too. {@code -Dit.noteplan.combinations=} and
 * {@code -Dit.noteplan.fuzz=} (500 and 200) set the counts.
 */
@ExtendWith(ArquillianExtension.class)
class NotePlanIT extends SearchQueryTable {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("noteplan-sql", Map.of("searchMemoryMb", "0"));
    }

    @Override
    void afterTable() {
        // a tag list too long for notes.tags_head (250 characters, db/changes/search-5.xml): its note is found through
        // the index range of the notes without a head, tested on the row (the random queries below include it too)
        List<String> tags = new ArrayList<>(List.of("Animal::Wild", "FOOD"));
        for (int i = 0; i < 40; i++) {
            tags.add("padding" + i);
        }
        long longTags = Fixtures.basicNote(client)
                .fields("Front", "long tag list", "Back", "")
                .tags(tags.toArray(String[]::new))
                .add();
        String id = String.valueOf(longTags);
        for (String q : List.of("tag:animal", "tag:animal::wild", "tag:food", "tag:PADDING39", "-tag:none")) {
            assertTrue(answer(q).contains(id), q + " finds the note with the long tag list");
            assertTrue(answer("-(" + q + ")").equals(answer("-(" + q + ") re:.*")), "-(" + q + ")");
        }
        for (String q :
                List.of("tag:none", "-tag:animal", "tag:padding40", "tag:adding1", "tag:padding39::x", "tag:wild")) {
            assertTrue(!answer(q).contains(id), q + " does not find the note with the long tag list");
            assertTrue(answer(q).equals(answer("(" + q + ") re:.*")), q);
        }
        List<String> terms = new ArrayList<>();
        for (Row r : rows) {
            if (r.error() == null && !r.query().isBlank()) {
                terms.add(r.query());
            }
        }
        Random random = new Random(13);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("it.noteplan.combinations", 500); i++) {
            queries.add(combination(random, terms, 1 + random.nextInt(3)));
        }
        for (int i = 0; i < Integer.getInteger("it.noteplan.fuzz", 200); i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) {
                b.append(SearchFuzzTest.PIECES[random.nextInt(SearchFuzzTest.PIECES.length)]);
            }
            queries.add(b.toString());
        }
        List<String> differ = new ArrayList<>();
        int found = 0;
        // Derby plans note searches only; PostgreSQL card searches of card terms too
        List<String> actions = "postgres".equals(System.getProperty("it.database"))
                ? List.of("findNotes", "findCards")
                : List.of("findNotes");
        for (String q : queries) {
            for (String action : actions) {
                String planned = answer(action, q);
                if (planned.startsWith("error")) {
                    continue;
                }
                String statement = answer(action, "(" + q + ") re:.*");
                if (statement.startsWith("error")
                        && q.strip().replace("\u3000", "").isEmpty()) {
                    // blank: "( )" is an empty group, an error
                    continue;
                }
                if (!planned.equals(statement)) {
                    differ.add(action + " " + q + "\n   planned   " + planned + "\n   statement " + statement);
                }
                if (!planned.equals("[]") && action.equals("findNotes")) {
                    found++;
                }
            }
        }
        System.out.println(
                "NotePlanIT: " + queries.size() + " queries, " + found + " found notes, " + differ.size() + " differ");
        assertTrue(differ.isEmpty(), differ.size() + " queries differ:\n" + String.join("\n", differ));
        assertTrue(found > queries.size() / 5, "only " + found + " queries found notes");
    }

    private static String combination(Random random, List<String> terms, int depth) {
        if (depth <= 1) {
            String t = terms.get(random.nextInt(terms.size()));
            return random.nextInt(4) == 0 ? "-(" + t + ")" : "(" + t + ")";
        }
        String a = combination(random, terms, depth - 1);
        String b = combination(random, terms, 1 + random.nextInt(depth - 1));
        String joined = a + (random.nextBoolean() ? " or " : " ") + b;
        return random.nextInt(5) == 0 ? "-(" + joined + ")" : "(" + joined + ")";
    }

    private String answer(String query) {
        return answer("findNotes", query);
    }

    private String answer(String action, String query) {
        JsonObject reply = client.json(Json.createObjectBuilder()
                        .add("action", action)
                        .add("version", 6)
                        .add("params", Json.createObjectBuilder().add("query", query))
                        .build()
                        .toString())
                .asJsonObject();
        return reply.isNull("error") ? reply.get("result").toString() : "error " + reply.getString("error");
    }
}
