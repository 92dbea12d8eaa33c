package dev.ankiconnect.note;

import static dev.ankiconnect.support.Fixtures.basicNote;
import static dev.ankiconnect.support.Fixtures.longs;
import static dev.ankiconnect.support.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 32 clients add the same note at once with allowDuplicate false: exactly one add succeeds. The
 * serialisation is a row lock on the profile in the database, not a JVM lock, so it also holds
 * for several server instances on one database.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentAddIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("concurrent");
    }

    @ArquillianResource
    URL url;

    @Test
    void theSameNoteFrom32ClientsIsAddedOnce() throws Exception {
        AnkiClient client = new AnkiClient(url);
        for (int round = 0; round < 3; round++) {
            String deck = Fixtures.deck(client, "race");
            JsonObject note = basicNote(client)
                    .deck(deck)
                    .fields("Front", "race " + round, "Back", "b")
                    .json();
            JsonObject batch = Json.createObjectBuilder()
                    .add("notes", Json.createArrayBuilder().add(note))
                    .build();
            int clients = 32;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    boolean single = i % 2 == 0;
                    results.add(pool.submit(() -> {
                        AnkiClient c = new AnkiClient(url);
                        start.await();
                        return single ? c.error("addNote", params("note", note)) : c.error("addNotes", batch);
                    }));
                }
                start.countDown();
                int added = 0;
                for (Future<String> f : results) {
                    String error = f.get();
                    if (error == null) {
                        added++;
                    } else {
                        assertEquals(
                                true,
                                error.equals("cannot create note because it is a duplicate")
                                        || error.equals("['cannot create note because it is a duplicate']"),
                                error);
                    }
                }
                assertEquals(1, added);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(
                    1,
                    longs(client.call("findNotes", params("query", Json.createValue("deck:\"" + deck + "\""))))
                            .size());
        }
    }

    /** removeEmptyNotes is AnkiConnect's: it deletes the note types that have no notes (PROTOCOL 14). */
    @Test
    void removeEmptyNotes_deletesNoteTypesWithoutNotes() {
        AnkiClient client = new AnkiClient(url);
        basicNote(client)
                .deck(Fixtures.deck(client, "empty"))
                .fields("Front", "keeps Basic alive")
                .add();
        client.call("removeEmptyNotes");
        assertEquals(Json.createArrayBuilder().add("Basic").build(), client.call("modelNames"));
    }
}
