package dev.ankiconnect.apkg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Anki's first-field checksum: the first 4 bytes of SHA-1 of the (already stripped) text, big-endian unsigned. */
final class Checksum {
    private Checksum() {}

    static long fieldChecksum(String strippedText) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(strippedText.getBytes(StandardCharsets.UTF_8));
            return ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
