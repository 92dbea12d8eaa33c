package dev.ankiconnect.media;

import dev.ankiconnect.error.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a media {@code path} from the server's disk, only inside the directories of
 * {@code mediaPathAllowlist}. The path must be absolute; it is checked once as written (after
 * removing {@code .} and {@code ..}) and again after every symbolic link is resolved, so neither
 * {@code ..} nor a link can lead out. Paths outside the list are refused without saying whether
 * they exist.
 */
final class PathSource {

    private final List<Path> allowed;

    PathSource(List<String> allowlist) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : allowlist) {
            try {
                Path dir = Path.of(entry);
                if (dir.isAbsolute()) {
                    dirs.add(dir.normalize());
                }
            } catch (InvalidPathException e) {
                // An unusable entry allows nothing.
            }
        }
        this.allowed = List.copyOf(dirs);
    }

    byte[] read(String path, long maxBytes) {
        if (allowed.isEmpty()) {
            throw new Refusal(Refusal.Kind.MEDIA_PATH_DISABLED);
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw refused(path);
        }
        if (!p.isAbsolute() || !(inside(p.normalize(), allowed) || inside(p.normalize(), realDirs()))) {
            throw refused(path);
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refusal(Refusal.Kind.NO_SUCH_FILE, path);
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.MEDIA_PATH_UNREADABLE, path, e.getMessage());
        }
        if (!inside(real, realDirs())) {
            throw refused(path);
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal(Refusal.Kind.IS_DIRECTORY, path);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal(Refusal.Kind.MEDIA_PATH_NOT_REGULAR, path);
        }
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw MediaStore.tooLarge(path, Files.size(real), maxBytes);
            }
            return data;
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.MEDIA_PATH_UNREADABLE, path, e.getMessage());
        }
    }

    private List<Path> realDirs() {
        List<Path> out = new ArrayList<>();
        for (Path dir : allowed) {
            try {
                out.add(dir.toRealPath());
            } catch (IOException e) {
                // A directory that does not exist holds no files.
            }
        }
        return out;
    }

    private static boolean inside(Path p, List<Path> dirs) {
        for (Path dir : dirs) {
            if (p.startsWith(dir) && !p.equals(dir)) {
                return true;
            }
        }
        return false;
    }

    private static Refusal refused(String path) {
        return new Refusal(Refusal.Kind.MEDIA_PATH_OUTSIDE, path);
    }
}
