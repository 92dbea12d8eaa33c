package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.error.Refusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaSourcesTest {

    @Test
    void base64_decodes_andIgnoresLineBreaks() {
        assertArrayEquals(
                "Hello, world!".getBytes(StandardCharsets.UTF_8),
                MediaSources.decodeBase64("f", "SGVsbG8sIHdvcmxkIQ==", 100));
        assertArrayEquals(
                "Hello, world!".getBytes(StandardCharsets.UTF_8),
                MediaSources.decodeBase64("f", "SGVsbG8s\r\nIHdvcmxkIQ==\n", 100));
    }

    @Test
    void badBase64_isAClearError() {
        String text = ApiErrors.message(
                assertThrows(Refusal.class, () -> MediaSources.decodeBase64("f.txt", "not base64!", 100)));
        assertTrue(text.startsWith("\"data\" of media file \"f.txt\" is not valid base64: "), text);
        assertThrows(Refusal.class, () -> MediaSources.decodeBase64("f", "SGVsbG8-_w==", 100));
        assertThrows(Refusal.class, () -> MediaSources.decodeBase64("f", "A", 100));
    }

    @Test
    void tooLarge_isRefusedBeforeDecoding() {
        assertEquals(
                "media file \"big\" is 12 bytes, larger than the limit of 8 bytes (maxMediaFileBytes)",
                ApiErrors.message(
                        assertThrows(Refusal.class, () -> MediaSources.decodeBase64("big", "AAAAAAAAAAAAAAAA", 8))));
        assertEquals(9, MediaSources.decodeBase64("ok", "AAAAAAAAAAAA", 9).length);
    }

    /** Large data is decoded in pieces, with the results and errors of one Base64 decode of the whole text. */
    @org.junit.jupiter.api.Test
    void largeDataDecodesInPiecesLikeOneDecode() {
        java.util.Random r = new java.util.Random(15);
        for (int size : new int[] {0, 1, 2, 3, 49_151, 49_152, 49_153, 200_000, 1_000_001}) {
            byte[] raw = new byte[size];
            r.nextBytes(raw);
            String text = java.util.Base64.getEncoder().encodeToString(raw);
            org.junit.jupiter.api.Assertions.assertArrayEquals(raw, MediaSources.decodeBase64("f", text, 10_000_000));
            String unpadded = java.util.Base64.getEncoder().withoutPadding().encodeToString(raw);
            org.junit.jupiter.api.Assertions.assertArrayEquals(raw, MediaSources.decodeInPieces(unpadded, raw.length));
        }
        String big = "A".repeat(200_000);
        for (String bad : new String[] {big + "A", big.substring(0, 100_000) + "==" + big, big + "-AAA", big + "é"}) {
            String expected = null;
            try {
                java.util.Base64.getDecoder().decode(bad);
            } catch (IllegalArgumentException e) {
                expected = e.getMessage();
            }
            String got = null;
            try {
                MediaSources.decodeInPieces(bad, bad.length());
            } catch (IllegalArgumentException e) {
                got = e.getMessage();
            }
            org.junit.jupiter.api.Assertions.assertNotNull(expected);
            org.junit.jupiter.api.Assertions.assertEquals(expected, got);
        }
    }
}
