package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.PackageReader;
import dev.ankiconnect.support.AnkiClient;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the README's curl examples of the package endpoints exactly as written, but for the host and port: each
 * upload of {@code Deck.apkg} must answer {@code {"result": true, "error": null}}, each download must write a
 * {@code Deck.apkg} that holds the deck "My Deck".
 */
final class ReadmeCurls {

    private ReadmeCurls() {}

    /** The README's package curl lines, those with the example key {@code s3cret} or those without. */
    static List<String> commands(boolean withKey) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("curl ") && line.contains("/packages/") && line.contains("s3cret") == withKey) {
                out.add(line);
            }
        }
        return out;
    }

    /** {@code envelope} holds the key member, if any, for the createDeck that makes "My Deck". */
    static void run(URL server, boolean withKey, JsonObjectBuilder envelope, Path parent) throws Exception {
        List<String> commands = commands(withKey);
        assertTrue(
                commands.size() >= 2
                        && commands.stream().anyMatch(c -> c.contains("/packages/import"))
                        && commands.stream().anyMatch(c -> c.contains("/packages/export")),
                "README examples: " + commands);
        new AnkiClient(server)
                .json(envelope.add("action", "createDeck")
                        .add("version", 6)
                        .add("params", Json.createObjectBuilder().add("deck", "My Deck"))
                        .build()
                        .toString());
        String base = server.toString().replaceAll("/$", "");
        Path work = Files.createTempDirectory(parent, "readme-");
        for (String command : commands) {
            String line = command.replace("http://localhost:8765", base);
            Files.deleteIfExists(work.resolve("Deck.apkg"));
            if (line.contains("/packages/import")) {
                Files.copy(PackageFixtures.source("anki-pylib-media.apkg"), work.resolve("Deck.apkg"));
                assertEquals("{\"result\": true, \"error\": null}", shell(work, line), line);
            } else {
                assertEquals("", shell(work, line), line);
                try (AnkiPackage got = new PackageReader().read(work.resolve("Deck.apkg"))) {
                    assertTrue(
                            got.decks().values().stream()
                                    .anyMatch(d -> d.getString("name").equals("My Deck")),
                            line);
                }
            }
        }
    }

    /** Runs a command line in {@code dir} with bash; fails unless it exits 0 within a minute; returns its stdout. */
    private static String shell(Path dir, String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
        assertEquals(0, p.exitValue(), command + " printed " + out);
        return out;
    }
}
