package dev.ankiconnect.apkg;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Locates the copied fixture packages and offers small helpers shared by the tests. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/pkg/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static AnkiPackage read(String name) throws IOException {
        return new PackageReader().read(path(name));
    }

    static String sha1(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }

    static String sha1(InputStream in) throws Exception {
        try (in) {
            return sha1(in.readAllBytes());
        }
    }

    /** Our temp files all start with "anki"; count them to prove none are left behind. */
    static long tempFileCount() throws IOException {
        // Where Files.createTempFile really writes: the JDK reads java.io.tmpdir once, so a value
        // set later (surefire's systemPropertyVariables) may not be the directory in use.
        Path probe = Files.createTempFile("probe-", ".tmp");
        Path dir = probe.getParent();
        Files.delete(probe);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith("ankipkg-") || n.startsWith("ankicol-") || n.startsWith("ankiout-");
                    })
                    .count();
        }
    }
}
