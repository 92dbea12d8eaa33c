package dev.ankiconnect.packages;

import dev.ankiconnect.pkg.AnkiPackage;
import dev.ankiconnect.pkg.PackageReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A package directory for one IT deployment, filled with the real fixtures of src/test/resources/pkg. */
final class PackageFixtures {

    static final String[] FILES = {"anki-pylib-media.apkg", "ankidroid-templates.apkg",
        "srs-converter-mixed-legacy-2.apkg", "anki-pwa-music-intervals.apkg", "orbit-test-collection.colpkg"};

    /** Kept in src/test/resources/packages/. */
    static final String GOV_VOCAB = "anki-pwa-ap-gov-vocab.apkg";

    private PackageFixtures() {
    }

    /** A fresh directory under target/it-data holding copies of the fixtures. */
    static Path newDir(String name) {
        Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data"), name + "-pkgdir-" + UUID.randomUUID())
                .toAbsolutePath();
        try {
            Files.createDirectories(dir);
            for (String f : FILES) {
                Files.copy(source(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(Path.of("src/test/resources/packages", GOV_VOCAB).toAbsolutePath(), dir.resolve(GOV_VOCAB),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Path source(String file) {
        return Path.of("src/test/resources/pkg", file).toAbsolutePath();
    }

    static AnkiPackage read(Path file) {
        try {
            return new PackageReader().read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
