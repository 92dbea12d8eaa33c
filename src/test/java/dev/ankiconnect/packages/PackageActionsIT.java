package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgMediaFile;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.ApkgRevlogEntry;
import dev.ankiconnect.apkg.PackageWriter;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * importPackage and exportPackage with real packages: what lands in the collection (seen through
 * the API and through a re-export read back with the codec), merges on re-import, and refusals
 * that leave nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
class PackageActionsIT {

    static final Path DIR = PackageFixtures.newDir("packages");
    /** A directory outside packageDir that packagePathAllowlist opens to absolute paths (a desktop user's folder). */
    static final Path ALLOWED = PackageFixtures.newDir("packages-allowed");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "packages", Map.of("packageDir", DIR.toString(), "packagePathAllowlist", ALLOWED.toString()));
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    PackageClient packages;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
        packages = new PackageClient(client, DIR);
    }

    @Test
    void anki21PackageWithMediaFsrsAndReviewHistory_importsExactlyAndExportsBackIdentically() throws Exception {
        AnkiPackage source = PackageFixtures.read(DIR.resolve("srs-converter-mixed-legacy-2.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("srs-converter-mixed-legacy-2.apkg"));

        assertTrue(packages.deckNames().contains("Test - Mixed Types"));
        List<String> models = new ArrayList<>();
        client.call("modelNames").asJsonArray().forEach(v -> models.add(((jakarta.json.JsonString) v).getString()));
        assertTrue(models.contains("Image Occlusion"), models.toString());

        // the media file, byte for byte
        ApkgMediaFile jpg = source.media().get(0);
        assertEquals("paste-ab21b25dd3e4ba4af2a1d8bdfa4c47455e53abac.jpg", jpg.name());
        assertEquals(
                Base64.getEncoder().encodeToString(jpg.readAllBytes()),
                ((jakarta.json.JsonString)
                                client.call("retrieveMediaFile", PackageClient.params("filename", jpg.name())))
                        .getString());

        // the review history of every card
        var cards = Json.createArrayBuilder();
        source.cards().forEach(c -> cards.add(c.id()));
        JsonObject reviews = client.call(
                        "getReviewsOfCards",
                        Json.createObjectBuilder().add("cards", cards).build())
                .asJsonObject();
        int total = 0;
        for (ApkgRevlogEntry r : source.revlog()) {
            JsonArray rows = reviews.getJsonArray(String.valueOf(r.cid()));
            boolean found = false;
            for (JsonValue v : rows) {
                JsonObject o = v.asJsonObject();
                if (o.getJsonNumber("id").longValue() == r.id()) {
                    found = true;
                    assertEquals(
                            List.of(r.ease(), (int) r.ivl(), (int) r.lastIvl(), r.factor(), r.time(), r.type()),
                            List.of(
                                    o.getInt("ease"),
                                    o.getInt("ivl"),
                                    o.getInt("lastIvl"),
                                    o.getInt("factor"),
                                    o.getInt("time"),
                                    o.getInt("type")));
                }
            }
            assertTrue(found, "revlog " + r.id());
            total++;
        }
        assertEquals(26, total);

        AnkiPackage exported = packages.export("Test - Mixed Types", "out/srs.apkg", true);
        assertEquals(8, exported.notes().size());
        assertEquals(13, exported.cards().size());
        PackageFixtures.assertSameContent(source, exported, true);
        Set<Long> revlogIds = new TreeSet<>();
        exported.revlog().forEach(r -> revlogIds.add(r.id()));
        Set<Long> sourceIds = new TreeSet<>();
        source.revlog().forEach(r -> sourceIds.add(r.id()));
        assertEquals(sourceIds, revlogIds);
        assertEquals(1, exported.media().size());
        assertArrayEquals(jpg.readAllBytes(), exported.media().get(0).readAllBytes());
        assertEquals(jpg.name(), exported.media().get(0).name());

        // importing the same package again changes nothing: same guids, not newer
        assertEquals(JsonValue.TRUE, packages.importPackage("srs-converter-mixed-legacy-2.apkg"));
        AnkiPackage again = packages.export("Test - Mixed Types", "out/srs-again.apkg", true);
        assertEquals(8, again.notes().size());
        assertEquals(13, again.cards().size());
        assertEquals(26, again.revlog().size());
        assertEquals(
                List.of(jpg.name()),
                packages.mediaNames().stream()
                        .filter(n -> n.startsWith("paste-ab21"))
                        .toList());
    }

    @Test
    void latestFormatPackage_importsNestedDecksAndNotes() {
        AnkiPackage source = PackageFixtures.read(DIR.resolve("anki-pwa-music-intervals.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("anki-pwa-music-intervals.apkg"));
        List<String> decks = packages.deckNames();
        for (String d : List.of(
                "Music Intervals",
                "Music Intervals::1/ Easy - major 2nd, 3rd, perfect 5th",
                "Music Intervals::2/ Middle - minor 2nd, perfect 4th, 6th, 7th",
                "Music Intervals::3/ Hard - uncommon notes, aug / dim 4th, 5th, 7th",
                "Music Intervals::4/ Chords - 9th, 11th, 13th")) {
            assertTrue(decks.contains(d), d + " in " + decks);
        }
        AnkiPackage exported = packages.export("Music Intervals", "music.apkg", false);
        assertEquals(340, exported.notes().size());
        assertEquals(340, exported.cards().size());
        PackageFixtures.assertSameContent(source, exported, false);
        Map<String, Integer> perDeck = new HashMap<>();
        exported.cards()
                .forEach(c -> perDeck.merge(exported.decks().get(c.did()).getString("name"), 1, Integer::sum));
        assertEquals(59, perDeck.get("Music Intervals::1/ Easy - major 2nd, 3rd, perfect 5th"));
        assertEquals(102, perDeck.get("Music Intervals::4/ Chords - 9th, 11th, 13th"));
        // a subdeck alone: its cards, and its parent so the hierarchy survives
        AnkiPackage sub = packages.export("Music Intervals::4/ Chords - 9th, 11th, 13th", "chords.apkg", false);
        assertEquals(102, sub.cards().size());
        Set<String> names = new TreeSet<>();
        sub.decks().values().forEach(d -> names.add(d.getString("name")));
        assertEquals(Set.of("Default", "Music Intervals", "Music Intervals::4/ Chords - 9th, 11th, 13th"), names);
    }

    @Test
    void legacyDesktopPackageWithFilteredDecksAndReviewHistory() {
        AnkiPackage source = PackageFixtures.read(DIR.resolve("ankidroid-templates.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("ankidroid-templates.apkg"));
        List<String> decks = packages.deckNames();
        assertTrue(decks.contains("1-TEMPLATES::Anatomy::BadTemplate"), decks.toString());
        assertTrue(decks.contains("1-TEMPLATES::Typing broken"), decks.toString());
        AnkiPackage exported = packages.export("1-TEMPLATES", "templates.apkg", true);
        assertEquals(48, exported.notes().size());
        assertEquals(146, exported.cards().size());
        assertEquals(102, exported.revlog().size());
        PackageFixtures.assertSameContent(source, exported, true);
        // filtered decks stay filtered, their cards remember the home deck
        long filtered = exported.cards().stream().filter(c -> c.odid() != 0).count();
        assertEquals(16, filtered);
        for (JsonObject d : exported.decks().values()) {
            if (d.getString("name").endsWith("::BadTemplate")) {
                assertEquals(1, d.getInt("dyn"));
            }
        }
        // without scheduling: every card new and in its home deck, no review history, no filtered decks
        AnkiPackage plain = packages.export("1-TEMPLATES", "templates-plain.apkg", false);
        assertEquals(146, plain.cards().size());
        assertEquals(0, plain.revlog().size());
        assertTrue(plain.cards().stream().allMatch(c -> c.type() == 0 && c.queue() == 0 && c.odid() == 0));
        assertTrue(plain.decks().values().stream().noneMatch(d -> d.getInt("dyn", 0) == 1));
        PackageFixtures.assertSameContent(source, plain, false);
    }

    @Test
    void legacyAnki2PackageWithMedia_storesTheFileAndRenamesOnClash() throws Exception {
        // a different file already holds the name: the imported one is stored as foo-<sha1>.wav
        assertNull(client.error(
                "storeMediaFile",
                PackageClient.params(
                        "filename", "foo.wav", "data", Base64.getEncoder().encodeToString("other".getBytes()))));
        assertEquals(JsonValue.TRUE, packages.importPackage("anki-pylib-media.apkg"));
        String renamed = "foo-" + dev.ankiconnect.media.MediaStore.sha1("abc\n".getBytes()) + ".wav";
        assertEquals(
                Base64.getEncoder().encodeToString("abc\n".getBytes()),
                ((jakarta.json.JsonString) client.call("retrieveMediaFile", PackageClient.params("filename", renamed)))
                        .getString());
        assertEquals(
                Base64.getEncoder().encodeToString("other".getBytes()),
                ((jakarta.json.JsonString)
                                client.call("retrieveMediaFile", PackageClient.params("filename", "foo.wav")))
                        .getString());
        AnkiPackage exported = packages.export("Default", "default.apkg", false);
        ApkgNote note = exported.notes().stream()
                .filter(n -> n.flds().contains("[sound:"))
                .findFirst()
                .orElseThrow();
        assertTrue(note.flds().contains("[sound:" + renamed + "]"), note.flds());
        assertFalse(note.flds().contains("[sound:foo.wav]"), note.flds());
        assertTrue(exported.media().stream().anyMatch(m -> m.name().equals(renamed)));
    }

    @Test
    void exportOfAMissingDeckIsFalse() {
        JsonObject p = Json.createObjectBuilder()
                .add("deck", "No such deck")
                .add("path", "none.apkg")
                .build();
        assertEquals(JsonValue.FALSE, client.call("exportPackage", p));
        assertFalse(Files.exists(DIR.resolve("none.apkg")));
    }

    @Test
    void refusals_leaveNothingBehind() throws Exception {
        Files.writeString(DIR.resolve("not-a-package.apkg"), "hello");
        Path outside = Files.createTempFile(DIR.getParent(), "outside-", ".apkg");
        Files.copy(DIR.resolve("anki-pylib-media.apkg"), outside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path link = DIR.resolve("link-" + System.nanoTime() + ".apkg");
        Files.createSymbolicLink(link, outside);
        List<String> decksBefore = packages.deckNames();
        List<String> mediaBefore = packages.mediaNames();

        String outsideText =
                "\" is outside the package directory; give a path inside it (configuration key packageDir)";
        assertEquals(
                "package path \"../" + outside.getFileName() + outsideText,
                client.error("importPackage", PackageClient.params("path", "../" + outside.getFileName())));
        assertEquals(
                "package path \"" + outside + outsideText,
                client.error("importPackage", PackageClient.params("path", outside.toString())));
        assertEquals(
                "package path \"" + link.getFileName() + outsideText,
                client.error(
                        "importPackage",
                        PackageClient.params("path", link.getFileName().toString())));
        assertEquals(
                "[Errno 2] No such file or directory: 'missing.apkg'",
                client.error("importPackage", PackageClient.params("path", "missing.apkg")));
        assertEquals(
                "Not an Anki package: not-a-package.apkg is not a zip file",
                client.error("importPackage", PackageClient.params("path", "not-a-package.apkg")));
        assertEquals(
                "package path \"../escape.apkg" + outsideText,
                client.error("exportPackage", PackageClient.params("deck", "Default", "path", "../escape.apkg")));
        assertFalse(Files.exists(DIR.getParent().resolve("escape.apkg")));

        assertEquals(decksBefore, packages.deckNames());
        assertEquals(mediaBefore, packages.mediaNames());
    }

    @Test
    void allowlistedFolder_takesAbsolutePaths_withTheSameProtections() throws Exception {
        Path file = ALLOWED.resolve("exported " + System.nanoTime() + ".apkg");
        assertEquals(
                JsonValue.TRUE,
                client.call("exportPackage", PackageClient.params("deck", "Default", "path", file.toString())));
        assertTrue(Files.size(file) > 0);
        assertEquals(JsonValue.TRUE, client.call("importPackage", PackageClient.params("path", file.toString())));
        String escape = ALLOWED + "/../escape.apkg";
        assertEquals(
                "package path \"" + escape + "\" is outside the package directory; give a path inside it"
                        + " (configuration key packageDir)",
                client.error("exportPackage", PackageClient.params("deck", "Default", "path", escape)));
        assertFalse(Files.exists(ALLOWED.getParent().resolve("escape.apkg")));
    }

    @Test
    void failureHalfwayRollsBackDecksNotesAndMedia() throws Exception {
        // a package whose second note names a note type it does not contain: the deck and the media
        // are written before the note fails, and must be gone afterwards
        AnkiPackage good = PackageFixtures.read(DIR.resolve("anki-pylib-media.apkg"));
        AnkiPackage bad = new AnkiPackage(good.collection());
        bad.notetypes().putAll(good.notetypes());
        bad.deckConfigs().putAll(good.deckConfigs());
        bad.decks().putAll(good.decks());
        bad.decks()
                .put(
                        42L,
                        Json.createObjectBuilder(good.decks().get(1L))
                                .add("id", 42)
                                .add("name", "Broken import deck")
                                .build());
        ApkgNote n = good.notes().get(0);
        bad.notes().add(n);
        bad.notes()
                .add(new ApkgNote(n.id() + 1, "otherguid", 999, n.mod(), 0, "", n.flds(), n.sfld(), n.csum(), 0, ""));
        bad.media().add(ApkgMediaFile.ofBytes("rollback-me.txt", "x".getBytes()));
        new PackageWriter().write(bad, DIR.resolve("broken.apkg"), PackageWriter.Options.legacy2(true));

        String error = client.error("importPackage", PackageClient.params("path", "broken.apkg"));
        assertEquals(
                "package is invalid: note " + (n.id() + 1) + " uses note type 999, which the package does not contain",
                error);
        assertFalse(packages.deckNames().contains("Broken import deck"));
        assertFalse(packages.mediaNames().contains("rollback-me.txt"));
    }

    @Test
    void testMisc_exportedDeckRemovedThenImportedReappears() {
        // test_misc.py: exportPackage of test_deck, deleteDecks, importPackage: the deck is back
        client.call("createDeck", PackageClient.params("deck", "test_deck"));
        JsonObject export = Json.createObjectBuilder()
                .add("deck", "test_deck")
                .add("path", "test_deck.apkg")
                .build();
        assertEquals(JsonValue.TRUE, client.call("exportPackage", export));
        client.call(
                "deleteDecks",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add("test_deck"))
                        .add("cardsToo", true)
                        .build());
        assertFalse(packages.deckNames().contains("test_deck"));
        assertEquals(JsonValue.TRUE, packages.importPackage("test_deck.apkg"));
        assertTrue(packages.deckNames().contains("test_deck"));
    }

    @Test
    void deckWithNotesRemovedThenImported_comesBackWithItsNotesCardsAndHistory() {
        AnkiPackage source = PackageFixtures.read(DIR.resolve("ankidroid-templates.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("ankidroid-templates.apkg"));
        packages.export("1-TEMPLATES", "templates-before-delete.apkg", true);
        client.call(
                "deleteDecks",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add("1-TEMPLATES"))
                        .add("cardsToo", true)
                        .build());
        assertFalse(packages.deckNames().contains("1-TEMPLATES::Anatomy"));
        assertEquals(JsonValue.TRUE, packages.importPackage("templates-before-delete.apkg"));
        assertTrue(packages.deckNames().contains("1-TEMPLATES::Anatomy"));
        AnkiPackage again = packages.export("1-TEMPLATES", "templates-after-delete.apkg", true);
        PackageFixtures.assertSameContent(source, again, true);
        assertEquals(102, again.revlog().size());
    }

    @Test
    void legacyAnki20Package_notesTagsAndRenamedNoteTypeName() {
        AnkiPackage source = PackageFixtures.read(DIR.resolve(PackageFixtures.GOV_VOCAB));
        assertEquals(JsonValue.TRUE, packages.importPackage(PackageFixtures.GOV_VOCAB));
        assertTrue(packages.deckNames().contains("Gov Vocab"));
        List<String> models = new ArrayList<>();
        client.call("modelNames").asJsonArray().forEach(v -> models.add(((jakarta.json.JsonString) v).getString()));
        assertTrue(models.contains("Basic (and reversed card)-5a339"), models.toString());
        AnkiPackage exported = packages.export("Gov Vocab", "gov.apkg", true);
        assertEquals(242, exported.notes().size());
        assertEquals(484, exported.cards().size());
        PackageFixtures.assertSameContent(source, exported, true);
        ApkgNote first = PackageFixtures.byGuid(exported).get("uWFq9<9S*v");
        assertEquals(1378867498040L, first.id());
        assertEquals(List.of("unalienable", "A human right based on nature or God."), first.fields());
        assertEquals(List.of("Ch.2"), first.tagList());
    }
}
