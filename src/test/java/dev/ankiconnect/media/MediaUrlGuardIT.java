package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Downloads on, private addresses refused (the default): nothing non-public is contacted. */
@ExtendWith(ArquillianExtension.class)
class MediaUrlGuardIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("media-url-guard", Map.of("mediaUrlDownloads", "true"));
    }

    @ArquillianResource
    URL url;

    @Test
    void loopbackPrivateAndLinkLocal_areRefusedBeforeAnyContact() {
        AnkiClient client = new AnkiClient(url);
        try (LocalHttp http = new LocalHttp(10)) {
            String port = String.valueOf(http.server.getAddress().getPort());
            String[][] cases = {
                {http.url("/file"), "127.0.0.1", "127.0.0.1"},
                {"http://localhost:" + port + "/file", "localhost", null},
                {"http://[::1]:" + port + "/file", "[::1]", "0:0:0:0:0:0:0:1"},
                {"http://10.0.0.1/x", "10.0.0.1", "10.0.0.1"},
                {"http://169.254.169.254/latest/meta-data/", "169.254.169.254", "169.254.169.254"},
                {"http://[::ffff:127.0.0.1]:" + port + "/file", "[::ffff:127.0.0.1]", "127.0.0.1"},
            };
            for (String[] c : cases) {
                String error = client.error(
                        "storeMediaFile",
                        Json.createObjectBuilder()
                                .add("filename", "_g.bin")
                                .add("url", c[0])
                                .build());
                String prefix = "media url '" + c[0] + "' is refused: " + c[1]
                        + " is a loopback, private or link-local address (";
                if (c[2] != null) {
                    assertEquals(prefix + c[2] + "); set mediaUrlAllowPrivate=true to allow it", error);
                } else {
                    assertEquals(
                            true,
                            error.startsWith(prefix) && error.endsWith("); set mediaUrlAllowPrivate=true to allow it"),
                            error);
                }
            }
            assertEquals(0, http.hits.get());
            assertEquals(
                    JsonValue.FALSE,
                    client.call(
                            "retrieveMediaFile",
                            Json.createObjectBuilder().add("filename", "_g.bin").build()));
        }
    }
}
