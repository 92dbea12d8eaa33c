package dev.ankiconnect.media;

import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.config.Config;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;
import java.util.Locale;

/**
 * Where the content of a stored media file comes from: {@code data} (base64), {@code path} (a
 * file in an allowlisted directory) or {@code url} (a download, when enabled). As in AnkiConnect
 * the first one that is truthy, in that order, is used; none gives AnkiConnect's error.
 */
@ApplicationScoped
public class MediaSources {

    @Inject
    Settings settings;

    /** The content the request names, at most {@code maxMediaFileBytes}. */
    public byte[] obtain(String filename, JsonValue data, JsonValue path, JsonValue url) {
        Config config = settings.config();
        long max = config.longValue(ConfigKey.MAX_MEDIA_FILE_BYTES);
        if (PythonTruth.truthy(data)) {
            return decodeBase64(filename, text("data", data), max);
        }
        if (PythonTruth.truthy(path)) {
            return new PathSource(config.list(ConfigKey.MEDIA_PATH_ALLOWLIST)).read(text("path", path), max);
        }
        if (PythonTruth.truthy(url)) {
            String u = text("url", url);
            if (!flag(config, ConfigKey.MEDIA_URL_DOWNLOADS)) {
                throw new Refusal(Refusal.Kind.MEDIA_URL_DISABLED);
            }
            return new UrlSource(
                            config.integer(ConfigKey.WEB_TIMEOUT), max, flag(config, ConfigKey.MEDIA_URL_ALLOW_PRIVATE))
                    .download(u);
        }
        throw new Refusal(Refusal.Kind.MEDIA_NO_SOURCE);
    }

    /** Standard base64; line breaks and spaces are ignored, anything else outside the alphabet is refused. */
    static byte[] decodeBase64(String filename, String text, long max) {
        String compact =
                text.indexOf(' ') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0
                        ? text
                        : text.replaceAll("[ \\t\\r\\n]", "");
        // The decoded size, known before decoding (exact for well-formed input).
        int padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
        long decoded = (long) compact.length() * 3 / 4 - padding;
        if (decoded > max) {
            throw MediaStore.tooLarge(filename, decoded, max);
        }
        try {
            byte[] data = decodeInPieces(compact, (int) Math.max(0, decoded));
            if (data.length > max) {
                throw MediaStore.tooLarge(filename, data.length, max);
            }
            return data;
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.MEDIA_BAD_BASE64, filename, e.getMessage());
        }
    }

    /** Characters decoded at a time (a multiple of 4). */
    private static final int PIECE = 64 * 1024;

    /**
     * {@code Base64.getDecoder().decode(text)} without its Latin-1 copy of the whole text: the text is decoded
     * piece by piece straight into one array of the decoded size, so a 60 MiB {@code data} costs its decoded
     * bytes and not another 60 MiB on the way. Same results and errors: padding is only allowed at the end.
     */
    static byte[] decodeInPieces(String text, int size) {
        int pad = text.indexOf('=');
        if (text.length() <= PIECE || (pad >= 0 && pad < text.length() - 2)) {
            return Base64.getDecoder().decode(text);
        }
        Base64.Decoder decoder = Base64.getDecoder();
        byte[] out = new byte[size];
        byte[] in = new byte[PIECE];
        byte[] piece = new byte[PIECE / 4 * 3];
        int written = 0;
        for (int start = 0; start < text.length(); start += PIECE) {
            int end = Math.min(text.length(), start + PIECE);
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                in[i - start] = c < 256 ? (byte) c : (byte) '?';
            }
            int n = decoder.decode(end - start == PIECE ? in : java.util.Arrays.copyOf(in, end - start), piece);
            if (written + n > out.length) {
                out = java.util.Arrays.copyOf(out, written + n);
            }
            System.arraycopy(piece, 0, out, written, n);
            written += n;
        }
        return written == out.length ? out : java.util.Arrays.copyOf(out, written);
    }

    private static String text(String name, JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new Refusal(Refusal.Kind.MEDIA_NOT_STRING, name, Py.typeName(v));
    }

    /** A true/false configuration key; anything else is a configuration error named as such. */
    static boolean flag(Config config, ConfigKey key) {
        String v = config.string(key);
        String t = v == null ? key.defaultValue() : v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new IllegalStateException("configuration key '" + key.key() + "' must be true or false, got '" + v + "'");
    }
}
