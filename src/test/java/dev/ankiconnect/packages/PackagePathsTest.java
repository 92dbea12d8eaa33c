package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.InvalidInputException;
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
        assertEquals(root.resolve("sub/a.apkg").toRealPath(), paths.forReading(root.resolve("sub/a.apkg").toString()));
        assertEquals(root.resolve("sub/a.apkg").toRealPath(), paths.forReading("sub/../sub/./a.apkg"));
    }

    @Test
    void escapesAreRefused() throws Exception {
        Files.createDirectories(root);
        for (String p : new String[] {"../secret/x.apkg", outside.resolve("x.apkg").toString(), "/etc/passwd", ".."}) {
            assertEquals(outsideMessage(p), assertThrows(InvalidInputException.class, () -> paths.forReading(p)).getMessage());
            assertEquals(outsideMessage(p), assertThrows(InvalidInputException.class, () -> paths.forWriting(p)).getMessage());
        }
    }

    @Test
    void symlinksLeadingOutAreRefused() throws Exception {
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("link.apkg"), outside.resolve("x.apkg"));
        Files.createSymbolicLink(root.resolve("dir"), outside);
        assertEquals(outsideMessage("link.apkg"),
                assertThrows(InvalidInputException.class, () -> paths.forReading("link.apkg")).getMessage());
        assertEquals(outsideMessage("dir/x.apkg"),
                assertThrows(InvalidInputException.class, () -> paths.forReading("dir/x.apkg")).getMessage());
        assertEquals(outsideMessage("dir/new.apkg"),
                assertThrows(InvalidInputException.class, () -> paths.forWriting("dir/new.apkg")).getMessage());
        assertEquals(outsideMessage("dir/deeper/new.apkg"),
                assertThrows(InvalidInputException.class, () -> paths.forWriting("dir/deeper/new.apkg")).getMessage());
        assertFalse(Files.exists(outside.resolve("deeper")));
        assertEquals(outsideMessage("link.apkg"),
                assertThrows(InvalidInputException.class, () -> paths.forWriting("link.apkg")).getMessage());
        assertEquals("secret", Files.readString(outside.resolve("x.apkg")));
    }

    @Test
    void missingFilesAndDirectoriesGivePythonsErrors() throws Exception {
        Files.createDirectories(root.resolve("d"));
        assertEquals("[Errno 2] No such file or directory: 'none.apkg'",
                assertThrows(InvalidInputException.class, () -> paths.forReading("none.apkg")).getMessage());
        assertEquals("[Errno 2] No such file or directory: ''",
                assertThrows(InvalidInputException.class, () -> paths.forReading("")).getMessage());
        assertEquals("[Errno 21] Is a directory: 'd'",
                assertThrows(InvalidInputException.class, () -> paths.forReading("d")).getMessage());
        assertEquals("[Errno 21] Is a directory: 'd'",
                assertThrows(InvalidInputException.class, () -> paths.forWriting("d")).getMessage());
    }

    @Test
    void writingCreatesMissingDirectoriesInside() throws Exception {
        Path target = paths.forWriting("new/deep/out.apkg");
        assertTrue(Files.isDirectory(root.resolve("new/deep")));
        assertEquals(root.resolve("new/deep").toRealPath().resolve("out.apkg"), target);
    }
}
