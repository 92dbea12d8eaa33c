package dev.ankiconnect.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaSourcesTest {

    @Test
    void base64_decodes_andIgnoresLineBreaks() {
        assertArrayEquals("Hello, world!".getBytes(StandardCharsets.UTF_8),
                MediaSources.decodeBase64("f", "SGVsbG8sIHdvcmxkIQ==", 100));
        assertArrayEquals("Hello, world!".getBytes(StandardCharsets.UTF_8),
                MediaSources.decodeBase64("f", "SGVsbG8s\r\nIHdvcmxkIQ==\n", 100));
    }

    @Test
    void badBase64_isAClearError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MediaSources.decodeBase64("f.txt", "not base64!", 100));
        assertTrue(e.getMessage().startsWith("\"data\" of media file \"f.txt\" is not valid base64: "), e.getMessage());
        assertThrows(InvalidInputException.class, () -> MediaSources.decodeBase64("f", "SGVsbG8-_w==", 100));
        assertThrows(InvalidInputException.class, () -> MediaSources.decodeBase64("f", "A", 100));
    }

    @Test
    void tooLarge_isRefusedBeforeDecoding() {
        assertEquals("media file \"big\" is 12 bytes, larger than the limit of 8 bytes (maxMediaFileBytes)",
                assertThrows(InvalidInputException.class,
                        () -> MediaSources.decodeBase64("big", "AAAAAAAAAAAAAAAA", 8)).getMessage());
        assertEquals(9, MediaSources.decodeBase64("ok", "AAAAAAAAAAAA", 9).length);
    }
}
