package dev.ankiconnect.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the schema-11 fixtures (collection.anki2 and collection.anki21) and checks exact contents. */
class LegacyPackageReaderTest {

    @Test
    void pylibMediaPackage() throws Exception {
        try (AnkiPackage p = Fixtures.read("anki-pylib-media.apkg")) {
            assertEquals(PackageVersion.LEGACY_1, p.sourceVersion());
            assertEquals(
                    new CollectionInfo(
                            1348167600L,
                            1348208860319L,
                            1348208860294L,
                            11,
                            p.collection().conf()),
                    p.collection());
            assertEquals(3, p.notetypes().size());
            // two notetypes share the name Basic under different ids
            assertEquals("Basic", p.notetypes().get(1348208860315L).getString("name"));
            assertEquals("Basic", p.notetypes().get(1348208768231L).getString("name"));
            assertEquals("Cloze", p.notetypes().get(1348208860314L).getString("name"));
            assertEquals(1, p.notes().size());
            ApkgNote n = p.notes().get(0);
            assertEquals(1348208769429L, n.id());
            assertEquals("L;*}1M{l6|", n.guid());
            assertEquals(1348208768231L, n.mid());
            assertEquals(List.of("[sound:foo.wav]", ""), n.fields());
            assertEquals(685612576L, n.csum());
            assertEquals(List.of(), n.tagList());
            ApkgCard c = p.cards().get(0);
            assertEquals(
                    new ApkgCard(
                            1348208775304L,
                            1348208769429L,
                            1,
                            0,
                            1348208860L,
                            -1,
                            0,
                            0,
                            2,
                            0,
                            2500,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            ""),
                    c);
            assertEquals(0, p.revlog().size());
            assertEquals(1, p.media().size());
            ApkgMediaFile m = p.media().get(0);
            assertEquals("foo.wav", m.name());
            assertEquals(4, m.size());
            assertEquals("abc\n", new String(m.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("03cfd743661f07975fa2f1220c5194cbaff48451", Fixtures.sha1(m.open()));
        }
    }

    @Test
    void ankidroidTemplates() throws Exception {
        try (AnkiPackage p = Fixtures.read("ankidroid-templates.apkg")) {
            assertEquals(48, p.notes().size());
            assertEquals(146, p.cards().size());
            assertEquals(102, p.revlog().size());
            assertEquals(0, p.media().size());
            assertEquals(9, p.notetypes().size());
            JsonObject thai = p.notetypes().get(1404110860496L);
            assertEquals("Thaischrift", thai.getString("name"));
            assertEquals(
                    "Bilder Rückseite",
                    thai.getJsonArray("flds").getJsonObject(7).getString("name"));
            assertEquals("Karte 1", thai.getJsonArray("tmpls").getJsonObject(0).getString("name"));
            assertEquals(
                    8, p.notetypes().get(1370745371343L).getJsonArray("tmpls").size());
            assertEquals(1, p.notetypes().get(1419859943736L).getInt("type"));

            assertEquals(11, p.decks().size());
            assertEquals(
                    "1-TEMPLATES::Anatomy::BadTemplate",
                    p.decks().get(1371989140089L).getString("name"));
            assertEquals(
                    2,
                    p.decks().values().stream()
                            .filter(d -> d.getInt("dyn") == 1)
                            .count());

            ApkgNote n = p.notes().get(0);
            assertEquals(1370745757161L, n.id());
            assertEquals("fd6;[gN5e{", n.guid());
            assertEquals(List.of("Muscle", "UpperEx", "arm"), n.tagList());
            assertEquals(7, n.fields().size());
            assertEquals("Coracobrachialis", n.fields().get(0));
            assertEquals("<img src=\"Coracobrachialis.JPG\" />", n.fields().get(6));
            assertEquals("Coracobrachialis", n.sfld());

            ApkgCard c = p.cards().get(0);
            assertEquals(1370745930925L, c.id());
            assertEquals(2, c.ord());
            assertEquals(6988, c.due());
            assertEquals(1001, c.left());
            assertEquals(1371403431638L, c.did());
            assertEquals(
                    16,
                    p.cards().stream().filter(x -> x.odid() == 1371403431638L).count());

            Map<Integer, Long> byType =
                    p.cards().stream().collect(Collectors.groupingBy(ApkgCard::type, Collectors.counting()));
            assertEquals(Map.of(0, 131L, 1, 15L), byType);

            assertEquals(
                    new ApkgRevlogEntry(1404609557545L, 1404535701831L, -1, 2, 1, -3600, 2500, 1347, 0),
                    p.revlog().get(0));
            assertTrue(p.revlog().stream().allMatch(r -> r.type() == 0));
        }
    }

    @Test
    void orbitCollectionPackageWithMedia() throws Exception {
        try (AnkiPackage p = Fixtures.read("orbit-test-collection.colpkg")) {
            assertEquals(PackageVersion.LEGACY_1, p.sourceVersion());
            assertEquals(5, p.notes().size());
            assertEquals(7, p.cards().size());
            assertEquals(1, p.revlog().size());
            assertEquals(14, p.graves().size());
            assertTrue(p.graves().stream().allMatch(g -> g.type() == 1));
            assertEquals(7, p.notetypes().size());
            assertEquals(
                    11, p.notetypes().get(1586378882646L).getJsonArray("flds").size());
            assertEquals(
                    List.of("Default"),
                    p.decks().values().stream().map(d -> d.getString("name")).toList());
            ApkgCard review =
                    p.cards().stream().filter(c -> c.type() == 2).findFirst().orElseThrow();
            assertEquals(4, review.ivl());
            assertEquals(2, review.queue());
            assertEquals(4, review.due());
            assertEquals(1586378910504L, review.id());
            assertEquals(List.of("Test Q", "Test A"), p.notes().get(0).fields());
            assertEquals("biI#@AAL9q", p.notes().get(0).guid());

            assertEquals(2, p.media().size());
            ApkgMediaFile m0 = p.media().get(0);
            ApkgMediaFile m1 = p.media().get(1);
            assertEquals("paste-5146b5478bc75de1c703057f0a51a93a70ca922d.jpg", m0.name());
            assertEquals(27766, m0.size());
            assertEquals(27766, m0.readAllBytes().length);
            assertEquals("5146b5478bc75de1c703057f0a51a93a70ca922d", Fixtures.sha1(m0.open()));
            assertEquals("paste-235d52a420e48250574495268d1eaadbcd40e188.jpg", m1.name());
            assertEquals(31288, m1.size());
            assertEquals("235d52a420e48250574495268d1eaadbcd40e188", Fixtures.sha1(m1.open()));
        }
    }

    @Test
    void anki21PackageIgnoresTheStub() throws Exception {
        try (AnkiPackage p = Fixtures.read("srs-converter-mixed-legacy-2.apkg")) {
            assertEquals(PackageVersion.LEGACY_2, p.sourceVersion());
            assertEquals(11, p.collection().ver());
            assertEquals(1681178400L, p.collection().crt());
            assertEquals(8, p.notes().size());
            assertEquals(13, p.cards().size());
            assertEquals(26, p.revlog().size());
            assertTrue(p.cards().stream().allMatch(c -> c.type() == 2 && c.queue() == 2));
            assertTrue(p.notes().stream().noneMatch(n -> n.flds().contains("Please update")));
            assertEquals(2, p.collection().conf().getInt("schedVer"));
            assertEquals(-120, p.collection().conf().getInt("creationOffset"));

            assertEquals(
                    List.of("Occlusion", "Image", "Header", "Back Extra", "Comments"),
                    p.notetypes().get(1722337061626L).getJsonArray("flds").stream()
                            .map(f -> f.asJsonObject().getString("name"))
                            .toList());
            ApkgCard c = p.cards().get(0);
            assertEquals(
                    new ApkgCard(
                            1755501927620L,
                            1755501927619L,
                            1755501847974L,
                            0,
                            1755502066L,
                            127,
                            2,
                            2,
                            871,
                            11,
                            2500,
                            2,
                            0,
                            0,
                            0,
                            0,
                            0,
                            "{\"pos\":1055,\"s\":12.116,\"d\":5.61,\"dr\":0.9}"),
                    c);
            assertEquals(
                    new ApkgRevlogEntry(1755502051870L, 1755501927620L, 127, 3, -600, 0, 623, 6425, 0),
                    p.revlog().get(0));
            ApkgNote n = p.notes().get(0);
            assertEquals("cYo+,.?%Nh", n.guid());
            assertEquals("In a cloze, some {{c1::fields}} are {{c2::hidden}}.", n.sfld());

            assertEquals(1, p.media().size());
            ApkgMediaFile m = p.media().get(0);
            assertEquals("paste-ab21b25dd3e4ba4af2a1d8bdfa4c47455e53abac.jpg", m.name());
            assertEquals(10701, m.size());
            assertEquals("ab21b25dd3e4ba4af2a1d8bdfa4c47455e53abac", Fixtures.sha1(m.open()));
            assertNull(p.decks().get(2L));
            assertEquals("Test - Mixed Types", p.decks().get(1755501847974L).getString("name"));
        }
    }
}
