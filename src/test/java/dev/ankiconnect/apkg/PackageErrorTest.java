package dev.ankiconnect.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken inputs give a PackageFormatException with a readable message and leave no temp files. */
class PackageErrorTest {

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static PackageFormatException failRead(byte[] data) throws IOException {
        long before = Fixtures.tempFileCount();
        PackageFormatException e = assertThrows(
                PackageFormatException.class, () -> new PackageReader().read(new ByteArrayInputStream(data)));
        assertEquals(before, Fixtures.tempFileCount(), "temp files left behind");
        return e;
    }

    @Test
    void notAZip() throws Exception {
        PackageFormatException e = failRead("this is plain text, not a package".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("not a zip file"), e.getMessage());
    }

    @Test
    void notAZipFromPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.apkg");
        Files.write(f, new byte[] {1, 2, 3, 4, 5});
        PackageFormatException e = assertThrows(PackageFormatException.class, () -> new PackageReader().read(f));
        assertTrue(e.getMessage().contains("broken.apkg is not a zip file"), e.getMessage());
    }

    @Test
    void zipWithoutCollection() throws Exception {
        PackageFormatException e =
                failRead(zip(Map.of("media", "{}".getBytes(StandardCharsets.UTF_8), "readme.txt", new byte[] {65})));
        assertTrue(e.getMessage().contains("contains no collection"), e.getMessage());
    }

    @Test
    void corruptSqlite() throws Exception {
        byte[] garbage =
                "SQLite format 3\0 but then nothing sensible at all".repeat(200).getBytes(StandardCharsets.UTF_8);
        PackageFormatException e = failRead(zip(Map.of("collection.anki2", garbage, "media", "{}".getBytes())));
        assertTrue(e.getMessage().startsWith("collection.anki2 is not a readable Anki collection"), e.getMessage());
    }

    @Test
    void sqliteWithoutAnkiTables() throws Exception {
        // a valid but empty SQLite database: a 0-byte file opens as an empty db
        PackageFormatException e = failRead(zip(Map.of("collection.anki21", new byte[0])));
        assertTrue(e.getMessage().contains("collection.anki21 is not a readable Anki collection"), e.getMessage());
    }

    @Test
    void corruptZstdCollection() throws Exception {
        PackageFormatException e = failRead(zip(
                Map.of("meta", new byte[] {8, 3}, "collection.anki21b", "not zstd".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("Cannot unpack collection.anki21b"), e.getMessage());
    }

    @Test
    void packageFromANewerAnki() throws Exception {
        PackageFormatException e = failRead(zip(Map.of("meta", new byte[] {8, 9}, "collection.anki2", new byte[] {1})));
        assertTrue(e.getMessage().contains("newer Anki (package version 9)"), e.getMessage());
    }

    @Test
    void corruptMediaMap() throws Exception {
        byte[] col = Files.readAllBytes(Fixtures.path("anki-pylib-media.apkg"));
        // take the real collection out of the fixture and pair it with a broken map
        byte[] db;
        try (var z = new java.util.zip.ZipInputStream(new ByteArrayInputStream(col))) {
            ZipEntry entry;
            while ((entry = z.getNextEntry()) != null && !entry.getName().equals("collection.anki2")) {
                // skip
            }
            db = z.readAllBytes();
        }
        PackageFormatException e = failRead(zip(Map.of(
                "collection.anki2", db, "media", "{\"0\": 5}".getBytes(StandardCharsets.UTF_8), "0", new byte[] {1})));
        assertTrue(e.getMessage().startsWith("The package's media map is corrupt"), e.getMessage());
    }
}
