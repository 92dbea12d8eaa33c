package dev.ankiconnect.apkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Write-then-read round trips and the layout/scheduling options of the legacy writer. */
class PackageWriterTest {

    @TempDir
    Path dir;

    private AnkiPackage roundTrip(AnkiPackage p, PackageWriter.Options options) throws Exception {
        Path out = dir.resolve("out.apkg");
        new PackageWriter().write(p, out, options);
        return new PackageReader().read(out);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anki-pylib-media.apkg",
                "ankidroid-templates.apkg",
                "srs-converter-mixed-legacy-2.apkg",
                "anki-pwa-music-intervals.apkg",
                "orbit-test-collection.colpkg",
                "yanki-backup-2026-03-30.colpkg"
            })
    void roundTripWithSchedulingGivesAnIdenticalModel(String fixture) throws Exception {
        long before = Fixtures.tempFileCount();
        try (AnkiPackage a = Fixtures.read(fixture);
                AnkiPackage b = roundTrip(a, PackageWriter.Options.legacy2(true))) {
            assertEquals(PackageVersion.LEGACY_2, b.sourceVersion());
            assertEquals(11, b.collection().ver());
            assertEquals(a.collection().crt(), b.collection().crt());
            assertEquals(a.collection().mod(), b.collection().mod());
            assertEquals(a.collection().scm(), b.collection().scm());
            assertEquals(a.collection().conf(), b.collection().conf());
            assertEquals(a.notetypes(), b.notetypes());
            assertEquals(a.decks(), b.decks());
            assertEquals(a.deckConfigs(), b.deckConfigs());
            assertEquals(a.tags(), b.tags());
            assertEquals(a.notes(), b.notes());
            assertEquals(a.cards(), b.cards());
            assertEquals(a.revlog(), b.revlog());
            assertEquals(a.graves(), b.graves());
            assertEquals(a.media().size(), b.media().size());
            for (int i = 0; i < a.media().size(); i++) {
                assertEquals(a.media().get(i).name(), b.media().get(i).name());
                assertEquals(a.media().get(i).size(), b.media().get(i).size());
                assertArrayEquals(
                        a.media().get(i).readAllBytes(), b.media().get(i).readAllBytes());
            }
        }
        assertEquals(before, Fixtures.tempFileCount());
    }

    @Test
    void legacy2LayoutHasMetaStubAndNumberedMedia() throws Exception {
        Path out = dir.resolve("orbit.colpkg");
        try (AnkiPackage p = Fixtures.read("orbit-test-collection.colpkg")) {
            new PackageWriter().write(p, out, PackageWriter.Options.legacy2(true));
        }
        try (ZipFile z = new ZipFile(out.toFile())) {
            assertEquals(
                    List.of("meta", "collection.anki21", "collection.anki2", "0", "1", "media"),
                    z.stream().map(ZipEntry::getName).toList());
            assertArrayEquals(new byte[] {8, 2}, read(z, "meta"));
            assertEquals(
                    "{\"0\":\"paste-5146b5478bc75de1c703057f0a51a93a70ca922d.jpg\","
                            + "\"1\":\"paste-235d52a420e48250574495268d1eaadbcd40e188.jpg\"}",
                    new String(read(z, "media"), StandardCharsets.UTF_8));
            assertEquals(ZipEntry.STORED, z.getEntry("0").getMethod());
            assertEquals(ZipEntry.DEFLATED, z.getEntry("collection.anki21").getMethod());
            assertEquals("5146b5478bc75de1c703057f0a51a93a70ca922d", Fixtures.sha1(read(z, "0")));
        }
        // the stub is what a client that only knows collection.anki2 sees
        Path stubOnly = dir.resolve("stub.apkg");
        try (ZipFile z = new ZipFile(out.toFile());
                var zos = new java.util.zip.ZipOutputStream(Files.newOutputStream(stubOnly))) {
            zos.putNextEntry(new ZipEntry("collection.anki2"));
            zos.write(read(z, "collection.anki2"));
        }
        try (AnkiPackage stub = new PackageReader().read(stubOnly)) {
            assertEquals(1, stub.notes().size());
            assertEquals(
                    List.of(PackageWriter.STUB_TEXT, ""), stub.notes().get(0).fields());
            assertEquals(1, stub.cards().size());
            assertEquals("Basic", stub.notetypes().get(1L).getString("name"));
            assertEquals("Default", stub.decks().get(1L).getString("name"));
        }
    }

    @Test
    void legacy1LayoutHasOnlyCollectionAnki2() throws Exception {
        Path out = dir.resolve("pylib.apkg");
        try (AnkiPackage p = Fixtures.read("anki-pylib-media.apkg")) {
            new PackageWriter().write(p, out, new PackageWriter.Options(PackageVersion.LEGACY_1, true));
        }
        try (ZipFile z = new ZipFile(out.toFile())) {
            assertEquals(
                    List.of("collection.anki2", "0", "media"),
                    z.stream().map(ZipEntry::getName).toList());
            assertEquals("{\"0\":\"foo.wav\"}", new String(read(z, "media"), StandardCharsets.UTF_8));
        }
        try (AnkiPackage b = new PackageReader().read(out)) {
            assertEquals(PackageVersion.LEGACY_1, b.sourceVersion());
            assertEquals("L;*}1M{l6|", b.notes().get(0).guid());
        }
    }

    /** Schema-18 sources survive Latest → read exactly (the v11 JSON came from protobuf in the first place). */
    @ParameterizedTest
    @ValueSource(strings = {"anki-pwa-music-intervals.apkg", "yanki-backup-2026-03-30.colpkg"})
    void latestRoundTripOfSchema18Sources(String fixture) throws Exception {
        long before = Fixtures.tempFileCount();
        try (AnkiPackage a = Fixtures.read(fixture);
                AnkiPackage b = roundTrip(a, new PackageWriter.Options(PackageVersion.LATEST, true))) {
            assertEquals(PackageVersion.LATEST, b.sourceVersion());
            assertEquals(a.collection(), b.collection());
            assertEquals(a.notetypes(), b.notetypes());
            assertEquals(a.decks(), b.decks());
            assertEquals(a.deckConfigs(), b.deckConfigs());
            assertEquals(a.tags(), b.tags());
            assertEquals(a.notes(), b.notes());
            assertEquals(a.cards(), b.cards());
            assertEquals(a.revlog(), b.revlog());
        }
        assertEquals(before, Fixtures.tempFileCount());
    }

    /** Legacy sources through Latest: rows and media exact, names/structure of the JSON objects kept. */
    @Test
    void latestLayoutFromLegacySourceWithMedia() throws Exception {
        Path out = dir.resolve("orbit-latest.colpkg");
        try (AnkiPackage a = Fixtures.read("ankidroid-templates.apkg");
                AnkiPackage b = roundTrip(a, new PackageWriter.Options(PackageVersion.LATEST, true))) {
            assertEquals(a.notes(), b.notes());
            assertEquals(a.cards(), b.cards());
            assertEquals(a.revlog(), b.revlog());
            assertEquals(18, b.collection().ver());
            assertEquals(a.collection().conf(), b.collection().conf());
            assertEquals(a.decks().keySet(), b.decks().keySet());
            for (Long id : a.decks().keySet()) {
                JsonObject da = a.decks().get(id);
                JsonObject db = b.decks().get(id);
                assertEquals(da.getString("name"), db.getString("name"));
                assertEquals(da.getInt("dyn"), db.getInt("dyn"));
                assertEquals(da.get("terms"), db.get("terms"));
            }
            for (Long id : a.notetypes().keySet()) {
                assertEquals(
                        a.notetypes().get(id).getString("name"),
                        b.notetypes().get(id).getString("name"));
                assertEquals(
                        a.notetypes().get(id).get("flds").asJsonArray().size(),
                        b.notetypes().get(id).get("flds").asJsonArray().size());
                assertEquals(
                        a.notetypes()
                                .get(id)
                                .getJsonArray("tmpls")
                                .getJsonObject(0)
                                .getString("qfmt"),
                        b.notetypes()
                                .get(id)
                                .getJsonArray("tmpls")
                                .getJsonObject(0)
                                .getString("qfmt"));
            }
            JsonObject ca = a.deckConfigs().get(1L);
            JsonObject cb = b.deckConfigs().get(1L);
            assertEquals(
                    ca.getJsonObject("new").getInt("perDay"),
                    cb.getJsonObject("new").getInt("perDay"));
            assertEquals(
                    ca.getJsonObject("new").getInt("initialFactor"),
                    cb.getJsonObject("new").getInt("initialFactor"));
        }
        try (AnkiPackage a = Fixtures.read("orbit-test-collection.colpkg")) {
            new PackageWriter().write(a, out, new PackageWriter.Options(PackageVersion.LATEST, true));
            try (AnkiPackage b = new PackageReader().read(out)) {
                assertEquals(a.graves(), b.graves());
                assertEquals(a.revlog(), b.revlog());
            }
        }
        try (ZipFile z = new ZipFile(out.toFile())) {
            assertEquals(
                    List.of("meta", "collection.anki21b", "collection.anki2", "0", "1", "media"),
                    z.stream().map(ZipEntry::getName).toList());
            assertArrayEquals(new byte[] {8, 3}, read(z, "meta"));
        }
        try (AnkiPackage b = new PackageReader().read(out)) {
            assertEquals(2, b.media().size());
            assertEquals(27766, b.media().get(0).size());
            assertEquals(
                    "5146b5478bc75de1c703057f0a51a93a70ca922d",
                    Fixtures.sha1(b.media().get(0).open()));
            assertEquals(
                    "paste-235d52a420e48250574495268d1eaadbcd40e188.jpg",
                    b.media().get(1).name());
            assertEquals(
                    "235d52a420e48250574495268d1eaadbcd40e188",
                    Fixtures.sha1(b.media().get(1).open()));
        }
    }

    @Test
    void withoutSchedulingCardsAreResetToNewAndRevlogDropped() throws Exception {
        try (AnkiPackage a = Fixtures.read("srs-converter-mixed-legacy-2.apkg");
                AnkiPackage b = roundTrip(a, PackageWriter.Options.legacy2(false))) {
            assertEquals(13, b.cards().size());
            assertEquals(0, b.revlog().size());
            assertTrue(b.cards().stream()
                    .allMatch(c -> c.type() == 0
                            && c.queue() == 0
                            && c.ivl() == 0
                            && c.factor() == 0
                            && c.reps() == 0
                            && c.lapses() == 0
                            && c.data().isEmpty()));
            // review cards go back to the new position remembered in data.pos
            ApkgCard first = b.cards().get(0);
            assertEquals(1755501927620L, first.id());
            assertEquals(1055, first.due());
            assertEquals(a.notes(), b.notes());
        }
    }

    @Test
    void withoutSchedulingFilteredDecksAreDroppedAndSystemTagsRemoved() throws Exception {
        try (AnkiPackage a = Fixtures.read("ankidroid-templates.apkg");
                AnkiPackage b = roundTrip(a, PackageWriter.Options.legacy2(false))) {
            assertEquals(9, b.decks().size());
            assertNull(b.decks().get(1371989140089L));
            assertTrue(
                    b.cards().stream().allMatch(c -> c.odid() == 0 && b.decks().containsKey(c.did())));
            assertEquals(
                    79 + 12 + 4,
                    b.cards().stream().filter(c -> c.did() == 1371403431638L).count());
            assertTrue(a.notes().stream().anyMatch(n -> n.tagList().contains("marked")));
            assertFalse(b.notes().stream().anyMatch(n -> n.tagList().contains("marked")));
            assertEquals(48, b.notes().size());
            assertEquals(0, b.revlog().size());
            // a card that was new keeps its position
            ApkgCard newBefore = a.cards().stream()
                    .filter(c -> c.type() == 0 && c.odid() == 0)
                    .findFirst()
                    .orElseThrow();
            ApkgCard newAfter = b.cards().stream()
                    .filter(c -> c.id() == newBefore.id())
                    .findFirst()
                    .orElseThrow();
            assertEquals(newBefore.due(), newAfter.due());
        }
    }

    @Test
    void packageBuiltInMemoryGetsDefaultDeckPresetAndConfig() throws Exception {
        AnkiPackage p = new AnkiPackage(new CollectionInfo(
                1700000000L, 1700000000000L, 1700000000000L, 11, jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        p.notetypes().put(5L, AnkiDefaults.basicNotetype(5L));
        p.notes()
                .add(new ApkgNote(
                        10,
                        "abc",
                        5,
                        1700000000L,
                        -1,
                        " x ",
                        "front\u001fback",
                        "front",
                        Checksum.fieldChecksum("front"),
                        0,
                        ""));
        p.cards().add(new ApkgCard(11, 10, 1, 0, 1700000000L, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, ""));
        p.media().add(ApkgMediaFile.ofBytes("a b.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        try (AnkiPackage b = roundTrip(p, PackageWriter.Options.legacy2(true))) {
            assertEquals("Default", b.decks().get(1L).getString("name"));
            assertEquals(20, b.deckConfigs().get(1L).getJsonObject("new").getInt("perDay"));
            assertEquals(5L, b.collection().conf().getJsonNumber("curModel").longValue());
            assertEquals(2, b.collection().conf().getInt("nextPos"));
            assertEquals(p.notes(), b.notes());
            assertEquals(p.cards(), b.cards());
            assertEquals(Map.of(), b.tags());
            assertEquals("hello", new String(b.media().get(0).readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void checksumMatchesAnkiTestVectors() {
        assertEquals(2840236005L, Checksum.fieldChecksum("test"));
        assertEquals(1464653051L, Checksum.fieldChecksum("今日"));
    }

    private static byte[] read(ZipFile z, String name) throws Exception {
        try (InputStream in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
