package dev.ankiconnect.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 points 3 and 6: a {@code re:} search that backtracks for ever stops at {@code requestTimeoutMs} with a
 * clear error, in memory (a read-only findNotes) and on the SQL path (inside a multi that writes), and the
 * server, its connection and the collection are fine afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class RequestTimeoutIT {

    static final long TIMEOUT_MS = 1500;

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("timeout", Map.of("requestTimeoutMs", String.valueOf(TIMEOUT_MS)));
    }

    @ArquillianResource
    URL url;

    @Test
    void aBacktrackingRegexEndsWithTheTimeBudgetsError() {
        AnkiClient client = new AnkiClient(url);
        JsonObject added = client.json("{\"action\": \"addNote\", \"version\": 6, \"params\": {\"note\": {"
                        + "\"deckName\": \"Default\", \"modelName\": \"Basic\", \"fields\": {\"Front\": \""
                        + "a".repeat(3000)
                        + "\", \"Back\": \"x\"}}}}")
                .asJsonObject();
        assertTrue(added.isNull("error"), added.toString());
        String regex = "re:.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a.*b";
        String expected = "{\"result\": null, \"error\": \"the request took longer than its time budget of "
                + TIMEOUT_MS + " ms (requestTimeoutMs) and was stopped; nothing was changed\"}";
        JsonObject r = client.json(
                        "{\"action\": \"findNotes\", \"version\": 6, \"params\": {\"query\": \"" + regex + "\"}}")
                .asJsonObject();
        assertEquals(AnkiClient.parse(expected), r);
        // on the SQL path: the multi writes (a deck), then searches; the write is rolled back with it
        r = client.json("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                        + "{\"action\": \"createDeck\", \"params\": {\"deck\": \"Timed\"}},"
                        + "{\"action\": \"findCards\", \"params\": {\"query\": \"deck:Timed or " + regex + "\"}}]}}")
                .asJsonObject();
        assertTrue(r.isNull("error"), r.toString());
        assertEquals(AnkiClient.parse(expected), r.getJsonArray("result").get(1));
        // wildcards are no regex: the same shape as a glob is answered at once
        r = client.json(
                        "{\"action\": \"findNotes\", \"version\": 6, \"params\": {\"query\": \"*a*a*a*a*a*a*a*a*a*a*a*a*b\"}}")
                .asJsonObject();
        assertEquals(AnkiClient.parse("{\"result\": [], \"error\": null}"), r);
        // the connection and the collection are fine afterwards
        r = client.json("{\"action\": \"findNotes\", \"version\": 6, \"params\": {\"query\": \"re:a{5}\"}}")
                .asJsonObject();
        assertEquals(1, r.getJsonArray("result").size(), r.toString());
    }
}
