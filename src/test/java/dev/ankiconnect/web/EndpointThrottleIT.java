package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.ReplyGuard;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One throttle for every door (issue 15.4): 50 wrong keys on each endpoint, the JSON one and the package ones
 * (key in the header and in the query), and after {@code keyFailureLimit} refusals every further request from
 * that address is answered 429 with Retry-After, its key not looked at, even the right key. Each door is tried
 * from an address of its own (X-Forwarded-For from a trusted proxy), so one test's block does not reach another's.
 */
@ExtendWith(ArquillianExtension.class)
class EndpointThrottleIT {

    static final String KEY = "right-key";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "throttle",
                Map.of(
                        "apiKey",
                        KEY,
                        "trustedProxies",
                        String.join(", ", Deployments.localAddresses()),
                        "keyFailureLimit",
                        "10",
                        "keyFailureBlockMs",
                        "60000"));
    }

    @ArquillianResource
    URL url;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private HttpResponse<String> send(HttpRequest.Builder b, String address) throws Exception {
        HttpResponse<String> r = HTTP.send(
                b.header("X-Forwarded-For", address)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            ReplyGuard.check("", r.body());
        }
        return r;
    }

    private URI uri(String path) throws Exception {
        return url.toURI().resolve(path);
    }

    /** 50 wrong keys, then the right one: the statuses seen, and the right key's. */
    private void fiftyWrongKeys(String address, Function<String, HttpRequest.Builder> request, int refusedStatus)
            throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = send(request.apply("wrong-" + i), address);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 carries Retry-After");
                assertTrue(
                        r.body()
                                .startsWith(
                                        "{\"result\": null, \"error\": \"too many requests with an invalid api key"),
                        r.body());
            } else {
                assertEquals(refusedStatus, r.statusCode(), r.body());
                assertEquals("{\"result\": null, \"error\": \"valid api key must be provided\"}", r.body());
            }
        }
        // the first keyFailureLimit are looked at and refused; every later one is throttled
        for (int i = 0; i < 10; i++) {
            assertEquals(refusedStatus, statuses.get(i), "attempt " + i + ": " + statuses);
        }
        for (int i = 10; i < 50; i++) {
            assertEquals(429, statuses.get(i), "attempt " + i + ": " + statuses);
        }
        // while blocked, even the right key is not looked at
        assertEquals(429, send(request.apply(KEY), address).statusCode());
    }

    @Test
    void jsonEndpoint() throws Exception {
        fiftyWrongKeys(
                "10.0.0.1",
                key -> HttpRequest.newBuilder(uri0())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"action\": \"version\", \"version\": 6, \"key\": \"" + key + "\"}")),
                200);
    }

    @Test
    void exportWithTheKeyInTheQuery() throws Exception {
        fiftyWrongKeys(
                "10.0.0.2",
                key -> HttpRequest.newBuilder(uriOf("packages/export?deck=Default&key=" + key))
                        .GET(),
                403);
    }

    @Test
    void exportWithTheKeyInTheHeader() throws Exception {
        fiftyWrongKeys(
                "10.0.0.3",
                key -> HttpRequest.newBuilder(uriOf("packages/export?deck=Default"))
                        .header("X-AnkiConnect-Key", key)
                        .GET(),
                403);
    }

    @Test
    void importWithTheKeyInTheHeader() throws Exception {
        fiftyWrongKeys(
                "10.0.0.4",
                key -> HttpRequest.newBuilder(uriOf("packages/import"))
                        .header("X-AnkiConnect-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("not a package")),
                403);
    }

    @Test
    void unknownPackagePath_isThrottledToo() throws Exception {
        fiftyWrongKeys(
                "10.0.0.5",
                key -> HttpRequest.newBuilder(uriOf("packages/other?key=" + key))
                        .GET(),
                403);
    }

    @Test
    void theRightKey_clearsTheCount_onEveryDoor() throws Exception {
        String address = "10.0.0.6";
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 9; i++) {
                assertEquals(
                        403,
                        send(
                                        HttpRequest.newBuilder(uriOf("packages/export?deck=Default&key=wrong"))
                                                .GET(),
                                        address)
                                .statusCode());
            }
            // a right key on the JSON endpoint clears the address's record for the package endpoints as well
            assertEquals(
                    "{\"result\": 6, \"error\": null}",
                    send(
                                    HttpRequest.newBuilder(uri0())
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "{\"action\": \"version\", \"version\": 6, \"key\": \"" + KEY
                                                            + "\"}")),
                                    address)
                            .body());
        }
        assertEquals(
                200,
                send(
                                HttpRequest.newBuilder(uriOf("packages/export?deck=Default&key=" + KEY))
                                        .GET(),
                                address)
                        .statusCode());
    }

    private URI uri0() {
        return uriOf("");
    }

    private URI uriOf(String path) {
        try {
            return uri(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
