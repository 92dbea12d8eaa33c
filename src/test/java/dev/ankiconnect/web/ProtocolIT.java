package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The envelope, reply shapes, CORS and errors of PROTOCOL.md sections 1-8, spoken over HTTP
 * against the real WAR with the default configuration (no API key, origins http://localhost).
 */
@ExtendWith(ArquillianExtension.class)
class ProtocolIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("protocol");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    @Test
    void version6_givesResultAndErrorInPythonLayout() {
        HttpResponse<String> r = client.post("{\"action\": \"version\", \"version\": 6}");
        assertEquals(200, r.statusCode());
        assertEquals("{\"result\": 6, \"error\": null}", r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "http://localhost",
                r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals(
                String.valueOf(r.body().length()),
                r.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void noVersion_givesTheBareResult() {
        assertEquals("6", client.post("{\"action\": \"version\"}").body());
        assertEquals(
                "6", client.post("{\"action\": \"version\", \"version\": 4}").body());
    }

    @Test
    void version5_alreadyUsesTheEnvelope() {
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                client.post("{\"action\": \"version\", \"version\": 5}").body());
    }

    @Test
    void integralFloatVersion_isAnInteger() {
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                client.post("{\"action\": \"version\", \"version\": 6.0}").body());
    }

    @Test
    void emptyBody_givesTheBanner_forPostAndGet() {
        assertEquals("{\"apiVersion\": \"AnkiConnect v.6\"}", client.post("").body());
        HttpResponse<String> get = client.request("GET", null);
        assertEquals(200, get.statusCode());
        assertEquals("{\"apiVersion\": \"AnkiConnect v.6\"}", get.body());
    }

    @Test
    void anyPathAndMethod_isTheSameEndpoint() throws Exception {
        AnkiClient other = new AnkiClient(new URL(url, "some/path?x=1"));
        assertEquals("6", other.request("PUT", "{\"action\": \"version\"}").body());
    }

    @Test
    void unknownEnvelopeMembers_areIgnored() {
        assertEquals(
                "6",
                client.post("{\"action\": \"version\", \"extra\": [1, 2], \"id\": 7}")
                        .body());
    }

    @Test
    void multi_keepsEarlierWork_whenALaterSubActionFails() {
        String body = "{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                + "{\"action\": \"createDeck\", \"version\": 6, \"params\": {\"deck\": \"multi-before\"}}, "
                + "{\"action\": \"createDeck\", \"version\": 6, \"params\": {\"deck\": 5}}, "
                + "{\"action\": \"createDeck\", \"version\": 6, \"params\": {\"nope\": 1}}, "
                + "{\"action\": \"createDeck\", \"version\": 6, \"params\": {\"deck\": \"multi-after\"}}]}}";
        jakarta.json.JsonArray replies =
                AnkiClient.parse(client.post(body).body()).asJsonObject().getJsonArray("result");
        assertEquals(4, replies.size());
        assertTrue(replies.getJsonObject(0).isNull("error"));
        assertEquals(
                "createDeck: parameter 'deck' must be a string, got 5",
                replies.getJsonObject(1).getString("error"));
        assertEquals(
                "AnkiConnect.createDeck() got an unexpected keyword argument 'nope'",
                replies.getJsonObject(2).getString("error"));
        assertTrue(replies.getJsonObject(3).isNull("error"));
        String names = client.call("deckNames").toString();
        assertTrue(names.contains("\"multi-before\"") && names.contains("\"multi-after\""), names);
    }

    @Test
    void errors_useTheEnvelopeWhateverTheVersion() {
        assertEquals(
                "{\"result\": null, \"error\": \"unsupported action\"}",
                client.post("{\"action\": \"noSuchAction\"}").body());
        assertEquals(
                "{\"result\": null, \"error\": \"unsupported action\"}",
                client.post("{\"action\": \"noSuchAction\", \"version\": 6}").body());
    }

    @Test
    void malformedJson_givesPythonsMessage() {
        assertEquals(
                "{\"result\": null, \"error\": \"Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\"}",
                client.post("{1: 2}").body());
        assertEquals(
                "{\"result\": null, \"error\": \"Expecting value: line 1 column 1 (char 0)\"}",
                client.post("nope").body());
        assertEquals(
                "{\"result\": null, \"error\": \"Extra data: line 1 column 23 (char 22)\"}",
                client.post("{\"action\": \"version\"} x").body());
    }

    @Test
    void badUtf8_givesPythonsCodecMessage() {
        HttpResponse<String> r = client.post(new byte[] {(byte) 0xE7, (byte) 0x8C});
        assertEquals(
                "{\"result\": null, \"error\": \"'utf-8' codec can't decode bytes in position 0-1: unexpected end of data\"}",
                r.body());
    }

    @Test
    void schemaViolations_giveJsonschemaFirstLines() {
        assertEquals("1.2 is not of type 'object'", firstLine(client.post("1.2").body()));
        assertEquals(
                "'action' is a required property", firstLine(client.post("{}").body()));
        assertEquals(
                "1 is not of type 'string'",
                firstLine(client.post("{\"action\": 1}").body()));
        assertEquals(
                "'' should be non-empty",
                firstLine(client.post("{\"action\": \"\"}").body()));
        assertEquals(
                "'6' is not of type 'integer'",
                firstLine(client.post("{\"action\": \"version\", \"version\": \"6\"}")
                        .body()));
        assertEquals(
                "[] is not of type 'object'",
                firstLine(
                        client.post("{\"action\": \"version\", \"params\": []}").body()));
    }

    @Test
    void unknownParameter_givesPythonsTypeError() {
        assertEquals(
                "{\"result\": null, \"error\": \"AnkiConnect.version() got an unexpected keyword argument 'bad'\"}",
                client.post("{\"action\": \"version\", \"version\": 6, \"params\": {\"bad\": 1}}")
                        .body());
    }

    @Test
    void missingParameter_givesPythonsTypeError() {
        assertEquals(
                "{\"result\": null, \"error\": \"AnkiConnect.loadProfile() missing 1 required positional argument: 'name'\"}",
                client.post("{\"action\": \"loadProfile\", \"version\": 6}").body());
    }

    @Test
    void nonAsciiText_isEscapedAsPythonDoes() {
        assertEquals(
                "{\"result\": null, \"error\": \"AnkiConnect.version() got an unexpected keyword argument '\\u00fc'\"}",
                client.post("{\"action\": \"version\", \"version\": 6, \"params\": {\"\u00fc\": 1}}")
                        .body());
    }

    @Test
    void multi_shapesEachReplyByItsOwnVersion() {
        String body = "{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                + "{\"action\": \"version\"}, {\"action\": \"version\", \"version\": 6}, "
                + "{\"action\": \"noSuchAction\"}, {\"action\": \"noSuchAction\", \"version\": 6}, "
                + "{\"version\": 6}]}}";
        assertEquals(
                "{\"result\": [6, {\"result\": 6, \"error\": null}, "
                        + "{\"result\": null, \"error\": \"unsupported action\"}, "
                        + "{\"result\": null, \"error\": \"unsupported action\"}, "
                        + "{\"result\": null, \"error\": \"unsupported action\"}], \"error\": null}",
                client.post(body).body());
    }

    @Test
    void multi_withANonObjectElement_failsAsAWhole() {
        assertEquals(
                "{\"result\": null, \"error\": \"'str' object has no attribute 'get'\"}",
                client.post(
                                "{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": [{\"action\": \"version\"}, \"x\"]}}")
                        .body());
    }

    @Test
    void multi_withNonObjectParams_failsThatElementOnly() {
        assertEquals(
                "{\"result\": [{\"result\": null, \"error\": \"AnkiConnect.version() argument after ** must be a mapping, not list\"}, 6], \"error\": null}",
                client.post("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                                + "{\"action\": \"version\", \"params\": []}, {\"action\": \"version\"}]}}")
                        .body());
    }

    @Test
    void multi_inMulti_works() {
        assertEquals(
                "{\"result\": [[6]], \"error\": null}",
                client.post("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                                + "{\"action\": \"multi\", \"params\": {\"actions\": [{\"action\": \"version\"}]}}]}}")
                        .body());
    }

    @Test
    void apiKey_notConfigured_refusesARequestThatCarriesOne() {
        assertEquals(
                "{\"result\": null, \"error\": \"valid api key must be provided\"}",
                client.post("{\"action\": \"version\", \"version\": 6, \"key\": \"\"}")
                        .body());
        assertEquals(
                "{\"result\": [{\"result\": null, \"error\": \"valid api key must be provided\"}], \"error\": null}",
                client.post("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                                + "{\"action\": \"version\", \"version\": 6, \"key\": \"x\"}]}}")
                        .body());
    }

    @Test
    void apiKey_notConfigured_acceptsANullKeyAsDesktopAnkiConnectDoes() {
        assertEquals(
                "{\"result\": 6, \"error\": null}",
                client.post("{\"action\": \"version\", \"version\": 6, \"key\": null}")
                        .body());
        assertEquals(
                "{\"result\": [{\"result\": 6, \"error\": null}], \"error\": null}",
                client.post("{\"action\": \"multi\", \"version\": 6, \"key\": null, \"params\": {\"actions\": ["
                                + "{\"action\": \"version\", \"version\": 6, \"key\": null}]}}")
                        .body());
    }

    @Test
    void requestPermission_fromAnAllowedOrigin_isGranted() {
        assertEquals(
                "{\"result\": {\"permission\": \"granted\", \"requireApikey\": false, \"version\": 6}, \"error\": null}",
                client.post("{\"action\": \"requestPermission\", \"version\": 6}")
                        .body());
        HttpResponse<String> ext = client.post(
                "{\"action\": \"requestPermission\", \"version\": 6}", "Origin", "chrome-extension://abcdef");
        assertEquals(
                "chrome-extension://abcdef",
                ext.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(
                "{\"result\": {\"permission\": \"granted\", \"requireApikey\": false, \"version\": 6}, \"error\": null}",
                ext.body());
    }

    @Test
    void requestPermission_fromARefusedOrigin_isAnsweredAndDenied() {
        HttpResponse<String> r = client.post(
                "{\"action\": \"requestPermission\", \"version\": 6}", "Origin", "https://dictionary.example");
        assertEquals(200, r.statusCode());
        assertEquals(
                "https://dictionary.example",
                r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("{\"result\": {\"permission\": \"denied\"}, \"error\": null}", r.body());
    }

    @Test
    void requestPermission_clientCannotClaimItIsAllowed() {
        HttpResponse<String> r = client.post(
                "{\"action\": \"requestPermission\", \"version\": 6, "
                        + "\"params\": {\"origin\": \"http://localhost\", \"allowed\": true}}",
                "Origin",
                "https://evil.example");
        assertEquals("{\"result\": {\"permission\": \"denied\"}, \"error\": null}", r.body());
    }

    @Test
    void requestPermission_inMulti_needsItsArguments() {
        assertEquals(
                "{\"result\": [{\"result\": null, \"error\": \"AnkiConnect.requestPermission() missing 2 required positional arguments: 'origin' and 'allowed'\"}], \"error\": null}",
                client.post("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                                + "{\"action\": \"requestPermission\", \"version\": 6}]}}")
                        .body());
    }

    @Test
    void refusedOrigin_gets403WithoutBody() {
        for (String body : new String[] {"{\"action\": \"version\", \"version\": 6}", "{1: 2}", ""}) {
            HttpResponse<String> r = client.post(body, "Origin", "foo");
            assertEquals(403, r.statusCode(), body);
            assertEquals("", r.body());
            assertEquals(
                    "http://localhost",
                    r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals(
                    "*", r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
            assertFalse(r.headers().firstValue("Content-Type").isPresent());
        }
    }

    @Test
    void localhostRule_admits127AndExtensions_butNotOtherPorts() {
        for (String origin : new String[] {
            "http://localhost",
            "http://127.0.0.1",
            "https://127.0.0.1",
            "http://127.0.0.1:3000",
            "chrome-extension://id",
            "moz-extension://id",
            "safari-web-extension://id"
        }) {
            HttpResponse<String> r = client.post("{\"action\": \"version\"}", "Origin", origin);
            assertEquals(200, r.statusCode(), origin);
            assertEquals(
                    origin,
                    r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
        for (String origin : new String[] {"http://localhost:3000", "https://127.0.0.1:8000", "https://localhost"}) {
            assertEquals(
                    403,
                    client.post("{\"action\": \"version\"}", "Origin", origin).statusCode(),
                    origin);
        }
    }

    @Test
    void preflight_isAlways200_withPrivateNetworkOnlyWhenAsked() {
        HttpResponse<String> plain = client.request("OPTIONS", null, "Origin", "foo");
        assertEquals(200, plain.statusCode());
        assertEquals("", plain.body());
        assertEquals(
                "http://localhost",
                plain.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(
                "*", plain.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals("0", plain.headers().firstValue("Content-Length").orElseThrow());
        assertFalse(plain.headers()
                .firstValue("Access-Control-Allow-Private-Network")
                .isPresent());
        assertFalse(plain.headers().firstValue("Access-Control-Allow-Methods").isPresent());

        HttpResponse<String> pna = client.request(
                "OPTIONS", null, "Origin", "http://127.0.0.1:5000", "Access-Control-Request-Private-Network", "true");
        assertEquals(
                "http://127.0.0.1:5000",
                pna.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(
                "true",
                pna.headers().firstValue("Access-Control-Allow-Private-Network").orElseThrow());
    }

    @Test
    void apiReflect_readsTheLiveRegistry() {
        assertEquals(
                "{\"result\": {\"scopes\": [\"actions\"], \"actions\": [\"apiReflect\"]}, \"error\": null}",
                client.post(
                                "{\"action\": \"apiReflect\", \"version\": 6, \"params\": "
                                        + "{\"scopes\": [\"actions\", \"invalidType\"], \"actions\": [\"apiReflect\", \"invalidMethod\"]}}")
                        .body());
        assertEquals(
                "{\"result\": null, \"error\": \"scopes has invalid value\"}",
                client.post("{\"action\": \"apiReflect\", \"version\": 6}").body());
        assertEquals(
                "{\"result\": null, \"error\": \"actions has invalid value\"}",
                client.post(
                                "{\"action\": \"apiReflect\", \"version\": 6, \"params\": {\"scopes\": [], \"actions\": 1}}")
                        .body());
        assertEquals(
                "{\"result\": {\"scopes\": []}, \"error\": null}",
                client.post("{\"action\": \"apiReflect\", \"version\": 6, \"params\": {\"scopes\": [\"x\"]}}")
                        .body());
        String all = client.post(
                        "{\"action\": \"apiReflect\", \"version\": 6, \"params\": {\"scopes\": [\"actions\"], \"actions\": null}}")
                .body();
        assertTrue(all.contains("\"apiReflect\", ") && all.contains("\"multi\"") && all.contains("\"version\""), all);
    }

    @Test
    void sync_saysTheServerIsTheCollectionsHome() {
        assertEquals(
                "{\"result\": null, \"error\": \"sync: auth not configured (this server holds the collection itself; "
                        + "sync with AnkiWeb is not available, use exportPackage/importPackage to move decks)\"}",
                client.post("{\"action\": \"sync\", \"version\": 6}").body());
        assertEquals(
                "{\"result\": null, \"error\": null}",
                client.post("{\"action\": \"reloadCollection\", \"version\": 6}")
                        .body());
    }

    @Test
    void profiles_startWithTheDefaultProfile() {
        assertEquals(
                "{\"result\": [\"User 1\"], \"error\": null}",
                client.post("{\"action\": \"getProfiles\", \"version\": 6}").body());
        assertEquals(
                "{\"result\": \"User 1\", \"error\": null}",
                client.post("{\"action\": \"getActiveProfile\", \"version\": 6}")
                        .body());
        assertEquals(
                "{\"result\": false, \"error\": null}",
                client.post("{\"action\": \"loadProfile\", \"version\": 6, \"params\": {\"name\": \"Nobody\"}}")
                        .body());
        assertEquals(
                "{\"result\": true, \"error\": null}",
                client.post("{\"action\": \"loadProfile\", \"version\": 6, \"params\": {\"name\": \"User 1\"}}")
                        .body());
    }

    @Test
    void keepAliveAndConcurrency_manyClientsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                replies.add(pool.submit(() ->
                        client.post("{\"action\": \"version\", \"version\": 6}").body()));
            }
            for (Future<String> f : replies) {
                assertEquals("{\"result\": 6, \"error\": null}", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String firstLine(String body) {
        String error = AnkiClient.parse(body).asJsonObject().getString("error");
        return error.split("\n", 2)[0];
    }
}
