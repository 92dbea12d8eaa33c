package dev.ankiconnect.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;

/** How Anki normalises note fields on save and derives the sort field and first-field checksum. */
public final class NoteText {
    private NoteText() {}

    /**
     * Field text as stored: ASCII control characters other than newline and tab removed,
     * then NFC when {@code normalize} (collection config normalize_note_text, default true).
     */
    public static String normalizeField(String text, boolean normalize) {
        String cleaned = removeControlChars(text);
        if (normalize && !Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)) {
            return Normalizer.normalize(cleaned, Normalizer.Form.NFC);
        }
        return cleaned;
    }

    /** {@link #normalizeField(String, boolean)} with normalisation on (Anki's default). */
    public static String normalizeField(String text) {
        return normalizeField(text, true);
    }

    private static String removeControlChars(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && !isRemovableControl(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!isRemovableControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isRemovableControl(char c) {
        return (c < 0x20 || c == 0x7F) && c != '\n' && c != '\t';
    }

    /** The notes.sfld value: the sort field stripped of HTML, media names kept, no truncation. */
    public static String sortFieldValue(String sortFieldText) {
        return Html.stripHtmlPreservingMedia(sortFieldText);
    }

    /**
     * The notes.csum value: first 4 bytes of SHA-1 of the stripped first field, read as an
     * unsigned big-endian 32-bit integer.
     */
    public static long fieldChecksum(String firstFieldText) {
        return checksumOfStripped(Html.stripHtmlPreservingMedia(firstFieldText));
    }

    /** Checksum of text that is already stripped (no further processing). */
    public static long checksumOfStripped(String stripped) {
        byte[] d = sha1().digest(stripped.getBytes(StandardCharsets.UTF_8));
        return ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }
}
