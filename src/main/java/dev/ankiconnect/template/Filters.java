package dev.ankiconnect.template;

import dev.ankiconnect.text.Html;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Anki's built-in template filters (text, hint, type, cloze, cloze-only, furigana, kana, kanji, tts). */
public final class Filters {
    private Filters() {}

    // optional single leading space, a base without spaces or '>', then [reading]
    private static final Pattern RUBY = Pattern.compile(" ?([^ >]+?)\\[(.+?)\\]");

    /**
     * Applies filters (in application order, closest to the field first). A chain ending in
     * {@code type} collapses to the type marker. An unknown filter ends processing and the text
     * is returned as it stands: Anki hands the rest to Python add-ons, and with none installed
     * nothing more happens, even for built-in filters after it.
     */
    static String apply(String text, List<String> filters, String fieldName, int cardOrd, boolean questionSide) {
        int n = filters.size();
        if (n > 0 && filters.get(n - 1).equals("type")) {
            if (n == 2 && filters.get(0).equals("cloze")) {
                return "[[type:cloze:" + fieldName + "]]";
            }
            if (n == 2 && filters.get(0).equals("nc")) {
                return "[[type:nc:" + fieldName + "]]";
            }
            return typeFilter(fieldName);
        }
        String out = text;
        for (String f : filters) {
            String next = applyOne(f, out, fieldName, cardOrd, questionSide);
            if (next == null) {
                break;
            }
            out = next;
        }
        return out;
    }

    // Returns null for an unknown filter.
    private static String applyOne(String name, String text, String field, int cardOrd, boolean question) {
        switch (name) {
            case "":
                return text;
            case "text":
                return Html.stripHtml(text);
            case "furigana":
                return furigana(text);
            case "kanji":
                return kanji(text);
            case "kana":
                return kana(text);
            case "type":
                return typeFilter(field);
            case "hint":
                return hint(text, field);
            case "cloze":
                return Cloze.render(text, cardOrd + 1, question);
            case "cloze-only":
                return Cloze.renderOnly(text, cardOrd + 1, question);
            default:
                if (name.startsWith("tts ")) {
                    return tts(name.substring(4), text);
                }
                return null;
        }
    }

    /** {@code [[type:FIELD]]}: the reviewer's type-in-answer marker; field text is not included. */
    public static String typeFilter(String field) {
        return "[[type:" + field + "]]";
    }

    /** The tts filter: {@code [anki:tts lang=OPTIONS]TEXT[/anki:tts]}. */
    public static String tts(String options, String text) {
        return "[anki:tts lang=" + options + "]" + text + "[/anki:tts]";
    }

    /** Each {@code base[reading]} becomes ruby markup; sound tags are left alone. */
    public static String furigana(String text) {
        return ruby(text, 0);
    }

    /** Each {@code base[reading]} becomes {@code base}. */
    public static String kanji(String text) {
        return ruby(text, 1);
    }

    /** Each {@code base[reading]} becomes {@code reading}. */
    public static String kana(String text) {
        return ruby(text, 2);
    }

    private static String ruby(String text, int mode) {
        String src = text.replace("&nbsp;", " ");
        if (src.indexOf('[') < 0) {
            return src;
        }
        Matcher m = RUBY.matcher(src);
        StringBuilder sb = new StringBuilder(src.length() + 32);
        while (m.find()) {
            String rep;
            if (m.group(2).startsWith("sound:")) {
                rep = m.group();
            } else if (mode == 1) {
                rep = m.group(1);
            } else if (mode == 2) {
                rep = m.group(2);
            } else {
                rep = "<ruby><rb>" + m.group(1) + "</rb><rt>" + m.group(2) + "</rt></ruby>";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The hint filter: a link revealing the text; blank input is returned unchanged. The DOM id
     * is hex of the first 8 bytes of BLAKE3(text bytes + field-name bytes).
     */
    public static String hint(String text, String field) {
        if (dev.ankiconnect.text.Whitespace.trim(text).isEmpty()) {
            return text;
        }
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] f = field.getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[t.length + f.length];
        System.arraycopy(t, 0, in, 0, t.length);
        System.arraycopy(f, 0, in, t.length, f.length);
        byte[] digest = Blake3.hash(in);
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            id.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return "\n<a class=hint href=\"#\"\nonclick=\"this.style.display='none';\ndocument.getElementById('hint" + id
                + "').style.display='block';\nreturn false;\" draggable=false>\n" + field + "</a>\n<div id=\"hint" + id
                + "\" class=hint style=\"display: none\">" + text + "</div>\n";
    }
}
