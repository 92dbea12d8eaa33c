package dev.ankiconnect.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads anki21b (zstd, schema 18, protobuf) packages and checks the v11 JSON conversion. */
class Schema18PackageReaderTest {

    @Test
    void musicIntervalsNotesCardsAndNotetype() throws Exception {
        try (AnkiPackage p = Fixtures.read("anki-pwa-music-intervals.apkg")) {
            assertEquals(PackageVersion.LATEST, p.sourceVersion());
            CollectionInfo col = p.collection();
            assertEquals(18, col.ver());
            assertEquals(1706702400L, col.crt());
            assertEquals(1741401406378L, col.mod());
            assertEquals(1741401406375L, col.scm());
            assertEquals(480, col.conf().getInt("creationOffset"));
            assertEquals(2, col.conf().getInt("schedVer"));
            assertEquals("noteFld", col.conf().getString("sortType"));
            assertEquals(JsonValue.TRUE, col.conf().get("sched2021"));

            assertEquals(340, p.notes().size());
            assertEquals(340, p.cards().size());
            assertEquals(0, p.revlog().size());
            assertEquals(0, p.media().size());
            assertTrue(p.cards().stream().allMatch(c -> c.type() == 0 && c.queue() == 0));

            ApkgNote n = p.notes().get(0);
            assertEquals(1484237387194L, n.id());
            assertEquals("jQ5F>p-)~+", n.guid());
            assertEquals(List.of("The perfect 5th of C is...", "<h1>G</h1>"), n.fields());
            assertEquals(List.of("easy", "interval"), n.tagList());
            assertEquals(2805491301L, n.csum());
            assertEquals(
                    new ApkgCard(
                            1484237387253L,
                            1484237387194L,
                            1741401357760L,
                            0,
                            1484237387L,
                            -1,
                            0,
                            0,
                            41,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0,
                            "{}"),
                    p.cards().get(0));

            // the fields/templates tables hold orphan rows of other notetypes: only Basic+ is real
            assertEquals(Set.of(1483568031035L), p.notetypes().keySet());
            JsonObject nt = p.notetypes().get(1483568031035L);
            assertEquals("Basic+", nt.getString("name"));
            assertEquals(1741401357L, nt.getJsonNumber("mod").longValue());
            assertEquals(-1, nt.getInt("usn"));
            assertEquals(0, nt.getInt("type"));
            assertEquals(0, nt.getInt("sortf"));
            assertTrue(nt.getString("css").startsWith(".card {\n font-family: arial;"));
            assertTrue(nt.getString("latexPre").startsWith("\\documentclass[12pt]{article}"));
            assertEquals("\\end{document}", nt.getString("latexPost"));
            // target_deck_id_unused survives as the legacy "did"
            assertEquals(1484324595221L, nt.getJsonNumber("did").longValue());
            // req [[0, "any", [0]]], encoded in the protobuf as a CardRequirement
            assertEquals("[[0,\"any\",[0]]]", nt.getJsonArray("req").toString());
            // keys from the protobuf's "other" JSON are merged in
            assertEquals("[\"key-sharp\"]", nt.getJsonArray("tags").toString());
            JsonArray flds = nt.getJsonArray("flds");
            assertEquals(2, flds.size());
            assertEquals("Front", flds.getJsonObject(0).getString("name"));
            assertEquals(1, flds.getJsonObject(1).getInt("ord"));
            assertEquals("Arial", flds.getJsonObject(0).getString("font"));
            assertEquals(20, flds.getJsonObject(0).getInt("size"));
            JsonObject tmpl = nt.getJsonArray("tmpls").getJsonObject(0);
            assertEquals("Card 1", tmpl.getString("name"));
            assertEquals("{{Front}}", tmpl.getString("qfmt"));
            assertEquals("{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", tmpl.getString("afmt"));
            assertEquals("Arial", tmpl.getString("bfont"));
            assertEquals(12, tmpl.getInt("bsize"));
        }
    }

    @Test
    void musicIntervalsDecksTagsAndPreset() throws Exception {
        try (AnkiPackage p = Fixtures.read("anki-pwa-music-intervals.apkg")) {
            assertEquals(6, p.decks().size());
            assertEquals(
                    "Music Intervals::2/ Middle - minor 2nd, perfect 4th, 6th, 7th",
                    p.decks().get(1741401357761L).getString("name"));
            JsonObject parent = p.decks().get(1741401357759L);
            assertEquals(0, parent.getInt("dyn"));
            assertEquals(1, parent.getInt("conf"));
            assertTrue(parent.getString("desc")
                    .startsWith("Please see the <a href='https://ankiweb.net/shared/info/785148670'>"));
            JsonObject dflt = p.decks().get(1L);
            assertEquals("Default", dflt.getString("name"));
            assertEquals(JsonValue.TRUE, dflt.get("collapsed"));
            assertEquals(JsonValue.TRUE, dflt.get("browserCollapsed"));
            assertEquals("[0,0]", dflt.getJsonArray("newToday").toString());
            Map<Long, Long> perDeck =
                    p.cards().stream().collect(Collectors.groupingBy(ApkgCard::did, Collectors.counting()));
            assertEquals(
                    Map.of(1741401357760L, 59L, 1741401357761L, 82L, 1741401357762L, 97L, 1741401357763L, 102L),
                    perDeck);

            // this file's tags table is empty; the tags live only on the notes
            assertEquals(Map.of(), p.tags());
            assertEquals(
                    new TreeSet<>(List.of("easy", "hard", "hardcore", "interval", "middle", "tags")),
                    p.notes().stream()
                            .flatMap(x -> x.tagList().stream())
                            .collect(Collectors.toCollection(TreeSet::new)));

            assertEquals(Set.of(1L), p.deckConfigs().keySet());
            JsonObject conf = p.deckConfigs().get(1L);
            assertEquals("Default", conf.getString("name"));
            assertEquals(
                    "[1.0,10.0]",
                    conf.getJsonObject("new").getJsonArray("delays").toString());
            assertEquals(20, conf.getJsonObject("new").getInt("perDay"));
            assertEquals(2500, conf.getJsonObject("new").getInt("initialFactor"));
            assertEquals(
                    "[1,4,0]", conf.getJsonObject("new").getJsonArray("ints").toString());
            assertEquals(1, conf.getJsonObject("new").getInt("order")); // proto "due" = v11 1
            assertEquals(200, conf.getJsonObject("rev").getInt("perDay"));
            assertEquals(1.3, conf.getJsonObject("rev").getJsonNumber("ease4").doubleValue());
            assertEquals(
                    1.2, conf.getJsonObject("rev").getJsonNumber("hardFactor").doubleValue());
            assertEquals(36500, conf.getJsonObject("rev").getInt("maxIvl"));
            assertEquals(
                    "[10.0]", conf.getJsonObject("lapse").getJsonArray("delays").toString());
            assertEquals(8, conf.getJsonObject("lapse").getInt("leechFails"));
            assertEquals(1, conf.getJsonObject("lapse").getInt("leechAction"));
            assertEquals(1, conf.getJsonObject("lapse").getInt("minInt"));
            assertEquals(0.0, conf.getJsonObject("lapse").getJsonNumber("mult").doubleValue());
            assertEquals(60, conf.getInt("maxTaken"));
            assertEquals(0.9, conf.getJsonNumber("desiredRetention").doubleValue());
            assertEquals(7, conf.getJsonArray("easyDaysPercentages").size());
        }
    }

    @Test
    void emptyBackupColpkgHasStockNotetypes() throws Exception {
        try (AnkiPackage p = Fixtures.read("yanki-backup-2026-03-30.colpkg")) {
            assertEquals(PackageVersion.LATEST, p.sourceVersion());
            assertEquals(0, p.notes().size());
            assertEquals(0, p.cards().size());
            assertEquals(0, p.revlog().size());
            assertEquals(0, p.media().size());
            assertEquals(1774857600L, p.collection().crt());
            assertEquals(
                    List.of(
                            "Basic",
                            "Basic (and reversed card)",
                            "Basic (optional reversed card)",
                            "Basic (type in the answer)",
                            "Cloze",
                            "Image Occlusion"),
                    p.notetypes().values().stream()
                            .map(o -> o.getString("name"))
                            .toList());
            JsonObject cloze = p.notetypes().get(1774903411537L);
            assertEquals(1, cloze.getInt("type"));
            assertEquals(
                    List.of("Text", "Back Extra"),
                    cloze.getJsonArray("flds").stream()
                            .map(f -> f.asJsonObject().getString("name"))
                            .toList());
            assertEquals(
                    5, p.notetypes().get(1774903411538L).getJsonArray("flds").size());
            assertEquals(Set.of(1L), p.decks().keySet());
            assertEquals(1, p.deckConfigs().size());
            JsonObject conf = p.collection().conf();
            assertEquals(240, conf.getInt("creationOffset"));
            assertEquals(4, conf.getInt("rollover"));
            assertEquals(12, conf.getJsonObject("backups").getInt("daily"));
            assertEquals(1774903411533L, conf.getJsonNumber("curModel").longValue());
            assertEquals(28, conf.size());
        }
    }

    /**
     * No real anki21b fixture ships media, so build one: the music-intervals collection plus a
     * zstd protobuf media map and a zstd-compressed media file, exactly as the Latest layout stores them.
     */
    @Test
    void latestLayoutMediaAreDecompressedLazily(@TempDir Path dir) throws Exception {
        byte[] image = "not really a png, but bytes are bytes\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(image);
        ProtoWriter entry =
                new ProtoWriter().string(1, "grün.png").varint(2, image.length).bytes(3, sha1);
        byte[] map = Zstd.compress(new ProtoWriter().message(1, entry).toByteArray());

        Path pkg = dir.resolve("with-media.apkg");
        try (ZipFile src = new ZipFile(
                        Fixtures.path("anki-pwa-music-intervals.apkg").toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(pkg))) {
            for (String name : List.of("meta", "collection.anki21b", "collection.anki2")) {
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = src.getInputStream(src.getEntry(name))) {
                    in.transferTo(out);
                }
            }
            out.putNextEntry(new ZipEntry("media"));
            out.write(map);
            out.putNextEntry(new ZipEntry("0"));
            out.write(Zstd.compress(image));
        }

        long before = Fixtures.tempFileCount();
        try (AnkiPackage p = new PackageReader().read(Files.newInputStream(pkg))) {
            assertEquals(340, p.notes().size());
            assertEquals(1, p.media().size());
            ApkgMediaFile m = p.media().get(0);
            assertEquals("grün.png", m.name());
            assertEquals(image.length, m.size());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = m.open()) {
                in.transferTo(bytes);
            }
            assertEquals(Fixtures.sha1(image), Fixtures.sha1(bytes.toByteArray()));
            // read from a stream with media: the spooled copy lives until close
            assertEquals(before + 1, Fixtures.tempFileCount());
        }
        assertEquals(before, Fixtures.tempFileCount());
        assertFalse(Files.list(dir).anyMatch(f -> f.getFileName().toString().endsWith(".db")));
    }
}
