package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void plainNames_areKept_caseIncluded() {
        assertEquals("_test.txt", FileNames.normalize("_test.txt"));
        assertEquals("Foo Bar.MP3", FileNames.normalize("Foo Bar.MP3"));
    }

    @Test
    void disallowedCharacters_andDeviceNames_followAnki() {
        assertEquals("con_.jpg", FileNames.normalize("con.jpg[]><:\"/?*^\\|\0\r\n"));
        assertEquals("NUL_", FileNames.normalize("NUL"));
        assertEquals("lpt1_.txt.gz", FileNames.normalize("lpt1.txt.gz"));
        assertEquals("console.txt", FileNames.normalize("console.txt"));
        assertEquals("a b", FileNames.normalize("a\u00a0b"));
        assertEquals("x\u007f".length() - 1, FileNames.normalize("x\u007f").length());
    }

    @Test
    void pathsCannotEscape() {
        assertEquals("..etcpasswd", FileNames.normalize("../etc/passwd"));
        assertEquals("..windowswin.ini", FileNames.normalize("..\\windows\\win.ini"));
        assertEquals("etcpasswd", FileNames.normalize("/etc/passwd"));
        assertEquals(".._", FileNames.normalize(".."));
        assertEquals("._", FileNames.normalize("."));
        assertEquals("", FileNames.normalize("/"));
        assertEquals("ab", FileNames.normalize("a\0b"));
    }

    @Test
    void trailingSpaceOrDot_getsUnderscore() {
        assertEquals("test._", FileNames.normalize("test."));
        assertEquals("test _", FileNames.normalize("test "));
    }

    @Test
    void nfc_andUnassignedAndSurrogates() {
        assertEquals("\u00e9.txt", FileNames.normalize("e\u0301.txt"));
        assertEquals("ab.txt", FileNames.normalize("a\u0378b.txt"));
        assertEquals("ab.txt", FileNames.normalize("a\ud800b.txt"));
        assertEquals("\ud83d\ude00.png", FileNames.normalize("\ud83d\ude00.png"));
    }

    @Test
    void longNames_areTruncatedKeepingTheExtension() {
        String n = FileNames.normalize("x".repeat(240) + ".jpg");
        assertEquals("x".repeat(120 - 4 - 1) + ".jpg", n);
        // Multi-byte characters are never split.
        String m = FileNames.normalize("\u00e9".repeat(100) + ".mp3");
        assertTrue(FileNames.utf8Length(m) <= 120);
        assertTrue(m.endsWith(".mp3"));
        assertEquals("\u00e9".repeat(57) + ".mp3", m);
        assertEquals("x".repeat(120), FileNames.normalize("x".repeat(120)));
        assertEquals("x".repeat(118), FileNames.normalize("x".repeat(121)));
    }

    @Test
    void hashSuffix_isAnkis() {
        assertEquals(
                "test-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.jpg",
                FileNames.withHashSuffix("test.jpg", MediaStore.sha1("hello".getBytes())));
        assertEquals(
                "test-88fdd585121a4ccb3d1540527aee53a77c77abb8",
                FileNames.withHashSuffix("test", MediaStore.sha1("hello1".getBytes())));
        String longName = FileNames.withHashSuffix("y".repeat(118) + ".ogg", MediaStore.sha1(new byte[0]));
        assertEquals(FileNames.MAX_BYTES - 1, longName.length());
    }

    @Test
    void lookupName_isAnkiConnectsRetrieveRule() {
        assertEquals("_test.txt", FileNames.lookupName("some/dir/_test.txt"));
        assertEquals("ab.txt", FileNames.lookupName("a:b.txt"));
        assertEquals("\u00e9", FileNames.lookupName("e\u0301"));
    }

    @Test
    void safeForDisk() {
        assertTrue(FileNames.safeForDisk("a.txt"));
        assertFalse(FileNames.safeForDisk(".."));
        assertFalse(FileNames.safeForDisk("a/b"));
        assertFalse(FileNames.safeForDisk(""));
    }
}
