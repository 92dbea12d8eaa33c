package dev.ankiconnect.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With one request at a time at the database ({@code dbPoolSize=1}) and a short {@code dbWaitMs}, a request that
 * arrives while a long {@code multi} holds the connection is answered "server busy" after the wait, not held; a
 * request that needs no database is answered meanwhile; afterwards everything is served again.
 */
@ExtendWith(ArquillianExtension.class)
class ServerBusyIT {

    static final long WAIT_MS = 200;

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("busy", Map.of("dbPoolSize", "1", "dbWaitMs", String.valueOf(WAIT_MS)));
    }

    @ArquillianResource
    URL url;

    @Test
    void aRequestThatFindsTheDatabaseTakenIsAnsweredBusyAndNothingHangs() throws Exception {
        AnkiClient client = new AnkiClient(url);
        String busy = "server busy: no database connection became free within " + WAIT_MS + " ms (dbWaitMs); try again";
        int sub = 500;
        for (int round = 0; round < 6; round++, sub *= 2) {
            JsonArrayBuilder actions = Json.createArrayBuilder();
            for (int i = 0; i < sub; i++) {
                actions.add(Json.createObjectBuilder()
                        .add("action", "deckNamesAndIds")
                        .add("version", 6));
            }
            JsonObject multi =
                    Json.createObjectBuilder().add("actions", actions).build();
            CompletableFuture<JsonValue> holder = CompletableFuture.supplyAsync(() -> client.call("multi", multi));
            List<String> errors = new ArrayList<>();
            int answered = 0;
            while (!holder.isDone()) {
                JsonObject reply = client.json("{\"action\": \"deckNames\", \"version\": 6}")
                        .asJsonObject();
                answered++;
                if (!reply.isNull("error")) {
                    errors.add(reply.getString("error"));
                    // a request with no database work is answered while the connection is taken
                    assertEquals(
                            6,
                            client.json("{\"action\": \"version\", \"version\": 6}")
                                    .asJsonObject()
                                    .getInt("result"));
                }
            }
            JsonArray results = holder.get(60, TimeUnit.SECONDS).asJsonArray();
            assertEquals(sub, results.size());
            for (JsonValue r : results) {
                assertTrue(r.asJsonObject().isNull("error"), r.toString());
            }
            for (String e : errors) {
                assertEquals(busy, e);
            }
            System.out.printf(
                    "round %d: multi of %d, %d requests meanwhile, %d answered busy%n",
                    round, sub, answered, errors.size());
            if (!errors.isEmpty()) {
                // served again at once, the database turn given back
                JsonObject after = client.json("{\"action\": \"deckNames\", \"version\": 6}")
                        .asJsonObject();
                assertTrue(after.isNull("error"), after.toString());
                return;
            }
        }
        fail("no request was ever answered busy while a multi held the only database connection");
    }
}
