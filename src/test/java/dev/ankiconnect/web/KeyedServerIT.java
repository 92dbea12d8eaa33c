package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployment configured with an API key, {@code "*"} origins and a small body limit. */
@ExtendWith(ArquillianExtension.class)
class KeyedServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "keyed",
                Map.of(
                        "apiKey", "s3cret",
                        "webCorsOriginList", "[\"*\"]",
                        "maxRequestBytes", "2048",
                        "apiLogPath", API_LOG.toString()));
    }

    static final java.nio.file.Path API_LOG = java.nio.file.Path.of(
                    System.getProperty("it.data.dir", "target/it-data"),
                    "keyed-api-" + java.util.UUID.randomUUID() + ".log")
            .toAbsolutePath();

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    @Test
    void missingOrWrongKey_isRefused() {
        String refused = "{\"result\": null, \"error\": \"valid api key must be provided\"}";
        assertEquals(
                refused,
                client.post("{\"action\": \"version\", \"version\": 6}").body());
        assertEquals(
                refused,
                client.post("{\"action\": \"version\", \"version\": 6, \"key\": \"s3cre\"}")
                        .body());
        assertEquals(
                refused,
                client.post("{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret \"}")
                        .body());
        assertEquals(
                refused,
                client.post("{\"action\": \"version\", \"version\": 6, \"key\": null}")
                        .body());
        assertEquals(
                refused,
                client.post("{\"action\": \"version\", \"key\": [\"s3cret\"]}").body());
        // The key check comes before the action lookup.
        assertEquals(
                refused,
                client.post("{\"action\": \"noSuchAction\", \"version\": 6}").body());
    }

    @Test
    void rightKey_runsTheAction() {
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                client.post("{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}")
                        .body());
    }

    @Test
    void requestPermission_needsNoKey_andSaysOneIsRequired() {
        assertEquals(
                "{\"result\": {\"permission\": \"granted\", \"requireApikey\": true, \"version\": 6}, \"error\": null}",
                client.post("{\"action\": \"requestPermission\", \"version\": 6}")
                        .body());
    }

    @Test
    void multi_checksEverySubActionsKey() {
        assertEquals(
                "{\"result\": [{\"result\": null, \"error\": \"valid api key must be provided\"}, "
                        + "{\"result\": 6, \"error\": null}], \"error\": null}",
                client.post("{\"action\": \"multi\", \"version\": 6, \"key\": \"s3cret\", \"params\": {\"actions\": ["
                                + "{\"action\": \"version\", \"version\": 6}, "
                                + "{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}]}}")
                        .body());
    }

    @Test
    void apiLogPath_recordsRequestAndReply_butNeverTheKey() throws Exception {
        client.post(
                "{\"action\": \"apiReflect\", \"version\": 6, \"key\": \"s3cret\", \"params\": {\"scopes\": [\"logged\"]}}");
        String log = java.nio.file.Files.readString(API_LOG);
        assertEquals(
                true,
                log.contains(
                        "[request]\n{\"action\": \"apiReflect\", \"version\": 6, \"params\": {\"scopes\": [\"logged\"]}}\n"
                                + "[reply]\n{\"result\": {\"scopes\": []}, \"error\": null}\n"),
                log);
        assertEquals(false, log.contains("s3cret"));
    }

    @Test
    void starOrigin_allowsEveryOrigin() {
        HttpResponse<String> r =
                client.post("{\"action\": \"version\", \"key\": \"s3cret\"}", "Origin", "https://anything.example");
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void oversizedBody_isAClearError() {
        String big =
                "{\"action\": \"version\", \"key\": \"s3cret\", \"params\": {\"x\": \"" + "a".repeat(3000) + "\"}}";
        HttpResponse<String> r = client.post(big);
        assertEquals(200, r.statusCode());
        assertEquals(
                "{\"result\": null, \"error\": \"request body is larger than the limit of 2048 bytes (maxRequestBytes)\"}",
                r.body());
    }
}
