package dev.ankiconnect.media;

import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to {@code getMediaDirPath}. The media of a profile live in the database, so there
 * is no folder a client could use as desktop Anki's {@code collection.media}; instead, with
 * {@code mediaDirExport=true} (the default), the server keeps a read-only export of the active
 * profile's files at {@code <dataDir>/media/profile-<id>/collection.media}, brought up to date
 * (files added, changed and removed) each time the path is asked for, and returns its absolute
 * path. Files written into it are never read back. With {@code mediaDirExport=false} the action
 * fails with {@link Refusal.Kind#MEDIA_DIR_DISABLED}.
 */
@ApplicationScoped
public class MediaDir {

    @Inject
    Settings settings;

    @Inject
    ActiveProfile profile;

    @Inject
    MediaStore store;

    /** SHA-1 of the files this server wrote or checked, by path, so unchanged files are not re-read. */
    private final Map<String, String> written = new java.util.concurrent.ConcurrentHashMap<>();

    /** Brings the export up to date and returns its absolute path. */
    public String export() {
        if (!MediaSources.flag(settings.config(), ConfigKey.MEDIA_DIR_EXPORT)) {
            throw new Refusal(Refusal.Kind.MEDIA_DIR_DISABLED);
        }
        Path dir = settings.config()
                .dataDir()
                .resolve("media")
                .resolve("profile-" + profile.id())
                .resolve("collection.media")
                .toAbsolutePath()
                .normalize();
        // Read before the lock: this request takes its database connection holding no lock.
        List<MediaStore.CatalogueEntry> catalogue = store.catalogue();
        synchronized (this) {
            try {
                Files.createDirectories(dir);
                sync(dir, catalogue);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the media export " + dir + ": " + e.getMessage(), e);
            }
        }
        return dir.toString();
    }

    private void sync(Path dir, List<MediaStore.CatalogueEntry> catalogue) throws IOException {
        Map<String, MediaStore.CatalogueEntry> wanted = new HashMap<>();
        for (MediaStore.CatalogueEntry row : catalogue) {
            if (FileNames.safeForDisk(row.name())) {
                wanted.put(row.name(), row);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                MediaStore.CatalogueEntry row = wanted.get(name);
                if (row == null || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    written.remove(f.toString());
                    deleteTree(f);
                } else if (upToDate(f, row)) {
                    wanted.remove(name);
                }
            }
        }
        for (MediaStore.CatalogueEntry row : wanted.values()) {
            String name = row.name();
            Path target = dir.resolve(name);
            if (!target.getParent().equals(dir)) {
                continue;
            }
            Optional<byte[]> content = store.content(name);
            if (content.isEmpty()) {
                continue;
            }
            Path tmp = Files.createTempFile(dir.getParent(), ".export-", ".tmp");
            try {
                Files.write(tmp, content.get());
                Files.setLastModifiedTime(tmp, FileTime.fromMillis(row.mtime() * 1000));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.put(target.toString(), row.sha1());
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Same size, mtime and SHA-1 (remembered from the write, else computed once). */
    private boolean upToDate(Path f, MediaStore.CatalogueEntry row) throws IOException {
        if (Files.size(f) != row.size()
                || Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000 != row.mtime()) {
            return false;
        }
        String key = f.toString();
        String sha1 = written.get(key);
        if (sha1 == null) {
            sha1 = MediaStore.sha1(Files.readAllBytes(f));
            written.put(key, sha1);
        }
        return sha1.equals(row.sha1());
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
                for (Path c : children) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
