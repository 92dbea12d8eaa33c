package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access log: one line per request, without key or content. It reads the log in-process, through a handler on
 * the server's logger, so it runs where the container shares the test's JVM (embedded Tomcat); the build leaves it
 * out of the Payara Micro run, whose server is a JVM of its own.
 */
@ExtendWith(ArquillianExtension.class)
class AccessLogIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "accesslog",
                Map.of("apiKey", "s3cret", "trustedProxies", String.join(", ", Deployments.localAddresses())));
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    @Test
    void accessLog_oneLinePerRequest_withoutKeyOrContent() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("dev.ankiconnect.access");
        log.addHandler(h);
        try {
            client.post(
                    "{\"action\": \"deckNames\", \"version\": 6, \"key\": \"s3cret\"}",
                    "X-Forwarded-For",
                    "192.0.2.44");
            client.post(
                    "{\"action\": \"storeMediaFile\", \"version\": 6, \"key\": \"s3cret\", "
                            + "\"params\": {\"filename\": \"secret_name.txt\", \"data\": \"c2VjcmV0\"}}",
                    "X-Forwarded-For",
                    "192.0.2.44");
            client.post(
                    "{\"action\": \"deckNames\", \"version\": 6, \"key\": \"wrong-key\"}",
                    "X-Forwarded-For",
                    "192.0.2.45");
            // The access log's own thread hands the lines to the logger, in order, a moment after each reply:
            // wait (at most 30 s) for the last request's line.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline
                    && !String.join("\n", snapshot(lines)).contains("client=192.0.2.45")) {
                Thread.sleep(10);
            }
        } finally {
            log.removeHandler(h);
        }
        String all = String.join("\n", snapshot(lines));
        assertTrue(
                all.matches(
                        "(?s).*action=deckNames profile=\"User 1\" client=192\\.0\\.2\\.44 scheme=http outcome=ok ms=\\d+.*"),
                all);
        assertTrue(
                all.matches(
                        "(?s).*action=storeMediaFile profile=\"User 1\" client=192\\.0\\.2\\.44 scheme=http outcome=ok ms=\\d+.*"),
                all);
        assertTrue(
                all.matches("(?s).*action=deckNames client=192\\.0\\.2\\.45 scheme=http outcome=refused ms=\\d+.*"),
                all);
        assertFalse(all.contains("s3cret"), all);
        assertFalse(all.contains("wrong-key"), all);
        assertFalse(all.contains("secret_name"), all);
        assertFalse(all.contains("c2VjcmV0"), all);
    }

    private static List<String> snapshot(List<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
