package dev.ankiconnect.media;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anki's rules for media file names (ANKI-MODEL 1.15), so a name stored here is one desktop Anki
 * would accept and could sync.
 *
 * <p>Deliberate choices: the case of a name is kept (the newest Anki lower-cases brand-new names,
 * but every AnkiConnect client so far expects {@code _Test.txt} back as given); a hash-suffixed
 * name of a file without extension gets no trailing dot.
 */
public final class FileNames {

    /** Anki's MAX_MEDIA_FILENAME_LENGTH, in UTF-8 bytes. */
    public static final int MAX_BYTES = 120;

    private static final Pattern DEVICE_NAME =
            Pattern.compile("^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\.|$)", Pattern.CASE_INSENSITIVE);

    private FileNames() {}

    /**
     * The name a file is stored under: NFC; {@code [ ] < > : " / ? * ^ \ |}, control characters,
     * unassigned code points and lone surrogates removed; no-break space made a space; Windows
     * device names get {@code _} after the device word; a trailing space or dot gets {@code _};
     * at most 120 bytes, the extension kept. Path separators are removed, so a name can never
     * leave the store. The result may be empty: callers refuse that.
     */
    public static String normalize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!disallowed(cp)) {
                out.appendCodePoint(cp == 0xA0 ? ' ' : cp);
            }
        }
        String r = out.toString();
        Matcher m = DEVICE_NAME.matcher(r);
        if (m.find()) {
            r = m.group(1) + "_" + m.group(2) + r.substring(m.end());
        }
        if (endsBadly(r)) {
            r = r + "_";
        }
        return truncate(r, MAX_BYTES);
    }

    /** True for a character Anki removes from media names. */
    static boolean disallowed(int cp) {
        switch (cp) {
            case '[', ']', '<', '>', ':', '"', '/', '?', '*', '^', '\\', '|':
                return true;
            default:
                break;
        }
        if (cp < 0x20 || cp == 0x7F) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    private static boolean endsBadly(String s) {
        return !s.isEmpty() && (s.endsWith(" ") || s.endsWith("."));
    }

    /** The name of a file whose wanted name holds other content: {@code stem-<sha1>.ext}. */
    public static String withHashSuffix(String name, String sha1Hex) {
        String[] parts = splitAndTruncate(name, MAX_BYTES - 40 - 1);
        return parts[1].isEmpty() ? parts[0] + "-" + sha1Hex : parts[0] + "-" + sha1Hex + "." + parts[1];
    }

    static String truncate(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) {
            return name;
        }
        String[] parts = splitAndTruncate(name, maxBytes);
        String r = parts[1].isEmpty() ? parts[0] : parts[0] + "." + parts[1];
        return endsBadly(r) ? r + "_" : r;
    }

    /** {stem, ext}: the extension capped at 10 bytes, the stem so that stem.ext_ fits. */
    private static String[] splitAndTruncate(String name, int maxBytes) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        ext = truncateBytes(ext, 10);
        stem = truncateBytes(stem, maxBytes - utf8Length(ext) - 2);
        return new String[] {stem, ext};
    }

    /** The longest prefix of at most maxBytes UTF-8 bytes that ends on a character boundary. */
    static String truncateBytes(String s, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                return s.substring(0, i);
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s;
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The name {@code retrieveMediaFile} looks up, as AnkiConnect does: the last path component,
     * NFC, without {@code [ ] < > : " / ? * ^ \ |}, NUL, CR and LF.
     */
    public static String lookupName(String filename) {
        String base = filename.substring(filename.lastIndexOf('/') + 1);
        String s = Normalizer.normalize(base, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("[]<>:\"/?*^\\|\0\r\n".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when a name can be a file directly inside a directory (used before writing to disk). */
    static boolean safeForDisk(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || utf8Length(name) > MAX_BYTES) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (disallowed(cp)) {
                return false;
            }
        }
        return true;
    }
}
