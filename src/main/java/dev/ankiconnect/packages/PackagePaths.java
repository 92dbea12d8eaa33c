package dev.ankiconnect.packages;

import dev.ankiconnect.error.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The package directory ({@code packageDir}), the directories a single-user install also opens to
 * absolute paths ({@code packagePathAllowlist}), and the rule that every path importPackage reads or
 * exportPackage writes lies inside one of them: relative paths resolve against the package directory;
 * {@code ..}, absolute paths elsewhere and symbolic links that lead out are refused before anything is
 * opened.
 */
public final class PackagePaths {

    private final Path root;
    /** The package directory first, then the allowed directories. */
    private final List<Path> areas;

    /** @param root the package directory; created when missing */
    public PackagePaths(Path root) {
        this(root, List.of());
    }

    /**
     * @param root    the package directory; created when missing
     * @param allowed further directories (absolute; others are ignored) whose files absolute paths may name
     */
    public PackagePaths(Path root, List<String> allowed) {
        this.root = root.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>();
        all.add(this.root);
        for (String entry : allowed) {
            try {
                Path dir = Path.of(entry);
                if (dir.isAbsolute()) {
                    all.add(dir.normalize());
                }
            } catch (InvalidPathException e) {
                // An unusable entry allows nothing.
            }
        }
        this.areas = List.copyOf(all);
    }

    public Path root() {
        return root;
    }

    /** The real (link-free) package directory, created when missing. */
    Path realRoot() {
        try {
            Files.createDirectories(root);
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the package directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** An existing package file to read; Python's error text when it does not exist. */
    public Path forReading(String path) {
        Path p = lexical(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) {
            throw new Refusal(Refusal.Kind.NO_SUCH_FILE, path);
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            // A dangling link: it leads nowhere, so it cannot be read.
            throw new Refusal(Refusal.Kind.NO_SUCH_FILE, path);
        }
        if (!insideReal(real)) {
            throw outside(path);
        }
        if (Files.isDirectory(real)) {
            throw new Refusal(Refusal.Kind.IS_DIRECTORY, path);
        }
        return real;
    }

    /**
     * Where to write a package: inside the directory, its missing parent directories created (only
     * after the nearest existing one was found to be inside), an existing file only if it is a
     * regular file inside the directory.
     */
    public Path forWriting(String path) {
        Path p = lexical(path);
        if (areas.contains(p)) {
            throw new Refusal(Refusal.Kind.IS_DIRECTORY, path);
        }
        realRoot();
        Path existing = p.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !insideReal(existing.toRealPath())) {
                throw outside(path);
            }
            Path parent = p.getParent();
            Files.createDirectories(parent);
            Path realParent = parent.toRealPath();
            if (!insideReal(realParent)) {
                throw outside(path);
            }
            Path target = realParent.resolve(p.getFileName());
            if (Files.isSymbolicLink(target)) {
                throw outside(path);
            }
            if (Files.isDirectory(target)) {
                throw new Refusal(Refusal.Kind.IS_DIRECTORY, path);
            }
            return target;
        } catch (IOException e) {
            throw new Refusal(e, Refusal.Kind.PACKAGE_PATH_UNWRITABLE, path);
        }
    }

    /** True when a link-free path lies in the real (link-free) form of one of the directories. */
    private boolean insideReal(Path real) {
        if (real.startsWith(realRoot())) {
            return true;
        }
        for (Path area : areas.subList(1, areas.size())) {
            try {
                if (real.startsWith(area.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                // a missing allowed directory holds nothing
            }
        }
        return false;
    }

    /**
     * The path resolved against the package directory with {@code .} and {@code ..} removed; refused when it is
     * in none of the directories.
     */
    Path lexical(String path) {
        if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new Refusal(Refusal.Kind.NO_SUCH_FILE, path);
        }
        Path p;
        try {
            p = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new Refusal(Refusal.Kind.PACKAGE_PATH_INVALID, path, e.getMessage());
        }
        for (Path area : areas) {
            if (p.startsWith(area)) {
                return p;
            }
        }
        throw outside(path);
    }

    static Refusal outside(String path) {
        return new Refusal(Refusal.Kind.PACKAGE_PATH_OUTSIDE, path);
    }
}
