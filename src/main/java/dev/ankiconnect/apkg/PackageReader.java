package dev.ankiconnect.apkg;

import com.github.luben.zstd.ZstdInputStream;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads .apkg and .colpkg files (legacy anki2, anki21, and zstd anki21b layouts) into an
 * {@link AnkiPackage}. Media stay in the zip and are decompressed when opened, so the returned
 * package must be closed.
 */
public final class PackageReader {

    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd};

    /** Reads the package file; media are opened lazily from it until the package is closed. */
    public AnkiPackage read(Path file) throws IOException {
        ZipFile zip = openZip(file, file.getFileName().toString());
        try {
            AnkiPackage pkg = readZip(zip);
            // keep the zip open only if media still need it
            if (pkg.media().isEmpty()) {
                zip.close();
            } else {
                pkg.setResource(zip);
            }
            return pkg;
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * Reads a package from a stream. The stream is spooled to a temp file (zip needs random access);
     * the file is deleted when the returned package is closed, or at once if it has no media.
     */
    public AnkiPackage read(InputStream in) throws IOException {
        Path tmp = Files.createTempFile("ankipkg-", ".zip");
        boolean handedOver = false;
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            ZipFile zip = openZip(tmp, "input stream");
            try {
                AnkiPackage pkg = readZip(zip);
                if (!pkg.media().isEmpty()) {
                    pkg.setResource(() -> {
                        try {
                            zip.close();
                        } finally {
                            Files.deleteIfExists(tmp);
                        }
                    });
                    handedOver = true;
                } else {
                    zip.close();
                }
                return pkg;
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static ZipFile openZip(Path file, String label) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new PackageFormatException("Not an Anki package: " + label + " is not a zip file", e);
        }
    }

    private AnkiPackage readZip(ZipFile zip) throws IOException {
        PackageVersion version = chooseVersion(zip);
        AnkiPackage pkg = readCollection(zip, version);
        pkg.setSourceVersion(version);
        readMedia(zip, pkg);
        return pkg;
    }

    /** Which collection file to import: the meta entry decides when present, else the newest file found. */
    static PackageVersion chooseVersion(ZipFile zip) throws IOException {
        ZipEntry meta = zip.getEntry("meta");
        if (meta != null) {
            byte[] bytes;
            try (InputStream in = zip.getInputStream(meta)) {
                bytes = in.readAllBytes();
            }
            long value = 0;
            try {
                ProtoReader r = new ProtoReader(bytes);
                while (r.next()) {
                    if (r.field() == 1 && r.wireType() == ProtoReader.VARINT) {
                        value = r.varint();
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new PackageFormatException("The package's meta entry is corrupt", e);
            }
            PackageVersion v = PackageVersion.fromMeta(value);
            if (v == null) {
                throw new PackageFormatException(
                        "The package was made by a newer Anki (package version " + value + ") and is not supported");
            }
            if (zip.getEntry(v.collectionEntry()) == null) {
                throw new PackageFormatException(
                        "The package's meta names " + v.collectionEntry() + " but the zip has no such entry");
            }
            return v;
        }
        // prefer the newest layout: older ones only hold a "please update" stub next to it
        for (PackageVersion v :
                new PackageVersion[] {PackageVersion.LATEST, PackageVersion.LEGACY_2, PackageVersion.LEGACY_1}) {
            if (zip.getEntry(v.collectionEntry()) != null) {
                return v;
            }
        }
        throw new PackageFormatException("Not an Anki package: the zip contains no collection"
                + " (collection.anki21b, collection.anki21 or collection.anki2)");
    }

    private AnkiPackage readCollection(ZipFile zip, PackageVersion version) throws IOException {
        ZipEntry entry = zip.getEntry(version.collectionEntry());
        Path db = Files.createTempFile("ankicol-", ".db");
        try {
            try (InputStream raw = zip.getInputStream(entry);
                    InputStream in = version == PackageVersion.LATEST ? new ZstdInputStream(raw) : raw) {
                Files.copy(in, db, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                if (e instanceof ZipException || version == PackageVersion.LATEST) {
                    throw new PackageFormatException("Cannot unpack " + entry.getName() + ": " + e.getMessage(), e);
                }
                throw e;
            }
            disableWal(db);
            try (Connection c = CollectionDatabase.open(db, true)) {
                return CollectionDatabase.read(c);
            } catch (SQLException | RuntimeException e) {
                throw new PackageFormatException(
                        entry.getName() + " is not a readable Anki collection: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(db);
            // belt and braces: sqlite's side files must not outlive the temp database either
            for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
    }

    /**
     * Schema-18 files are in WAL mode (header bytes 18/19 = 2), which makes even a read-only open
     * create -wal/-shm files; setting both bytes to 1 (rollback journal) reads the same data without them.
     */
    private static void disableWal(Path db) throws IOException {
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(20);
            if (ch.read(header, 0) < 20) {
                return; // too short to be a database; sqlite will report it
            }
            if (header.get(18) == 2 || header.get(19) == 2) {
                ch.write(ByteBuffer.wrap(new byte[] {1, 1}), 18);
            }
        }
    }

    private void readMedia(ZipFile zip, AnkiPackage pkg) throws IOException {
        ZipEntry mapEntry = zip.getEntry("media");
        if (mapEntry == null) {
            return; // older AnkiDroid colpkgs have no map: no media
        }
        byte[] map;
        try (InputStream in = zip.getInputStream(mapEntry)) {
            map = in.readAllBytes();
        }
        try {
            if (startsWith(map, ZSTD_MAGIC)) {
                byte[] proto;
                // streamed zstd frames need not state their size, so decompress as a stream
                try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(map))) {
                    proto = in.readAllBytes();
                }
                readProtobufMediaMap(zip, pkg, proto);
            } else {
                readJsonMediaMap(zip, pkg, new String(map, StandardCharsets.UTF_8));
            }
        } catch (RuntimeException | IOException e) {
            throw new PackageFormatException("The package's media map is corrupt: " + e.getMessage(), e);
        }
    }

    private static void readJsonMediaMap(ZipFile zip, AnkiPackage pkg, String json) throws PackageFormatException {
        JsonObject obj = JsonSupport.parseObject(json);
        // sort by the numeric entry name so media come out in package order
        obj.entrySet().stream()
                .sorted((a, b) -> Long.compare(parseIndex(a.getKey()), parseIndex(b.getKey())))
                .forEach(e -> {
                    JsonValue name = e.getValue();
                    if (!(name instanceof JsonString s)) {
                        throw new IllegalArgumentException("media name for " + e.getKey() + " is not a string");
                    }
                    addEntry(zip, pkg, e.getKey(), s.getString(), -1, false);
                });
    }

    private static long parseIndex(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** MediaEntries { repeated MediaEntry entries = 1 }; MediaEntry { name = 1; size = 2; sha1 = 3; legacy_zip_filename = 255 }. */
    private static void readProtobufMediaMap(ZipFile zip, AnkiPackage pkg, byte[] proto) {
        ProtoReader entries = new ProtoReader(proto);
        int index = 0;
        while (entries.next()) {
            if (entries.field() != 1) {
                continue;
            }
            String name = "";
            long size = -1;
            Long legacyName = null;
            ProtoReader e = entries.message();
            while (e.next()) {
                switch (e.field()) {
                    case 1 -> name = e.string();
                    case 2 -> size = e.varint();
                    case 255 -> legacyName = e.varint();
                    default -> {}
                }
            }
            String entryName = Long.toString(legacyName != null ? legacyName : index);
            addEntry(zip, pkg, entryName, name, size, true);
            index++;
        }
    }

    private static void addEntry(
            ZipFile zip, AnkiPackage pkg, String entryName, String realName, long size, boolean maybeCompressed) {
        if (realName.isEmpty() || realName.contains("/") || realName.contains("\\")) {
            throw new IllegalArgumentException("unsafe media file name '" + realName + "'");
        }
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            return; // listed but not shipped: Anki skips such files too
        }
        long knownSize = size >= 0 ? size : (maybeCompressed ? -1 : entry.getSize());
        pkg.media().add(new ApkgMediaFile(realName, knownSize, () -> {
            InputStream raw = zip.getInputStream(entry);
            return maybeCompressed ? decompressIfZstd(raw) : raw;
        }));
    }

    /** Latest packages zstd-compress each media file; peek at the magic rather than trusting that. */
    private static InputStream decompressIfZstd(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        return startsWith(head, ZSTD_MAGIC) ? new ZstdInputStream(in) : in;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
