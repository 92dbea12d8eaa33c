package dev.ankiconnect.template;

import dev.ankiconnect.text.Html;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Anki's cloze deletions: parsing {@code {{cN::text::hint}}}, rendering, and cloze numbers. */
public final class Cloze {
    private Cloze() {}

    /** Anki stops honouring openers beyond this many simultaneously open clozes. */
    private static final int MAX_OPEN = 10;

    private static final String IMAGE_OCCLUSION = "image-occlusion:";

    private static final Pattern MATHJAX = Pattern.compile("(\\\\[(\\[])(.*?)(\\\\[)\\]])", Pattern.DOTALL);
    private static final Pattern SIMPLE_CLOZE =
            Pattern.compile("\\{\\{c[\\p{Nd},]+::(.*?)(::.*?)?\\}\\}", Pattern.DOTALL);

    /** A parsed piece of field text: plain text or a cloze. */
    sealed interface Part permits TextPart, ClozePart {}

    record TextPart(String text) implements Part {}

    /** A cloze with its sorted distinct ordinals, content and optional hint (null when none). */
    record ClozePart(int[] ordinals, List<Part> parts, String hint) implements Part {
        boolean active(int ord) {
            for (int o : ordinals) {
                if (o == ord) {
                    return true;
                }
            }
            return false;
        }

        String ordinalsString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ordinals.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(ordinals[i]);
            }
            return sb.toString();
        }

        String hintOrDots() {
            return hint == null ? "..." : hint;
        }

        /** Content with nested clozes flattened to their text (hints dropped). */
        String clozedText() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof TextPart t) {
                    sb.append(t.text());
                } else {
                    sb.append(((ClozePart) p).clozedText());
                }
            }
            return sb.toString();
        }

        String imageOcclusion() {
            if (!parts.isEmpty()
                    && parts.get(0) instanceof TextPart t
                    && t.text().startsWith(IMAGE_OCCLUSION)) {
                return t.text().substring(IMAGE_OCCLUSION.length());
            }
            return null;
        }
    }

    // Mutable builder used while parsing.
    private static final class Open {
        final int[] ordinals;
        final List<Part> parts = new ArrayList<>(1);
        String hint;

        Open(int[] ordinals) {
            this.ordinals = ordinals;
        }

        ClozePart build() {
            return new ClozePart(ordinals, parts, hint);
        }
    }

    /** Splits field text into top-level text and (possibly nested) clozes, as Anki's parser does. */
    static List<Part> parse(String text) {
        List<Part> out = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        int textStart = 0;
        while (pos < n) {
            int[] openerEnd = new int[1];
            int[] ords = null;
            boolean closer = false;
            if (text.startsWith("{{c", pos)) {
                ords = opener(text, pos, openerEnd);
            }
            if (ords == null && text.startsWith("}}", pos)) {
                closer = true;
            }
            if (ords == null && !closer) {
                pos++;
                continue;
            }
            if (pos > textStart) {
                addText(text.substring(textStart, pos), out, open);
            }
            if (ords != null) {
                if (open.size() < MAX_OPEN) {
                    open.add(new Open(ords));
                }
                pos = openerEnd[0];
            } else {
                if (!open.isEmpty()) {
                    ClozePart done = open.remove(open.size() - 1).build();
                    (open.isEmpty() ? out : open.get(open.size() - 1).parts).add(done);
                } else {
                    out.add(new TextPart("}}"));
                }
                pos += 2;
            }
            textStart = pos;
        }
        if (pos > textStart) {
            addText(text.substring(textStart, pos), out, open);
        }
        // clozes never closed are dropped with their content
        return out;
    }

    private static void addText(String t, List<Part> out, List<Open> open) {
        if (open.isEmpty()) {
            out.add(new TextPart(t));
            return;
        }
        Open cur = open.get(open.size() - 1);
        String text = t;
        if (!text.startsWith(IMAGE_OCCLUSION)) {
            int sep = text.indexOf("::");
            if (sep >= 0) {
                cur.hint = text.substring(sep + 2);
                text = text.substring(0, sep);
            }
        }
        cur.parts.add(new TextPart(text));
    }

    // Parses "{{c" digits/commas "::" at pos; returns sorted distinct ordinals or null.
    private static int[] opener(String s, int pos, int[] endOut) {
        int i = pos + 3;
        TreeSet<Integer> ords = new TreeSet<>();
        long cur = -1;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == ',')) {
            char c = s.charAt(i);
            if (c == ',') {
                addOrdinal(ords, cur);
                cur = -1;
            } else {
                cur = cur < 0 ? c - '0' : Math.min(cur * 10 + (c - '0'), 1_000_000L);
            }
            i++;
        }
        addOrdinal(ords, cur);
        if (ords.isEmpty() || !s.startsWith("::", i)) {
            return null;
        }
        endOut[0] = i + 2;
        return ords.stream().mapToInt(Integer::intValue).toArray();
    }

    // Anki parses numbers as u16; anything that does not fit is ignored.
    private static void addOrdinal(Set<Integer> ords, long v) {
        if (v >= 0 && v <= 65535) {
            ords.add((int) v);
        }
    }

    /**
     * The {@code cloze} filter: renders field text for card number {@code n} (ord + 1) on the
     * question or answer side; returns "" when no cloze for {@code n} exists in the text.
     */
    public static String render(String text, int n, boolean question) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        boolean[] found = new boolean[1];
        for (Part p : parse(text)) {
            if (p instanceof TextPart t) {
                sb.append(t.text());
            } else {
                reveal((ClozePart) p, n, question, found, sb);
            }
        }
        if (!found[0]) {
            return "";
        }
        return stripHtmlInsideMathjax(sb.toString());
    }

    private static void reveal(ClozePart c, int n, boolean question, boolean[] found, StringBuilder sb) {
        boolean active = c.active(n);
        found[0] |= active;
        String io = c.imageOcclusion();
        if (io != null) {
            sb.append(ImageOcclusion.render(io, question, active, c));
            return;
        }
        if (question && active) {
            StringBuilder inner = new StringBuilder();
            appendChildren(c, n, question, found, inner);
            sb.append("<span class=\"cloze\" data-cloze=\"")
                    .append(Html.encodeAttribute(inner.toString()))
                    .append("\" data-ordinal=\"")
                    .append(c.ordinalsString())
                    .append("\">[")
                    .append(c.hintOrDots())
                    .append("]</span>");
        } else {
            sb.append(
                            active
                                    ? "<span class=\"cloze\" data-ordinal=\""
                                    : "<span class=\"cloze-inactive\" data-ordinal=\"")
                    .append(c.ordinalsString())
                    .append("\">");
            appendChildren(c, n, question, found, sb);
            sb.append("</span>");
        }
    }

    private static void appendChildren(ClozePart c, int n, boolean question, boolean[] found, StringBuilder sb) {
        for (Part p : c.parts()) {
            if (p instanceof TextPart t) {
                sb.append(t.text());
            } else {
                reveal((ClozePart) p, n, question, found, sb);
            }
        }
    }

    /**
     * The {@code cloze-only} filter: for each active cloze (nested ones included, document
     * order) its hint or "..." on the question side, its flattened text on the answer side,
     * joined with ", ".
     */
    public static String renderOnly(String text, int n, boolean question) {
        List<String> out = new ArrayList<>();
        for (Part p : parse(text)) {
            collectActive(p, n, question, out);
        }
        return String.join(", ", out);
    }

    private static void collectActive(Part p, int n, boolean question, List<String> out) {
        if (p instanceof ClozePart c) {
            if (c.active(n)) {
                out.add(question ? c.hintOrDots() : c.clozedText());
            }
            for (Part child : c.parts()) {
                collectActive(child, n, question, out);
            }
        }
    }

    /**
     * The expected typed answer for {@code [[type:cloze:F]]}: answer texts of the active
     * clozes, collapsed to one when all are identical, else joined with ", ".
     */
    public static String textForTyping(String text, int n) {
        List<String> out = new ArrayList<>();
        for (Part p : parse(text)) {
            collectActive(p, n, false, out);
        }
        if (out.isEmpty()) {
            return "";
        }
        boolean same = out.stream().allMatch(s -> s.equals(out.get(0)));
        return same ? out.get(0) : String.join(", ", out);
    }

    /** Cloze numbers (≥ 1, nested included) used in one text. */
    public static Set<Integer> numbersIn(String text) {
        Set<Integer> set = new TreeSet<>();
        addNumbers(parse(text), set);
        return set;
    }

    /** Cloze numbers used across all given field values. */
    public static Set<Integer> numbersInFields(Collection<String> fields) {
        Set<Integer> set = new TreeSet<>();
        for (String f : fields) {
            if (f.indexOf("{{c") >= 0) {
                addNumbers(parse(f), set);
            }
        }
        return set;
    }

    private static void addNumbers(List<Part> parts, Set<Integer> set) {
        for (Part p : parts) {
            if (p instanceof ClozePart c) {
                for (int o : c.ordinals()) {
                    if (o != 0) {
                        set.add(o);
                    }
                }
                addNumbers(c.parts(), set);
            }
        }
    }

    /**
     * Card ordinals a cloze note produces from its fields: min(N - 1, 499) for every cloze
     * number N; sorted. (The "at least one card" fallback is the caller's.)
     */
    public static Set<Integer> cardOrdinals(Collection<String> fields) {
        Set<Integer> ords = new TreeSet<>();
        for (int n : numbersInFields(fields)) {
            ords.add(Math.min(n - 1, 499));
        }
        return ords;
    }

    /** True if the text has a cloze with a non-zero number (c0 does not count). */
    public static boolean containsCloze(String text) {
        for (Part p : parse(text)) {
            if (p instanceof ClozePart c) {
                for (int o : c.ordinals()) {
                    if (o != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** strip_clozes (for "sc:" search): each non-nested cloze replaced by its content. */
    public static String stripClozes(String text) {
        return SIMPLE_CLOZE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    // Inside MathJax \( \) and \[ \] HTML tags are removed (entities kept) so the math stays valid.
    private static String stripHtmlInsideMathjax(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        return MATHJAX.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1) + Html.stripHtmlPreservingEntities(m.group(2)) + m.group(3)));
    }
}
