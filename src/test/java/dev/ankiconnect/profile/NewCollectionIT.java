package dev.ankiconnect.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh profile's collection is what a fresh Anki collection is. */
@ExtendWith(ArquillianExtension.class)
class NewCollectionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("new-collection");
    }

    @ArquillianResource
    URL url;

    @Test
    void freshProfile_hasTheDefaultDeckAndTheStockNoteTypes() {
        AnkiClient client = new AnkiClient(url);
        assertEquals(
                "{\"result\": {\"Default\": 1}, \"error\": null}",
                client.post("{\"action\": \"deckNamesAndIds\", \"version\": 6}").body());
        assertEquals(
                "[\"Basic\",\"Basic (and reversed card)\",\"Basic (optional reversed card)\","
                        + "\"Basic (type in the answer)\",\"Cloze\",\"Image Occlusion\"]",
                client.call("modelNames").toString());
    }
}
