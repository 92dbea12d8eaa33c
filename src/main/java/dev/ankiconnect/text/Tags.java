package dev.ankiconnect.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** Anki's tag rules: splitting, per-component normalisation, unicase ordering and storage form. */
public final class Tags {
    private Tags() {}

    /** Orders strings by Unicode case-folded code points, like Rust's unicase. */
    public static final Comparator<String> UNICASE_ORDER = Tags::compareUnicase;

    /** Splits a tag string on ASCII space and U+3000 (ideographic space); empty pieces dropped. */
    public static List<String> split(String tags) {
        List<String> out = new ArrayList<>();
        if (tags == null) {
            return out;
        }
        int start = -1;
        for (int i = 0; i <= tags.length(); i++) {
            boolean sep = i == tags.length() || isSeparator(tags.charAt(i));
            if (sep) {
                if (start >= 0) {
                    out.add(tags.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '\u3000';
    }

    /**
     * Normalises one tag per "::" component: NFC, ASCII control and separator characters
     * removed, whitespace trimmed, an empty component becomes "blank".
     */
    public static String normalizeTag(String tag) {
        String[] comps = tag.split("::", -1);
        StringBuilder sb = new StringBuilder(tag.length());
        for (int i = 0; i < comps.length; i++) {
            if (i > 0) {
                sb.append("::");
            }
            sb.append(normalizeComponent(comps[i]));
        }
        return sb.toString();
    }

    private static String normalizeComponent(String comp) {
        String s = Normalizer.normalize(comp, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || isSeparator(c)) {
                continue;
            }
            sb.append(c);
        }
        String trimmed = Whitespace.trim(sb.toString());
        return trimmed.isEmpty() ? "blank" : trimmed;
    }

    /**
     * Normalises every tag, removes case-insensitive duplicates (first spelling wins) and
     * sorts in unicase order. Merging with tags already registered in a collection is the
     * caller's job.
     */
    public static List<String> canonicalize(Collection<String> tags) {
        TreeMap<String, String> byKey = new TreeMap<>(UNICASE_ORDER);
        for (String t : tags) {
            if (t == null || t.isEmpty()) {
                continue;
            }
            String norm = normalizeTag(t);
            byKey.putIfAbsent(norm, norm);
        }
        return new ArrayList<>(byKey.values());
    }

    /** Splits a space-separated tag string and {@link #canonicalize canonicalises} it. */
    public static List<String> canonicalize(String tagString) {
        return canonicalize(split(tagString));
    }

    /** Storage form in notes.tags: " a b " with outer spaces, or "" when there are no tags. */
    public static String joinForStorage(Collection<String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        return " " + String.join(" ", tags) + " ";
    }

    /** True when two tags are equal ignoring case (unicase). */
    public static boolean equalsIgnoreCase(String a, String b) {
        return compareUnicase(a, b) == 0;
    }

    static int compareUnicase(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                int fa = fold(ca);
                int fb = fold(cb);
                if (fa != fb) {
                    return Integer.compare(fa, fb);
                }
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    // Simple case folding approximation: upper then lower maps e.g. 'ſ' and 'S' together.
    private static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }
}
