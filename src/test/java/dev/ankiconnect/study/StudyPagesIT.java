package dev.ankiconnect.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.RawHttp;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The study pages' files at /study/ (no browser): public, with their content types and headers, nothing outside
 * them reachable; the filter lets them through without a key, and the API accepts the server's own origin (the
 * pages' calls) while foreign origins still get 403. A keyed server whose origin list names another site only.
 */
@ExtendWith(ArquillianExtension.class)
class StudyPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "study-pages",
                Map.of(
                        "apiKey", "s3cret",
                        "webCorsOriginList", "[\"https://allowed.example\"]",
                        "trustedProxies", String.join(", ", Deployments.localAddresses())));
    }

    @ArquillianResource
    URL url;

    private String context() {
        return url.getPath().endsWith("/") ? url.getPath() : url.getPath() + "/";
    }

    private RawHttp.Response get(String path, String... headers) {
        return RawHttp.send(url.getHost(), url.getPort(), "GET", context() + path, null, headers);
    }

    private RawHttp.Response post(String path, String body, String... headers) {
        return RawHttp.send(url.getHost(), url.getPort(), "POST", context() + path, body, headers);
    }

    private String ownOrigin() {
        String host = url.getHost().contains(":") ? "[" + url.getHost() + "]" : url.getHost();
        return "http://" + host + ":" + url.getPort();
    }

    private static final String VERSION = "{\"action\": \"version\", \"version\": 6, \"key\": \"s3cret\"}";

    @Test
    void thePages_areServedWithoutAKey_withTheirTypesAndHeaders() {
        RawHttp.Response page = get("study/");
        assertEquals(200, page.status());
        assertEquals("text/html;charset=utf-8", page.header("Content-Type"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("connect-src 'self'"), csp);
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\"></script>"), page.body());
        assertEquals(page.body(), get("study/index.html").body());

        for (String[] file : new String[][] {
            {"app.js", "text/javascript;charset=utf-8"},
            {"api.js", "text/javascript;charset=utf-8"},
            {"card.js", "text/javascript;charset=utf-8"},
            {"browse.js", "text/javascript;charset=utf-8"},
            {"editor.js", "text/javascript;charset=utf-8"},
            {"study.css", "text/css;charset=utf-8"}
        }) {
            RawHttp.Response r = get("study/" + file[0]);
            assertEquals(200, r.status(), file[0]);
            assertEquals(file[1], r.header("Content-Type"), file[0]);
            assertFalse(r.body().isEmpty(), file[0]);
            RawHttp.Response head =
                    RawHttp.send(url.getHost(), url.getPort(), "HEAD", context() + "study/" + file[0], null);
            assertEquals(200, head.status(), file[0]);
            assertEquals("", head.body(), file[0]);
            assertEquals(r.header("Content-Length"), head.header("Content-Length"), file[0]);
            assertEquals(r.header("ETag"), head.header("ETag"), file[0]);
        }
    }

    @Test
    void aKnownETag_isAnswered304() {
        String etag = get("study/app.js").header("ETag");
        assertNotNull(etag);
        RawHttp.Response again = get("study/app.js", "If-None-Match: " + etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(200, get("study/app.js", "If-None-Match: \"other\"").status());
    }

    @Test
    void study_withoutTheSlash_isRedirectedRelatively() {
        RawHttp.Response r = get("study");
        assertEquals(301, r.status());
        // relative, so that it holds under a proxy's prefix
        assertEquals("study/", r.header("Location"));
    }

    @Test
    void missingFiles_andPathsOutOfTheFolder_areNotServed() {
        for (String path : new String[] {"study/nope.js", "study/app.js.bak", "study/sub/", "study/.app.js"}) {
            assertEquals(404, get(path).status(), path);
        }
        // WEB-INF/ankiconnect.properties (dataDir=...) and WEB-INF/beans.xml must stay out of reach
        for (String path : new String[] {
            "study/../ankiconnect.properties",
            "study/..%2fankiconnect.properties",
            "study/%2e%2e/ankiconnect.properties",
            "study/%2E%2E/beans.xml",
            "study/..%5cankiconnect.properties",
            "study/..;/ankiconnect.properties",
            "study/%252e%252e/ankiconnect.properties",
            "study/../WEB-INF/ankiconnect.properties",
            "study/../../WEB-INF/beans.xml",
            "WEB-INF/study/app.js",
        }) {
            RawHttp.Response r = get(path);
            assertFalse(r.body().contains("dataDir"), path + " -> " + r.status() + " " + r.body());
            assertFalse(r.body().contains("beans"), path + " -> " + r.status() + " " + r.body());
            assertFalse(r.body().contains("import "), path + " -> " + r.status() + " " + r.body());
            assertTrue(r.status() != 200 || r.body().startsWith("{"), path + " -> " + r.status());
        }
    }

    @Test
    void otherMethodsOnStudy_areApiRequests_checkedAsAnywhere() {
        assertEquals("{\"result\": 6, \"error\": null}", post("study/", VERSION).body());
        assertEquals(
                "{\"result\": null, \"error\": \"valid api key must be provided\"}",
                post("study/app.js", "{\"action\": \"version\", \"version\": 6}")
                        .body());
    }

    @Test
    void theServersOwnOrigin_isAccepted_otherOriginsStillRefused() {
        RawHttp.Response own = post("", VERSION, "Origin: " + ownOrigin());
        assertEquals(200, own.status());
        assertEquals("{\"result\": 6, \"error\": null}", own.body());
        assertEquals(ownOrigin(), own.header("Access-Control-Allow-Origin"));
        // the key is still needed
        assertEquals(
                "{\"result\": null, \"error\": \"valid api key must be provided\"}",
                post("", "{\"action\": \"version\", \"version\": 6}", "Origin: " + ownOrigin())
                        .body());
        // and what the sign-in page asks first
        String permission = post("", "{\"action\": \"requestPermission\", \"version\": 6}", "Origin: " + ownOrigin())
                .body();
        assertTrue(permission.contains("\"permission\": \"granted\""), permission);
        assertTrue(permission.contains("\"requireApikey\": true"), permission);

        String host = url.getHost().contains(":") ? "[" + url.getHost() + "]" : url.getHost();
        for (String origin : new String[] {
            "https://evil.example",
            "http://" + host + ":" + (url.getPort() + 1),
            "https://" + host + ":" + url.getPort(),
            "null"
        }) {
            RawHttp.Response r = post("", VERSION, "Origin: " + origin);
            assertEquals(403, r.status(), origin);
            assertEquals("", r.body(), origin);
        }
        assertEquals(200, post("", VERSION, "Origin: https://allowed.example").status());
    }

    @Test
    void behindATrustedProxy_theForwardedHostAndScheme_makeTheOrigin() {
        RawHttp.Response r = post(
                "",
                VERSION,
                "Origin: https://anki.example",
                "X-Forwarded-Host: anki.example",
                "X-Forwarded-Proto: https");
        assertEquals(200, r.status());
        assertEquals("{\"result\": 6, \"error\": null}", r.body());
        assertEquals(
                403,
                post(
                                "",
                                VERSION,
                                "Origin: http://anki.example",
                                "X-Forwarded-Host: anki.example",
                                "X-Forwarded-Proto: https")
                        .status());
        // a name in the Host header alone counts too, on this keyed server
        assertEquals(
                200,
                post("", VERSION, "Host: anki.example:8765", "Origin: http://anki.example:8765")
                        .status());
    }
}
