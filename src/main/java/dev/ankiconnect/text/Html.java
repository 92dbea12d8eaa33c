package dev.ankiconnect.text;

import java.util.regex.Pattern;

/** Anki's HTML helpers: tag stripping, media-preserving stripping, entity decoding and escaping. */
public final class Html {
    private Html() {}

    // Comments, style and script blocks (with content), then any other tag; one pass.
    private static final Pattern HTML = Pattern.compile(
            "<!--.*?-->|<style.*?>.*?</style>|<script.*?>.*?</script>|<.*?>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Removes comments, style/script blocks and tags, then decodes entities (strip_html). */
    public static String stripHtml(String html) {
        return decodeEntities(stripHtmlPreservingEntities(html));
    }

    /** Removes comments, style/script blocks and tags but leaves entities encoded. */
    public static String stripHtmlPreservingEntities(String html) {
        if (html.indexOf('<') < 0) {
            return html;
        }
        return HTML.matcher(html).replaceAll("");
    }

    /** Replaces media tags by " filename " and then applies {@link #stripHtml}. */
    public static String stripHtmlPreservingMedia(String html) {
        if (html.indexOf('<') < 0) {
            return decodeEntities(html);
        }
        StringBuilder sb = new StringBuilder(html.length());
        int pos = 0;
        MediaTags.Match m;
        while ((m = MediaTags.find(html, pos)) != null) {
            sb.append(html, pos, m.start()).append(' ').append(m.fileName()).append(' ');
            pos = m.end();
        }
        sb.append(html, pos, html.length());
        return stripHtml(sb.toString());
    }

    /** True if the text contains a media tag that {@link #stripHtmlPreservingMedia} would keep. */
    public static boolean containsMediaTag(String html) {
        return MediaTags.find(html, 0) != null;
    }

    /**
     * Decodes named (HTML 4) and numeric entities and turns U+00A0 into a space. Like Anki,
     * decoding is all-or-nothing: any malformed or unknown entity leaves the text unchanged.
     */
    public static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        String decoded = strictDecode(text);
        return decoded == null ? text : decoded.replace('\u00a0', ' ');
    }

    // Returns null on any error, mirroring the strict decoder Anki uses.
    private static String strictDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0) {
                return null;
            }
            String body = s.substring(i + 1, semi);
            int cp;
            if (body.startsWith("#x")) {
                cp = parseNumber(body.substring(2), 16);
            } else if (body.startsWith("#")) {
                cp = parseNumber(body.substring(1), 10);
            } else {
                // a named entity runs to the next ';', so "a & b;" is an unknown entity " b"
                cp = body.isEmpty() ? -1 : HtmlEntities.lookup(body);
            }
            if (cp < 0) {
                return null;
            }
            out.appendCodePoint(cp);
            i = semi + 1;
        }
        return out.toString();
    }

    private static int parseNumber(String digits, int radix) {
        if (digits.isEmpty()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 'f') {
                return -1;
            }
            v = v * radix + d;
            if (v > 0x10FFFF) {
                return -1;
            }
        }
        // surrogates and values beyond U+10FFFF are not valid characters
        if (v >= 0xD800 && v <= 0xDFFF) {
            return -1;
        }
        return (int) v;
    }

    /** Minimal HTML escaping of {@code & < > " '} as used in Anki's error messages. */
    public static String encodeMinimal(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#x27;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Attribute escaping as in cloze data-cloze attributes: the five minimal characters by
     * name, every other ASCII non-alphanumeric and U+0080..U+00FF as {@code &#xHH;}.
     */
    public static String encodeAttribute(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("&quot;");
                case '&' -> sb.append("&amp;");
                case '\'' -> sb.append("&#x27;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                    if (c <= 0xFF && !alnum) {
                        sb.append("&#x")
                                .append(HEX[c >> 4])
                                .append(HEX[c & 0xF])
                                .append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
