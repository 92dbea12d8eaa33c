package dev.ankiconnect.apkg;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import dev.ankiconnect.text.NoteFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an {@link AnkiPackage} as an .apkg/.colpkg: by default the legacy layout (schema-11 collection,
 * JSON media map, numbered media entries) that every Anki 2.1.x, current desktop Anki and AnkiDroid
 * import; optionally the Latest (anki21b) layout of Anki 2.1.50+.
 */
public final class PackageWriter {

    /** Text of the stub collection that makes newer-format packages self-explaining to old clients. */
    static final String STUB_TEXT =
            "Please update to the latest Anki version, then import the .colpkg/.apkg file again.";

    /**
     * {@code layout}: {@link PackageVersion#LEGACY_2} (meta 2, collection.anki21 + stub collection.anki2;
     * what current Anki writes for "support older Anki versions") or {@link PackageVersion#LEGACY_1}
     * (collection.anki2 only, also readable by Anki 2.0) or {@link PackageVersion#LATEST} (meta 3,
     * zstd schema-18 collection.anki21b + stub, zstd protobuf media map and zstd media; Anki 2.1.50+
     * only). {@code includeScheduling}: keep card
     * scheduling and the review log; without it cards are reset to new and the revlog is omitted.
     */
    public record Options(PackageVersion layout, boolean includeScheduling) {
        public Options {
            Objects.requireNonNull(layout, "layout");
        }

        public static Options legacy2(boolean includeScheduling) {
            return new Options(PackageVersion.LEGACY_2, includeScheduling);
        }
    }

    public void write(AnkiPackage pkg, Path out, Options options) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            write(pkg, os, options);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out); // no half-written package left behind
            throw e;
        }
    }

    /** Writes the zip to {@code out}; the stream is finished but not closed. */
    public void write(AnkiPackage pkg, OutputStream out, Options options) throws IOException {
        Content c = options.includeScheduling() ? Content.withScheduling(pkg) : Content.withoutScheduling(pkg);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        if (options.layout() == PackageVersion.LATEST) {
            putStored(
                    zip,
                    "meta",
                    new ProtoWriter()
                            .varint(1, PackageVersion.LATEST.metaValue())
                            .toByteArray());
            putLatestCollection(zip, c);
            putCollection(zip, PackageVersion.LEGACY_1.collectionEntry(), Content.stub());
            putLatestMedia(zip, pkg.media());
            zip.finish();
            return;
        }
        if (options.layout() == PackageVersion.LEGACY_2) {
            putStored(
                    zip,
                    "meta",
                    new ProtoWriter()
                            .varint(1, PackageVersion.LEGACY_2.metaValue())
                            .toByteArray());
            putCollection(zip, PackageVersion.LEGACY_2.collectionEntry(), c);
            putCollection(zip, PackageVersion.LEGACY_1.collectionEntry(), Content.stub());
        } else {
            putCollection(zip, PackageVersion.LEGACY_1.collectionEntry(), c);
        }
        putMedia(zip, pkg.media());
        zip.finish();
    }

    private static void putCollection(ZipOutputStream zip, String name, Content c) throws IOException {
        Path db = Files.createTempFile("ankiout-", ".db");
        try {
            Files.delete(db); // sqlite must create the file itself
            CollectionDatabase.writeSchema11(
                    db, c.info, c.notetypes, c.decks, c.deckConfigs, c.tags, c.notes, c.cards, c.revlog, c.graves);
            zip.putNextEntry(new ZipEntry(name)); // deflated, as Anki does for the collection
            Files.copy(db, zip);
            zip.closeEntry();
        } catch (SQLException e) {
            throw new IOException("Cannot write the collection database: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + "-journal"));
        }
    }

    private static void putLatestCollection(ZipOutputStream zip, Content c) throws IOException {
        Path db = Files.createTempFile("ankiout-", ".db");
        Path packed = Files.createTempFile("ankiout-", ".zst");
        try {
            Files.delete(db);
            CollectionDatabase.writeSchema18(
                    db, c.info, c.notetypes, c.decks, c.deckConfigs, c.tags, c.notes, c.cards, c.revlog, c.graves);
            zstd(db, packed);
            putStored(zip, PackageVersion.LATEST.collectionEntry(), ApkgMediaFile.ofPath("db", packed));
        } catch (SQLException e) {
            throw new IOException("Cannot write the collection database: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + "-journal"));
            Files.deleteIfExists(packed);
        }
    }

    /**
     * Latest media: entry i is file i zstd-compressed; the map lists name, uncompressed size and SHA-1.
     * Each file is compressed to a temp file (stored entries need their CRC first), one at a time.
     */
    private static void putLatestMedia(ZipOutputStream zip, List<ApkgMediaFile> media) throws IOException {
        ProtoWriter entries = new ProtoWriter();
        for (int i = 0; i < media.size(); i++) {
            ApkgMediaFile m = media.get(i);
            Path packed = Files.createTempFile("ankiout-", ".zst");
            try {
                MessageDigest sha1 = sha1();
                long size = 0;
                try (InputStream in = m.open();
                        OutputStream out = new ZstdOutputStream(Files.newOutputStream(packed))) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha1.update(buf, 0, n);
                        out.write(buf, 0, n);
                        size += n;
                    }
                }
                putStored(zip, Integer.toString(i), ApkgMediaFile.ofPath(m.name(), packed));
                entries.message(
                        1, new ProtoWriter().string(1, m.name()).varint(2, size).bytes(3, sha1.digest()));
            } finally {
                Files.deleteIfExists(packed);
            }
        }
        putStored(zip, "media", Zstd.compress(entries.toByteArray()));
    }

    private static void zstd(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = new ZstdOutputStream(Files.newOutputStream(to))) {
            in.transferTo(out);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    private static void putMedia(ZipOutputStream zip, List<ApkgMediaFile> media) throws IOException {
        var map = JsonSupport.PROVIDER.createObjectBuilder();
        for (int i = 0; i < media.size(); i++) {
            ApkgMediaFile m = media.get(i);
            map.add(Integer.toString(i), m.name());
            putStored(zip, Integer.toString(i), m);
        }
        putStored(zip, "media", JsonSupport.write(map.build()).getBytes(StandardCharsets.UTF_8));
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        putStored(zip, name, ApkgMediaFile.ofBytes(name, data));
    }

    /** Stored entries need size and CRC up front: one streaming pass to measure, one to copy. */
    private static void putStored(ZipOutputStream zip, String name, ApkgMediaFile file) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = file.open()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                size += n;
            }
        }
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        try (InputStream in = file.open()) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    /** The rows and JSON that go into one collection file, after the scheduling option is applied. */
    private static final class Content {
        CollectionInfo info;
        Map<Long, JsonObject> notetypes;
        Map<Long, JsonObject> decks;
        Map<Long, JsonObject> deckConfigs;
        Map<String, Integer> tags;
        List<ApkgNote> notes;
        List<ApkgCard> cards;
        List<ApkgRevlogEntry> revlog;
        List<Grave> graves = List.of();

        static Content withScheduling(AnkiPackage pkg) {
            Content c = new Content();
            c.notetypes = pkg.notetypes();
            c.decks = withDefault(pkg.decks(), AnkiDefaults.defaultDeck());
            c.deckConfigs = withDefault(pkg.deckConfigs(), AnkiDefaults.defaultDeckConfig());
            c.tags = pkg.tags();
            c.notes = pkg.notes();
            c.cards = pkg.cards();
            c.revlog = pkg.revlog();
            c.graves = pkg.graves();
            c.info = infoFor(pkg, c.cards);
            return c;
        }

        /**
         * As Anki exports without scheduling: cards become new (keeping their new position, else the
         * original position saved in data.pos, else the next free one), leave filtered decks, lose
         * flags; revlog, filtered decks, study counters and the marked/leech tags are dropped.
         */
        static Content withoutScheduling(AnkiPackage pkg) {
            Content c = new Content();
            c.notetypes = pkg.notetypes();
            c.deckConfigs = withDefault(pkg.deckConfigs(), AnkiDefaults.defaultDeckConfig());
            Map<Long, JsonObject> decks = new LinkedHashMap<>();
            pkg.decks().forEach((id, d) -> {
                if (d.getInt("dyn", 0) == 0 && !isTrue(d.get("dyn"))) {
                    decks.put(id, resetStudyCounters(d));
                }
            });
            c.decks = withDefault(decks, AnkiDefaults.defaultDeck());
            long nextPos = nextPosition(pkg);
            c.cards = new ArrayList<>(pkg.cards().size());
            for (ApkgCard card : pkg.cards()) {
                long pos;
                if (card.type() == 0 && card.queue() >= 0 && card.odid() == 0) {
                    pos = card.due();
                } else if (card.type() == 0 && card.odid() != 0) {
                    pos = card.odue();
                } else {
                    Long saved = savedPosition(card.data());
                    pos = saved != null ? saved : nextPos++;
                }
                c.cards.add(card.resetToNew(pos));
            }
            c.notes = new ArrayList<>(pkg.notes().size());
            for (ApkgNote n : pkg.notes()) {
                c.notes.add(withoutSystemTags(n));
            }
            c.tags = new LinkedHashMap<>(pkg.tags());
            c.tags.keySet().removeIf(PackageWriter::isSystemTag);
            c.revlog = List.of();
            c.info = infoFor(pkg, c.cards);
            return c;
        }

        /** The tiny "please update" collection Anki puts in collection.anki2 next to a newer file. */
        static Content stub() {
            Content c = new Content();
            long ntid = 1;
            c.notetypes = Map.of(ntid, AnkiDefaults.basicNotetype(ntid));
            c.decks = Map.of(1L, AnkiDefaults.defaultDeck());
            c.deckConfigs = Map.of(1L, AnkiDefaults.defaultDeckConfig());
            c.tags = Map.of();
            c.notes = List.of(new ApkgNote(
                    1,
                    "stub",
                    ntid,
                    0,
                    0,
                    "",
                    STUB_TEXT + NoteFields.SEPARATOR,
                    STUB_TEXT,
                    Checksum.fieldChecksum(STUB_TEXT),
                    0,
                    ""));
            c.cards = List.of(new ApkgCard(1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, ""));
            c.revlog = List.of();
            c.info = new CollectionInfo(0, 0, 0, 11, AnkiDefaults.withConfigDefaults(null, ntid, 2));
            return c;
        }

        private static CollectionInfo infoFor(AnkiPackage pkg, List<ApkgCard> cards) {
            CollectionInfo src = pkg.collection();
            long curModel = pkg.notetypes().keySet().stream().findFirst().orElse(0L);
            long nextPos = cards.stream()
                            .filter(x -> x.type() == 0)
                            .mapToLong(ApkgCard::due)
                            .max()
                            .orElse(0)
                    + 1;
            return new CollectionInfo(
                    src.crt(),
                    src.mod(),
                    src.scm(),
                    11,
                    AnkiDefaults.withConfigDefaults(src.conf(), curModel, nextPos));
        }
    }

    private static Map<Long, JsonObject> withDefault(Map<Long, JsonObject> map, JsonObject dflt) {
        if (map.containsKey(1L)) {
            return map;
        }
        Map<Long, JsonObject> out = new LinkedHashMap<>();
        out.put(1L, dflt);
        out.putAll(map);
        return out;
    }

    private static boolean isTrue(JsonValue v) {
        return v == JsonValue.TRUE;
    }

    private static JsonObject resetStudyCounters(JsonObject deck) {
        var b = JsonSupport.PROVIDER.createObjectBuilder(deck);
        for (String key : new String[] {"newToday", "revToday", "lrnToday", "timeToday"}) {
            if (deck.containsKey(key)) {
                b.add(key, JsonSupport.PROVIDER.createArrayBuilder().add(0).add(0));
            }
        }
        return b.build();
    }

    private static long nextPosition(AnkiPackage pkg) {
        JsonValue v = pkg.collection().conf().get("nextPos");
        long fromConf = v instanceof JsonNumber n ? n.longValue() : 0;
        long fromCards = pkg.cards().stream()
                        .filter(c -> c.type() == 0)
                        .mapToLong(ApkgCard::due)
                        .max()
                        .orElse(0)
                + 1;
        return Math.max(fromConf, fromCards);
    }

    /** data.pos: the new-card position Anki remembers when a card first leaves the new queue. */
    private static Long savedPosition(String data) {
        if (data == null || data.isBlank()) {
            return null;
        }
        try {
            JsonValue v = JsonSupport.parse(data);
            if (v instanceof JsonObject o && o.get("pos") instanceof JsonNumber n) {
                return n.longValue();
            }
        } catch (RuntimeException e) {
            // Anki reads invalid card data as "nothing set"
        }
        return null;
    }

    private static boolean isSystemTag(String tag) {
        return tag.equalsIgnoreCase("marked") || tag.equalsIgnoreCase("leech");
    }

    private static ApkgNote withoutSystemTags(ApkgNote n) {
        List<String> kept = n.tagList().stream().filter(t -> !isSystemTag(t)).toList();
        if (kept.size() == n.tagList().size()) {
            return n;
        }
        String tags = kept.isEmpty() ? "" : " " + String.join(" ", kept) + " ";
        return new ApkgNote(
                n.id(), n.guid(), n.mid(), n.mod(), n.usn(), tags, n.flds(), n.sfld(), n.csum(), n.flags(), n.data());
    }
}
