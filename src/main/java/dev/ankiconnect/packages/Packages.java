package dev.ankiconnect.packages;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.PackageFormatException;
import dev.ankiconnect.apkg.PackageReader;
import dev.ankiconnect.apkg.PackageWriter;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.ProfileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** importPackage / exportPackage behind the actions and the HTTP endpoints: paths, reading, writing. */
@ApplicationScoped
public class Packages {

    @Inject
    Settings settings;

    @Inject
    PackageImporter importer;

    @Inject
    PackageExporter exporter;

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    dev.ankiconnect.user.Caller caller;

    /**
     * The package directory: {@code packageDir}, else {@code <dataDir>/packages}, with {@code packagePathAllowlist}.
     * In multi-user mode each user has a directory of their own in it, {@code user-<id>}, and nothing else: no
     * path reaches another user's files, and the allowlist does not apply.
     */
    public PackagePaths paths() {
        String dir = settings.config().string(ConfigKey.PACKAGE_DIR);
        Path root = dir != null ? Path.of(dir) : settings.config().dataDir().resolve("packages");
        if (settings.config().multiUser()) {
            dev.ankiconnect.user.UserStore.User user = caller.user();
            if (user == null) {
                throw new IllegalStateException("no user: in multi-user mode every action needs a user's api key");
            }
            return new PackagePaths(root.resolve("user-" + user.id()));
        }
        return new PackagePaths(root, settings.config().list(ConfigKey.PACKAGE_PATH_ALLOWLIST));
    }

    /** Imports the package at {@code path} (inside the package directory) into the active profile. */
    public PackageImporter.Summary importFrom(String path) {
        return importFile(paths().forReading(path));
    }

    /** Imports a package file that has already been checked to be a permitted one. */
    PackageImporter.Summary importFile(Path file) {
        try (AnkiPackage pkg = new PackageReader().read(file)) {
            PackageImporter.Summary s = importer.importPackage(pkg);
            ProfileStore.find(tx.em(), profile.id()).ifPresent(prof -> prof.touch(System.currentTimeMillis()));
            return s;
        } catch (PackageFormatException e) {
            throw new Refusal(e, Refusal.Kind.CAUSE_TEXT);
        } catch (IOException e) {
            throw new Refusal(e, Refusal.Kind.PACKAGE_UNREADABLE);
        }
    }

    /** Writes the deck (with subdecks) to {@code path}; false when there is no such deck. */
    public boolean exportTo(String deck, String path, boolean includeSched) {
        Optional<AnkiPackage> pkg = exporter.gather(deck, includeSched);
        if (pkg.isEmpty()) {
            return false;
        }
        writeFile(pkg.get(), paths().forWriting(path), includeSched);
        return true;
    }

    /** The deck's package in a temp file that the caller deletes, or empty when there is no such deck. */
    Optional<Path> exportToTemp(String deck, boolean includeSched) {
        Optional<AnkiPackage> pkg = exporter.gather(deck, includeSched);
        if (pkg.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path dir = paths().realRoot();
            Path tmp = Files.createTempFile(dir, ".download-", ".apkg");
            new PackageWriter().write(pkg.get(), tmp, PackageWriter.Options.legacy2(includeSched));
            return Optional.of(tmp);
        } catch (IOException e) {
            throw new Refusal(e, Refusal.Kind.PACKAGE_UNWRITABLE);
        }
    }

    /** Written beside the target and moved over it, so a reader never sees half a package. */
    private static void writeFile(AnkiPackage pkg, Path target, boolean includeSched) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".export-", ".tmp");
            new PackageWriter().write(pkg, tmp, PackageWriter.Options.legacy2(includeSched));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new Refusal(e, Refusal.Kind.PACKAGE_UNWRITABLE);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
