package dev.ankiconnect.search;

import dev.ankiconnect.text.NoteFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Note-text helpers Anki applies before matching: HTML stripping, checksum, combining marks, cloze markup. */
final class TextUtil {
    private TextUtil() {}

    private static final Pattern HTML = Pattern.compile(
            "<!--.*?-->|<style.*?>.*?</style>|<script.*?>.*?</script>|<.*?>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MEDIA = Pattern.compile(
            "<(?:img|audio|video|object|source)\\b[^>]*?\\b(?:src|data)\\s*=\\s*"
                    + "(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");
    private static final Pattern CLOZE = Pattern.compile("\\{\\{c\\d+::(.*?)(?:::.*?)?\\}\\}", Pattern.DOTALL);
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", "\u00a0"),
            Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"),
            Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"),
            Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"),
            Map.entry("euro", "\u20ac"),
            Map.entry("times", "\u00d7"),
            Map.entry("divide", "\u00f7"),
            Map.entry("deg", "\u00b0"),
            Map.entry("middot", "\u00b7"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"));
    private static final Map<Character, String> NC_MAP = Map.ofEntries(
            Map.entry('€', "E"),
            Map.entry('Æ', "AE"),
            Map.entry('Ð', "D"),
            Map.entry('Ø', "O"),
            Map.entry('Þ', "TH"),
            Map.entry('ß', "s"),
            Map.entry('æ', "ae"),
            Map.entry('ð', "d"),
            Map.entry('ø', "o"),
            Map.entry('þ', "th"),
            Map.entry('Đ', "D"),
            Map.entry('đ', "d"),
            Map.entry('Ħ', "H"),
            Map.entry('ħ', "h"),
            Map.entry('ı', "i"),
            Map.entry('ĸ', "k"),
            Map.entry('Ł', "L"),
            Map.entry('ł', "l"),
            Map.entry('Ŋ', "N"),
            Map.entry('ŋ', "n"),
            Map.entry('Œ', "OE"),
            Map.entry('œ', "oe"),
            Map.entry('Ŧ', "T"),
            Map.entry('ŧ', "t"),
            Map.entry('Ə', "E"),
            Map.entry('ǝ', "e"),
            Map.entry('ɑ', "a"));

    /** Anki's strip_html: drop comments, style/script blocks and tags, then decode entities. */
    static String stripHtml(String html) {
        String s = HTML.matcher(html).replaceAll("");
        return s.indexOf('&') >= 0 ? decodeEntities(s).replace('\u00a0', ' ') : s;
    }

    /** Media tags become their space-padded file name first, so file names stay searchable. */
    static String stripHtmlPreservingMedia(String html) {
        Matcher m = MEDIA.matcher(html);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            m.appendReplacement(b, Matcher.quoteReplacement(" " + name + " "));
        }
        m.appendTail(b);
        return stripHtml(b.toString());
    }

    /** Decodes entities; an unknown named entity leaves the whole text undecoded, as Anki's decoder fails. */
    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                rep = codePoint(e.substring(2), 16);
            } else if (e.startsWith("#")) {
                rep = codePoint(e.substring(1), 10);
            } else {
                rep = NAMED.get(e);
            }
            if (rep == null) {
                return s;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** First-field checksum: first 4 bytes of SHA-1 of the stripped text, big-endian unsigned. */
    static long checksum(String strippedFirstField) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(strippedFirstField.getBytes(StandardCharsets.UTF_8));
            return ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    /** Anki's without_combining: NFKD, drop combining marks, then fold letters that do not decompose. */
    static String withoutCombining(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String mapped = NC_MAP.get(c);
            b.append(mapped != null ? mapped : String.valueOf(c));
        }
        return b.toString();
    }

    /** Replaces {@code {{c1::text::hint}}} with {@code text}. */
    static String stripClozes(String s) {
        return CLOZE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Splits the U+001F-joined fields, keeping empty trailing fields. */
    static String[] fields(String flds) {
        return flds == null ? new String[0] : NoteFields.split(flds);
    }
}
