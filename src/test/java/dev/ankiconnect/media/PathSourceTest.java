package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.error.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathSourceTest {

    @TempDir
    Path tmp;

    private String refusal(String path) {
        return "media path '" + path + "' is refused: it is not inside a directory listed in mediaPathAllowlist";
    }

    private String error(PathSource s, String path) {
        return ApiErrors.message(assertThrows(Refusal.class, () -> s.read(path, 1000)));
    }

    @Test
    void emptyAllowlist_refusesEveryPath() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.txt"), "a");
        assertEquals(
                "reading media from a \"path\" is disabled on this server (mediaPathAllowlist is empty)",
                error(new PathSource(List.of()), f.toString()));
    }

    @Test
    void filesInside_areRead() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed/sub"));
        Files.write(allowed.resolve("b.bin"), new byte[] {0, 1, 2, (byte) 255});
        PathSource s = new PathSource(List.of(tmp.resolve("allowed").toString()));
        assertArrayEquals(
                new byte[] {0, 1, 2, (byte) 255},
                s.read(allowed.resolve("b.bin").toString(), 10));
        assertArrayEquals(
                new byte[] {0, 1, 2, (byte) 255},
                s.read(tmp.resolve("allowed/sub/../sub/./b.bin").toString(), 10));
    }

    @Test
    void dotDot_relative_symlinks_andTheDirectoryItself_areRefused() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(allowed.resolve("link.txt"), secret);
        Files.createSymbolicLink(allowed.resolve("dirlink"), tmp);
        PathSource s = new PathSource(List.of(allowed.toString()));
        String up = allowed + "/../secret.txt";
        assertEquals(refusal(up), error(s, up));
        assertEquals(refusal("secret.txt"), error(s, "secret.txt"));
        assertEquals(refusal(secret.toString()), error(s, secret.toString()));
        String link = allowed.resolve("link.txt").toString();
        assertEquals(refusal(link), error(s, link));
        String viaDir = allowed.resolve("dirlink/secret.txt").toString();
        assertEquals(refusal(viaDir), error(s, viaDir));
        assertEquals(refusal(allowed.toString()), error(s, allowed.toString()));
        Path sub = Files.createDirectories(allowed.resolve("sub"));
        assertEquals("[Errno 21] Is a directory: '" + sub + "'", error(s, sub.toString()));
        // A missing file outside says nothing about existence; inside it gets Python's text.
        assertEquals(refusal("/nonexistent/x"), error(s, "/nonexistent/x"));
        String missing = allowed.resolve("missing.txt").toString();
        assertEquals("[Errno 2] No such file or directory: '" + missing + "'", error(s, missing));
    }

    @Test
    void prefixSiblings_areNotInside() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path sibling = Files.createDirectories(tmp.resolve("allowed2"));
        Path f = Files.writeString(sibling.resolve("x.txt"), "x");
        assertEquals(refusal(f.toString()), error(new PathSource(List.of(allowed.toString())), f.toString()));
    }

    @Test
    void tooLarge_isRefused() throws IOException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path f = Files.write(allowed.resolve("big.bin"), new byte[2000]);
        assertEquals(
                "media file \"" + f + "\" is 2000 bytes, larger than the limit of 1000 bytes (maxMediaFileBytes)",
                error(new PathSource(List.of(allowed.toString())), f.toString()));
    }
}
