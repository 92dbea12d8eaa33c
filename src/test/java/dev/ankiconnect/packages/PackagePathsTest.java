package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.error.Refusal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagePathsTest {

    @TempDir
    Path tmp;

    Path root;
    Path outside;
    PackagePaths paths;

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("packages");
        outside = Files.createDirectories(tmp.resolve("secret"));
        Files.writeString(outside.resolve("x.apkg"), "secret");
        paths = new PackagePaths(root);
    }

    private String outsideMessage(String path) {
        return "package path \"" + path + "\" is outside the package directory; give a path inside it"
                + " (configuration key packageDir)";
    }

    @Test
    void relativeAndAbsolutePathsInsideAreRead() throws Exception {
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/a.apkg"), "x");
        assertEquals(root.resolve("sub/a.apkg").toRealPath(), paths.forReading("sub/a.apkg"));
        assertEquals(
                root.resolve("sub/a.apkg").toRealPath(),
                paths.forReading(root.resolve("sub/a.apkg").toString()));
        assertEquals(root.resolve("sub/a.apkg").toRealPath(), paths.forReading("sub/../sub/./a.apkg"));
    }

    @Test
    void escapesAreRefused() throws Exception {
        Files.createDirectories(root);
        for (String p :
                new String[] {"../secret/x.apkg", outside.resolve("x.apkg").toString(), "/etc/passwd", ".."}) {
            assertEquals(outsideMessage(p), ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading(p))));
            assertEquals(outsideMessage(p), ApiErrors.message(assertThrows(Refusal.class, () -> paths.forWriting(p))));
        }
    }

    @Test
    void symlinksLeadingOutAreRefused() throws Exception {
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("link.apkg"), outside.resolve("x.apkg"));
        Files.createSymbolicLink(root.resolve("dir"), outside);
        assertEquals(
                outsideMessage("link.apkg"),
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading("link.apkg"))));
        assertEquals(
                outsideMessage("dir/x.apkg"),
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading("dir/x.apkg"))));
        assertEquals(
                outsideMessage("dir/new.apkg"),
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forWriting("dir/new.apkg"))));
        assertEquals(
                outsideMessage("dir/deeper/new.apkg"),
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forWriting("dir/deeper/new.apkg"))));
        assertFalse(Files.exists(outside.resolve("deeper")));
        assertEquals(
                outsideMessage("link.apkg"),
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forWriting("link.apkg"))));
        assertEquals("secret", Files.readString(outside.resolve("x.apkg")));
    }

    @Test
    void missingFilesAndDirectoriesGivePythonsErrors() throws Exception {
        Files.createDirectories(root.resolve("d"));
        assertEquals(
                "[Errno 2] No such file or directory: 'none.apkg'",
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading("none.apkg"))));
        assertEquals(
                "[Errno 2] No such file or directory: ''",
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading(""))));
        assertEquals(
                "[Errno 21] Is a directory: 'd'",
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading("d"))));
        assertEquals(
                "[Errno 21] Is a directory: 'd'",
                ApiErrors.message(assertThrows(Refusal.class, () -> paths.forWriting("d"))));
    }

    @Test
    void writingCreatesMissingDirectoriesInside() throws Exception {
        Path target = paths.forWriting("new/deep/out.apkg");
        assertTrue(Files.isDirectory(root.resolve("new/deep")));
        assertEquals(root.resolve("new/deep").toRealPath().resolve("out.apkg"), target);
    }

    @Test
    void allowlistedDirectoriesTakeAbsolutePathsWithTheSameProtections() throws Exception {
        Path desktop = Files.createDirectories(tmp.resolve("home/me/Desktop"));
        Files.writeString(desktop.resolve("deck.apkg"), "mine");
        PackagePaths allowing = new PackagePaths(root, java.util.List.of(desktop.toString(), "relative/ignored"));
        assertEquals(
                desktop.resolve("deck.apkg").toRealPath(),
                allowing.forReading(desktop.resolve("deck.apkg").toString()));
        assertEquals(
                desktop.resolve("out/new.apkg"),
                allowing.forWriting(desktop.resolve("out/new.apkg").toString()));
        // a relative path resolves against the package directory; where it lands decides, as for an absolute one
        assertEquals(desktop.resolve("deck.apkg").toRealPath(), allowing.forReading("../home/me/Desktop/deck.apkg"));
        // ".." out of an allowed directory, a sibling, and a link out of it are refused
        for (String p : new String[] {
            desktop + "/../../../secret/x.apkg",
            outside.resolve("x.apkg").toString(),
            tmp.resolve("home/me/Documents/x.apkg").toString()
        }) {
            assertEquals(
                    outsideMessage(p), ApiErrors.message(assertThrows(Refusal.class, () -> allowing.forReading(p))));
            assertEquals(
                    outsideMessage(p), ApiErrors.message(assertThrows(Refusal.class, () -> allowing.forWriting(p))));
        }
        Files.createSymbolicLink(desktop.resolve("link.apkg"), outside.resolve("x.apkg"));
        Files.createSymbolicLink(desktop.resolve("dir"), outside);
        String link = desktop.resolve("link.apkg").toString();
        String viaDir = desktop.resolve("dir/new.apkg").toString();
        assertEquals(
                outsideMessage(link), ApiErrors.message(assertThrows(Refusal.class, () -> allowing.forReading(link))));
        assertEquals(
                outsideMessage(link), ApiErrors.message(assertThrows(Refusal.class, () -> allowing.forWriting(link))));
        assertEquals(
                outsideMessage(viaDir),
                ApiErrors.message(assertThrows(Refusal.class, () -> allowing.forWriting(viaDir))));
        assertEquals("secret", Files.readString(outside.resolve("x.apkg")));
        // the directory itself is not a package file
        assertThrows(Refusal.class, () -> allowing.forWriting(desktop.toString()));
        // without the allowlist the same absolute path is refused
        String mine = desktop.resolve("deck.apkg").toString();
        assertEquals(
                outsideMessage(mine), ApiErrors.message(assertThrows(Refusal.class, () -> paths.forReading(mine))));
    }
}
