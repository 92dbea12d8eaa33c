package dev.ankiconnect.packages;

import dev.ankiconnect.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The package directory ({@code packageDir}) and the rule that every path importPackage reads or
 * exportPackage writes lies inside it: relative paths resolve against it; {@code ..}, absolute
 * paths elsewhere and symbolic links that lead out of it are refused before anything is opened.
 */
public final class PackagePaths {

    private final Path root;

    /** @param root the package directory; created when missing */
    public PackagePaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
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
            throw new InvalidInputException("[Errno 2] No such file or directory: '" + path + "'");
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            // A dangling link: it leads nowhere, so it cannot be read.
            throw new InvalidInputException("[Errno 2] No such file or directory: '" + path + "'");
        }
        if (!real.startsWith(realRoot())) {
            throw outside(path);
        }
        if (Files.isDirectory(real)) {
            throw new InvalidInputException("[Errno 21] Is a directory: '" + path + "'");
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
        if (p.equals(root)) {
            throw new InvalidInputException("[Errno 21] Is a directory: '" + path + "'");
        }
        Path realRoot = realRoot();
        Path existing = p.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
                throw outside(path);
            }
            Path parent = p.getParent();
            Files.createDirectories(parent);
            Path realParent = parent.toRealPath();
            if (!realParent.startsWith(realRoot)) {
                throw outside(path);
            }
            Path target = realParent.resolve(p.getFileName());
            if (Files.isSymbolicLink(target)) {
                throw outside(path);
            }
            if (Files.isDirectory(target)) {
                throw new InvalidInputException("[Errno 21] Is a directory: '" + path + "'");
            }
            return target;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write package \"" + path + "\": " + e.getMessage());
        }
    }

    /** The path resolved against the root with {@code .} and {@code ..} removed; refused when it leaves the root. */
    Path lexical(String path) {
        if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new InvalidInputException("[Errno 2] No such file or directory: '" + (path == null ? "" : path) + "'");
        }
        Path p;
        try {
            p = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("invalid package path \"" + path + "\": " + e.getMessage());
        }
        if (!p.startsWith(root)) {
            throw outside(path);
        }
        return p;
    }

    static InvalidInputException outside(String path) {
        return new InvalidInputException("package path \"" + path
                + "\" is outside the package directory; give a path inside it (configuration key packageDir)");
    }
}
