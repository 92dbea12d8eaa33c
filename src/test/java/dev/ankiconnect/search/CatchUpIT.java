package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The in-memory copy caught up from the change record (issue 13) answers as a freshly read copy and as SQL: the query
 * table's collection is seeded, then {@code it.catchup.writes} (default 1,500) mixed writes are made through the API
 * (scratch notes added, edited, re-tagged, moved between decks, answered, suspended and unsuspended, deleted; table
 * notes edited, re-tagged and moved and put back), with a search after most of them, so that the copy is caught up
 * hundreds of times; each such search is checked against what the writes made. All scratch notes and decks are then
 * deleted, and the 251 queries of the table must give the hand-derived sets (which {@link SearchQueryTableIT} and
 * {@link SearchQueryTableSqlIT} establish for a fresh copy and for SQL). Last, every query of the table and
 * {@code it.catchup.fuzz} (default 2,000) random queries of {@link SearchFuzzTest} are answered on the caught-up copy
 * and again on a copy read anew (a write of more rows than a catch-up takes forces it), and must agree; each random
 * query and its negation must split the cards exactly. Runs on Derby and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class CatchUpIT extends SearchQueryTable {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("catchup");
    }

    private final Random random = new Random(2026);

    /** Each alive scratch note: its deck, tags, back field, and whether its one card is suspended. */
    private record Scratch(long card, String deck, Set<String> tags, String back, boolean suspended) {}

    private final Map<Long, Scratch> scratch = new TreeMap<>();
    private int made;
    private int checked;

    private static final String[] SCRATCH_DECKS = {"Scratch::A", "Scratch::B"};
    private static final String[] SCRATCH_TAGS = {"x1", "x2", "x3"};

    @Override
    void beforeTable() {
        int writes = Integer.getInteger("it.catchup.writes", 1500);
        for (String d : SCRATCH_DECKS) {
            client.call("createDeck", Json.createObjectBuilder().add("deck", d).build());
        }
        boolean b2Edited = false;
        boolean r1Tagged = false;
        boolean c1Moved = false;
        for (int w = 0; w < writes; w++) {
            int op = random.nextInt(20);
            if (scratch.size() < 5 || op < 4) {
                addScratch(1 + (op == 0 ? random.nextInt(5) : 0));
            } else if (op < 6) {
                long id = pick();
                Scratch s = scratch.get(id);
                String back = "word" + random.nextInt(10);
                call("updateNoteFields", "{'note': {'id': " + id + ", 'fields': {'Back': '" + back + "'}}}");
                scratch.put(id, new Scratch(s.card(), s.deck(), s.tags(), back, s.suspended()));
            } else if (op < 8) {
                long id = pick();
                Scratch s = scratch.get(id);
                String tag = SCRATCH_TAGS[random.nextInt(SCRATCH_TAGS.length)];
                Set<String> tags = new TreeSet<>(s.tags());
                if (tags.contains(tag)) {
                    call("removeTags", "{'notes': [" + id + "], 'tags': '" + tag + "'}");
                    tags.remove(tag);
                } else {
                    call("addTags", "{'notes': [" + id + "], 'tags': '" + tag + "'}");
                    tags.add(tag);
                }
                scratch.put(id, new Scratch(s.card(), s.deck(), tags, s.back(), s.suspended()));
            } else if (op < 10) {
                long id = pick();
                Scratch s = scratch.get(id);
                String deck = s.deck().equals(SCRATCH_DECKS[0]) ? SCRATCH_DECKS[1] : SCRATCH_DECKS[0];
                call("changeDeck", "{'cards': [" + s.card() + "], 'deck': '" + deck + "'}");
                scratch.put(id, new Scratch(s.card(), deck, s.tags(), s.back(), s.suspended()));
            } else if (op < 12) {
                long id = pick();
                Scratch s = scratch.get(id);
                if (!s.suspended()) {
                    call(
                            "answerCards",
                            "{'answers': [{'cardId': " + s.card() + ", 'ease': " + (1 + random.nextInt(4)) + "}]}");
                }
            } else if (op < 14) {
                long id = pick();
                Scratch s = scratch.get(id);
                call(s.suspended() ? "unsuspend" : "suspend", "{'cards': [" + s.card() + "]}");
                scratch.put(id, new Scratch(s.card(), s.deck(), s.tags(), s.back(), !s.suspended()));
            } else if (op < 17) {
                List<Long> doomed = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n && scratch.size() > doomed.size(); i++) {
                    long id = pick();
                    if (!doomed.contains(id)) doomed.add(id);
                }
                call("deleteNotes", "{'notes': " + doomed + "}");
                doomed.forEach(scratch::remove);
            } else if (op == 17) {
                // a table note edited and put back
                call(
                        "updateNoteFields",
                        "{'note': {'id': " + noteId.get("B2") + ", 'fields': {'Back': '"
                                + (b2Edited ? "dog" : "dogs and cats") + "'}}}");
                b2Edited = !b2Edited;
            } else if (op == 18) {
                call(r1Tagged ? "removeTags" : "addTags", "{'notes': [" + noteId.get("R1") + "], 'tags': 'passing'}");
                r1Tagged = !r1Tagged;
            } else {
                call(
                        "changeDeck",
                        "{'cards': [" + cardId.get("C1.1") + ", " + cardId.get("C1.2") + "], 'deck': '"
                                + (c1Moved ? "Default" : SCRATCH_DECKS[0]) + "'}");
                c1Moved = !c1Moved;
            }
            made++;
            if (random.nextInt(10) < 7) {
                check(w);
            }
        }
        // put the table's notes back and remove every scratch note and deck
        if (b2Edited) {
            call("updateNoteFields", "{'note': {'id': " + noteId.get("B2") + ", 'fields': {'Back': 'dog'}}}");
        }
        if (r1Tagged) {
            call("removeTags", "{'notes': [" + noteId.get("R1") + "], 'tags': 'passing'}");
        }
        if (c1Moved) {
            call(
                    "changeDeck",
                    "{'cards': [" + cardId.get("C1.1") + ", " + cardId.get("C1.2") + "], 'deck': 'Default'}");
        }
        check(writes);
        call("deleteNotes", "{'notes': " + new ArrayList<>(scratch.keySet()) + "}");
        scratch.clear();
        check(writes + 1);
        call("deleteDecks", "{'decks': ['Scratch'], 'cardsToo': true}");
        System.out.println("CatchUpIT: " + made + " writes, " + checked + " searches checked against them");
        assertTrue(checked > writes / 2, "only " + checked + " checks");
    }

    private long pick() {
        List<Long> ids = new ArrayList<>(scratch.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private void addScratch(int n) {
        JsonArrayBuilder notes = Json.createArrayBuilder();
        List<String[]> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String deck = SCRATCH_DECKS[random.nextInt(2)];
            String back = "word" + random.nextInt(10);
            String tag = SCRATCH_TAGS[random.nextInt(SCRATCH_TAGS.length)];
            notes.add(Json.createObjectBuilder()
                    .add("deckName", deck)
                    .add("modelName", "Basic")
                    .add(
                            "fields",
                            Json.createObjectBuilder()
                                    .add("Front", "scratch " + random.nextLong())
                                    .add("Back", back))
                    .add("tags", Json.createArrayBuilder().add("scratch").add(tag)));
            made.add(new String[] {deck, back, tag});
        }
        JsonValue ids = client.call(
                n == 1 ? "addNote" : "addNotes",
                n == 1
                        ? Json.createObjectBuilder()
                                .add("note", notes.build().get(0))
                                .build()
                        : Json.createObjectBuilder().add("notes", notes).build());
        List<Long> added = new ArrayList<>();
        if (n == 1) {
            added.add(((JsonNumber) ids).longValue());
        } else {
            ids.asJsonArray().forEach(v -> added.add(((JsonNumber) v).longValue()));
        }
        for (int i = 0; i < n; i++) {
            long id = added.get(i);
            long card = ((JsonNumber) client.call(
                                    "findCards",
                                    Json.createObjectBuilder()
                                            .add("query", "nid:" + id)
                                            .build())
                            .asJsonArray()
                            .get(0))
                    .longValue();
            String[] m = made.get(i);
            scratch.put(id, new Scratch(card, m[0], new TreeSet<>(Set.of("scratch", m[2])), m[1], false));
        }
    }

    /** One search of the caught-up copy, against what the writes made. */
    private void check(int w) {
        String tag = SCRATCH_TAGS[w % SCRATCH_TAGS.length];
        String deck = SCRATCH_DECKS[w % 2];
        String back = "word" + (w % 10);
        List<Long> want = new ArrayList<>();
        String query;
        switch (w % 5) {
            case 0 -> {
                query = "tag:scratch";
                want.addAll(scratch.keySet());
            }
            case 1 -> {
                query = "tag:scratch \"deck:" + deck + "\"";
                scratch.forEach((id, s) -> {
                    if (s.deck().equals(deck)) want.add(id);
                });
            }
            case 2 -> {
                query = "tag:scratch is:suspended";
                scratch.forEach((id, s) -> {
                    if (s.suspended()) want.add(id);
                });
            }
            case 3 -> {
                query = "tag:scratch tag:" + tag;
                scratch.forEach((id, s) -> {
                    if (s.tags().contains(tag)) want.add(id);
                });
            }
            default -> {
                query = "tag:scratch back:" + back;
                scratch.forEach((id, s) -> {
                    if (s.back().equals(back)) want.add(id);
                });
            }
        }
        assertEquals(want, ids("findNotes", query), "after write " + w + ": " + query);
        checked++;
    }

    private List<Long> ids(String action, String query) {
        List<Long> out = new ArrayList<>();
        client.call(action, Json.createObjectBuilder().add("query", query).build())
                .asJsonArray()
                .forEach(v -> out.add(((JsonNumber) v).longValue()));
        return out;
    }

    private void call(String action, String paramsJson) {
        client.call(
                action,
                dev.ankiconnect.support.AnkiClient.parse(paramsJson.replace('\'', '"'))
                        .asJsonObject());
    }

    @Override
    void afterTable() {
        int fuzz = Integer.getInteger("it.catchup.fuzz", 2000);
        List<String[]> queries = new ArrayList<>();
        for (Row r : rows) {
            if (r.error() == null) {
                queries.add(new String[] {r.cards() ? "findCards" : "findNotes", r.query()});
            }
        }
        Random q = new Random(7);
        List<String> fuzzQueries = new ArrayList<>();
        for (int i = 0; i < fuzz; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + q.nextInt(8);
            for (int j = 0; j < n; j++) b.append(SearchFuzzTest.PIECES[q.nextInt(SearchFuzzTest.PIECES.length)]);
            fuzzQueries.add(b.toString());
        }
        // a one-note write, then the answers of the copy caught up through it
        for (String d : SCRATCH_DECKS) {
            client.call("createDeck", Json.createObjectBuilder().add("deck", d).build());
        }
        addScratch(1);
        Map<String, String> caught = answers(queries, fuzzQueries);
        // more rows changed than a catch-up reads (256 at this size): the next search reads the collection anew
        JsonArrayBuilder many = Json.createArrayBuilder();
        for (int i = 0; i < 300; i++) {
            many.add(Json.createObjectBuilder()
                    .add("deckName", "Default")
                    .add("modelName", "Basic")
                    .add(
                            "fields",
                            Json.createObjectBuilder().add("Front", "bulk " + i).add("Back", "bulk"))
                    .add("tags", Json.createArrayBuilder().add("bulk")));
        }
        JsonValue bulk = client.call(
                "addNotes", Json.createObjectBuilder().add("notes", many).build());
        client.call("deleteNotes", Json.createObjectBuilder().add("notes", bulk).build());
        Map<String, String> fresh = answers(queries, fuzzQueries);
        List<String> differ = new ArrayList<>();
        caught.forEach((k, v) -> {
            if (!v.equals(fresh.get(k))) differ.add(k + "\n   caught up " + v + "\n   fresh     " + fresh.get(k));
        });
        assertTrue(differ.isEmpty(), differ.size() + " queries differ:\n" + String.join("\n", differ));
        // each random query and its negation split the cards
        List<Long> all = ids("findCards", "");
        int ran = 0;
        for (String f : fuzzQueries) {
            String hit = caught.get("findCards " + f);
            if (hit.startsWith("error")) continue;
            String negation = answer("findCards", "-(" + f + ")");
            if (negation.startsWith("error")) continue;
            List<Long> miss = parse(negation);
            TreeSet<Long> union = new TreeSet<>(miss);
            List<Long> hits = parse(hit);
            union.addAll(hits);
            assertEquals(hits.size() + miss.size(), union.size(), "<" + f + "> and its negation overlap");
            assertEquals(all, new ArrayList<>(union), "<" + f + "> and its negation miss cards");
            ran++;
        }
        System.out.println("CatchUpIT: " + queries.size() + " table and " + fuzzQueries.size()
                + " random queries agree on the caught-up and the fresh copy; " + ran + " negations split the cards");
        assertTrue(ran > fuzz / 5, "only " + ran + " random queries ran");
    }

    private Map<String, String> answers(List<String[]> table, List<String> fuzz) {
        Map<String, String> out = new HashMap<>();
        for (String[] t : table) {
            out.put(t[0] + " " + t[1], answer(t[0], t[1]));
        }
        for (String f : fuzz) {
            out.put("findCards " + f, answer("findCards", f));
            out.put("findNotes " + f, answer("findNotes", f));
        }
        return out;
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

    private static List<Long> parse(String json) {
        List<Long> out = new ArrayList<>();
        dev.ankiconnect.support.AnkiClient.parse(json)
                .asJsonArray()
                .forEach(v -> out.add(((JsonNumber) v).longValue()));
        return out;
    }
}
