package dev.ankiconnect.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The IT-wide reply check finds the texts of issue 15 and passes AnkiConnect's own. */
class ReplyGuardTest {

    private static String error(String text) {
        return "{\"result\": null, \"error\": " + jakarta.json.Json.createValue(text) + "}";
    }

    @Test
    void findsInternalTexts() {
        String dataDir = java.nio.file.Path.of(System.getProperty("it.data.dir", "target/it-data"))
                .toAbsolutePath()
                .normalize()
                .toString();
        for (String text : new String[] {
            "class jakarta.json.JsonValueImpl cannot be cast to class jakarta.json.JsonString (x)",
            "Exception [EclipseLink-4002] (Eclipse Persistence Services - 4.0.8)",
            "database error: A truncation error was encountered trying to shrink VARCHAR; java.sql.SQLDataException",
            "NullPointerException",
            "cannot write package: " + dataDir + "/packages/x.apkg: File name too long",
            "boom\n\tat dev.ankiconnect.api.Foo.bar(Foo.java:1)",
        }) {
            assertNotNull(ReplyGuard.problem("{}", error(text)), text);
        }
        assertNotNull(ReplyGuard.problem("{}", "<!doctype html><html><body>HTTP Status 500</body></html>"));
        assertNotNull(ReplyGuard.problem(
                "{}", "{\"result\": [{\"result\": null, \"error\": \"java.lang.X\"}], \"error\": null}"));
    }

    @Test
    void passesAnkiConnectsTexts_andWhatTheRequestSent() {
        assertNull(
                ReplyGuard.problem(
                        "{}",
                        "{\"result\": null, \"error\": \"maximum recursion depth exceeded while decoding a JSON array from a unicode string\"}"));
        assertNull(ReplyGuard.problem(
                "{}", error("AnkiConnect.addNote() missing 1 required positional argument: 'note'")));
        assertNull(ReplyGuard.problem("{}", error("'NoneType' object has no attribute 'items'")));
        assertNull(ReplyGuard.problem(
                "{\"path\": \"/tmp/x.apkg\"}", error("[Errno 2] No such file or directory: '/tmp/x.apkg'")));
        assertNull(ReplyGuard.problem("{}", "{\"result\": \"java.lang.String is a note field\", \"error\": null}"));
        assertNull(ReplyGuard.problem("{}", "6"));
        assertNull(ReplyGuard.problem("{}", ""));
    }

    @Test
    void isLinear_onLongRunsOfCombiningMarks() {
        String accents = "a" + "\u0301".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertNull(ReplyGuard.problem(accents, error(accents))));
    }
}
