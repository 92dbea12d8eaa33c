package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health endpoint, the key throttle per client address (X-Forwarded-For believed only from
 * the trusted proxies: here this machine's own addresses, where the test client runs). The access log: {@link AccessLogIT}.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "ops",
                Map.of(
                        "apiKey", "s3cret",
                        "keyFailureLimit", "3",
                        "keyFailureBlockMs", "1500",
                        "trustedProxies", String.join(", ", Deployments.localAddresses())));
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private HttpResponse<String> version(String key, String forwardedFor) {
        return client.post(
                "{\"action\": \"version\", \"version\": 6, \"key\": \"" + key + "\"}", "X-Forwarded-For", forwardedFor);
    }

    @Test
    void health_isUp_andRevealsNothing() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + "/_health"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\": \"UP\"}", r.body());
        // A POST to that path is still an AnkiConnect request, key check included.
        HttpResponse<String> post = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + "/_health"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"version\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"result\": null, \"error\": \"valid api key must be provided\"}", post.body());
    }

    /**
     * Java's HttpClient asks a cleartext server to upgrade to HTTP/2 (h2c) on its first request. Payara Micro
     * does, and answering such a request asynchronously broke the connection there (EOF for one in eight).
     */
    @Test
    void javasDefaultClient_askingForHttp2_isAnsweredEveryTime() throws Exception {
        URI uri = URI.create(url.toString().replaceAll("/$", "") + "/");
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"result\": 6, \"error\": null}", r.body(), "request " + i);
        }
    }

    @Test
    void wrongKeys_blockTheirClientAddress_only_forAWhile() throws Exception {
        String attacker = "198.51.100.10";
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    "{\"result\": null, \"error\": \"valid api key must be provided\"}",
                    version("guess" + i, attacker).body());
        }
        HttpResponse<String> blocked = version("s3cret", attacker);
        assertEquals(429, blocked.statusCode());
        assertTrue(
                blocked.body()
                        .startsWith(
                                "{\"result\": null, \"error\": \"too many requests with an invalid api key from this address; try again in "),
                blocked.body());
        assertEquals("2", blocked.headers().firstValue("Retry-After").orElseThrow());
        // Another client behind the same proxy is not affected.
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                version("s3cret", "198.51.100.11").body());
        Thread.sleep(1600);
        assertEquals(
                "{\"result\": 6, \"error\": null}", version("s3cret", attacker).body());
        // Success cleared the record: three more guesses are needed to block again.
        version("again", attacker);
        assertEquals(
                "{\"result\": 6, \"error\": null}", version("s3cret", attacker).body());
    }
}
