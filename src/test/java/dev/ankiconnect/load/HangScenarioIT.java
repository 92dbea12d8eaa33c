package dev.ankiconnect.load;

import static dev.ankiconnect.support.Fixtures.params;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "never hang" report, replayed: a collection of {@value #NOTES} notes in {@value #DECKS} decks, then
 * <ol>
 * <li>32 keep-alive clients alternating {@code findNotes "deck:X"} and {@code deckNames} for 8 s,</li>
 * <li>128 clients the same,</li>
 * <li>32 clients looking words up as a dictionary does ({@code canAddNotes}, {@code findNotes "Front:w"}) with an
 * occasional {@code addNote}.</li>
 * </ol>
 * Each phase starts right after a write, so that every client's first search finds the in-memory search copy out of
 * date at the same moment. Every request must get a JSON reply without error within 30 s, and after each phase a
 * single {@code deckNames} must be answered within 10 s (hang detectors, not timing checks). A failed phase writes a
 * thread dump to {@code target/thread-dumps/} and stops the test: a wedged server would only fail the next phases
 * the same way.
 */
@ExtendWith(ArquillianExtension.class)
class HangScenarioIT {

    /**
     * The report's collection had 20,000 notes, but adding them in addNotes batches of 500 took 28 s on Derby on a
     * shared 2-core machine (12,000: 24-25 s there, 15-18 s on PostgreSQL): 10,000 keep the class near a minute and
     * still make reading the search copy take real time. The seeding time is in the test output.
     */
    static final int NOTES = 10_000;

    static final int DECKS = 8;
    static final Duration PHASE = Duration.ofSeconds(8);
    static final Duration STILL_ANSWERS = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("hang");
    }

    @ArquillianResource
    URL url;

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void searchesDeckListsAndDictionaryLookupsUnderLoadAreAllAnswered() throws URISyntaxException {
        AnkiClient client = new AnkiClient(url);
        URI uri = url.toURI();
        List<String> decks = IntStream.range(0, DECKS).mapToObj(i -> "Hang" + i).toList();
        Seeding.notes(client, decks, NOTES, i -> Seeding.basic(decks.get(i % DECKS), "w" + i, "meaning " + i));
        int[] writes = {0};
        Runnable write = () -> client.call(
                "addNote", params("note", Seeding.basic(decks.get(0), "phase-write-" + writes[0]++, "stale copy")));

        List<LoadRun.Result> results = new ArrayList<>();
        LoadRun.Step decksAndSearches = (s, c, n) -> {
            if (n % 2 == 0) {
                s.call(
                        "findNotes",
                        params("query", Json.createValue("deck:" + decks.get((int) ((c + n / 2) % DECKS)))));
            } else {
                s.call("deckNames");
            }
        };
        phase(results, LoadRun.run("HangScenarioIT-decks-32", uri, 32, PHASE, write, decksAndSearches), uri);
        phase(results, LoadRun.run("HangScenarioIT-decks-128", uri, 128, PHASE, write, decksAndSearches), uri);
        phase(
                results,
                LoadRun.run("HangScenarioIT-dictionary-32", uri, 32, PHASE, write, (s, c, n) -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    if (n % 25 == 24) {
                        s.call(
                                "addNote",
                                params("note", Seeding.basic(decks.get(c % DECKS), "new-" + c + "-" + n, "added")));
                    } else if (n % 2 == 0) {
                        JsonArrayBuilder lookups = Json.createArrayBuilder();
                        for (int k = 0; k < 4; k++) {
                            lookups.add(Seeding.basic(decks.get(0), "w" + r.nextInt(NOTES * 2), "?"));
                        }
                        s.call("canAddNotes", params("notes", lookups.build()));
                    } else {
                        s.call("findNotes", params("query", Json.createValue("Front:w" + r.nextInt(NOTES * 2))));
                    }
                }),
                uri);
        System.out.println("[load] HangScenarioIT phases:");
        results.forEach(r -> System.out.println("[load]   " + r.summary()));
    }

    private static void phase(List<LoadRun.Result> results, LoadRun.Result result, URI uri) {
        results.add(result);
        LoadRun.assertClean(result, LoadRun.stillAnswers(uri, STILL_ANSWERS));
    }
}
