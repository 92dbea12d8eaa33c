package dev.ankiconnect.search;

import static dev.ankiconnect.support.Fixtures.basicNote;
import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A collection larger than {@code searchMemoryMb} is searched with SQL, with the same results. */
@ExtendWith(ArquillianExtension.class)
class SearchMemoryBudgetIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("searchbudget", Map.of("searchMemoryMb", "1"));
    }

    @ArquillianResource
    URL url;

    @Test
    void aCollectionOverTheBudgetIsStillSearched() {
        AnkiClient client = new AnkiClient(url);
        String big = "x".repeat(400_000);
        long a = basicNote(client)
                .fields("Front", "alpha", "Back", big)
                .tags("big")
                .add();
        long b = basicNote(client)
                .fields("Front", "beta", "Back", big)
                .tags("big")
                .add();
        long c = basicNote(client).fields("Front", "gamma", "Back", big + "y").add();
        assertEquals(List.of(a, b), longs(client.call("findNotes", params("query", Json.createValue("tag:big")))));
        assertEquals(List.of(c), longs(client.call("findNotes", params("query", Json.createValue("xy")))));
        assertEquals(
                List.of(a, c),
                longs(client.call("findNotes", params("query", Json.createValue("front:alpha or front:gamma")))));
        long d = basicNote(client)
                .fields("Front", "delta", "Back", "small")
                .tags("big")
                .add();
        assertEquals(List.of(a, b, d), longs(client.call("findNotes", params("query", Json.createValue("tag:big")))));
    }
}
