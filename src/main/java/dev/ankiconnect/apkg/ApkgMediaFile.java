package dev.ankiconnect.apkg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One media file of a package: its real file name and a way to open its bytes. Contents are opened
 * on demand (from the package zip, a file, or a byte array), so a large media set is never held in
 * memory as a whole.
 */
public final class ApkgMediaFile {

    /** Opens a fresh stream of the file's (decompressed) contents. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final long size;
    private final Opener opener;

    /** {@code size} is the uncompressed length in bytes, or -1 when unknown. */
    public ApkgMediaFile(String name, long size, Opener opener) {
        this.name = Objects.requireNonNull(name, "name");
        this.size = size;
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    public static ApkgMediaFile ofBytes(String name, byte[] data) {
        byte[] copy = data.clone();
        return new ApkgMediaFile(name, copy.length, () -> new ByteArrayInputStream(copy));
    }

    public static ApkgMediaFile ofPath(String name, Path file) throws IOException {
        return new ApkgMediaFile(name, Files.size(file), () -> Files.newInputStream(file));
    }

    public String name() {
        return name;
    }

    /** Uncompressed size in bytes, or -1 if the package did not say. */
    public long size() {
        return size;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    public byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    @Override
    public String toString() {
        return "MediaFile[" + name + ", " + size + " bytes]";
    }
}
