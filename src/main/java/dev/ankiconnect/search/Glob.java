package dev.ankiconnect.search;

import java.util.regex.Pattern;

/**
 * Anki's wildcard layer: {@code *} any run, {@code _} one character, {@code \*} {@code \_} {@code \\} literals.
 * Converts such text to Java regexes (exact JVM matching) and to SQL LIKE patterns (escape character {@code \}).
 */
final class Glob {
    private Glob() {}

    /** True if the text holds an unescaped {@code *} or {@code _}. */
    static boolean hasWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '_') {
                return true;
            }
        }
        return false;
    }

    /** The literal text with escapes resolved (for text without wildcards). */
    static String literal(String glob) {
        StringBuilder b = new StringBuilder(glob.length());
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                c = glob.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Escapes wildcard characters so that {@code literal} is matched as is (used for {@code deck:current}). */
    static String escape(String literal) {
        return literal.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_");
    }

    /** Regex source for the glob; {@code star} and {@code one} are what {@code *} and {@code _} become. */
    static String toRegex(String glob, String star, String one) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                quote(b, glob.charAt(++i));
            } else if (c == '*') {
                b.append(star);
            } else if (c == '_') {
                b.append(one);
            } else {
                quote(b, c);
            }
        }
        return b.toString();
    }

    private static void quote(StringBuilder b, char c) {
        if ("\\.[]{}()<>*+-=!?^$|&~#@%'\"/,:;` ".indexOf(c) >= 0) {
            b.append('\\');
        }
        b.append(c);
    }

    /** How much of the text a LIKE pattern may keep literally. */
    enum Like {
        /** Keep everything: the caller wants exact LIKE semantics on a case-exact column. */
        EXACT,
        /**
         * SQLite-style ASCII case-insensitivity on a case-sensitive column: ASCII letters become {@code _} (still a
         * superset), other characters stay (SQLite compares them case-sensitively too).
         */
        ASCII_CI,
        /** Unicode case-insensitive: ASCII letters become {@code _}, non-ASCII characters become {@code %}. */
        UNICODE_CI,
        /**
         * For {@code LOWER(column) LIKE}: ASCII letters lower-cased (every database folds those), characters
         * that have case outside ASCII become {@code %} (database and JVM case tables may differ).
         */
        LOWER
    }

    /** LIKE pattern (escape {@code \}) for the glob, unanchored: wrapped in {@code %...%}. */
    static String toLikeContains(String glob, Like mode) {
        return like(glob, mode, true);
    }

    /** LIKE pattern (escape {@code \}) for the glob, anchored. */
    static String toLike(String glob, Like mode) {
        return like(glob, mode, false);
    }

    private static String like(String glob, Like mode, boolean contains) {
        LikeBuilder b = new LikeBuilder();
        if (contains) b.any();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                likeChar(b, glob.charAt(++i), mode);
            } else if (c == '*') {
                b.any();
            } else if (c == '_') {
                // one character for SQLite; Derby may count UTF-16 units, so only EXACT trusts '_'
                if (mode == Like.EXACT) b.one();
                else b.any();
            } else {
                likeChar(b, c, mode);
            }
        }
        if (contains) b.any();
        return b.toString();
    }

    /** Collects a LIKE pattern, merging runs of {@code %} (escaped {@code \%} literals are not merged). */
    private static final class LikeBuilder {
        private final StringBuilder b = new StringBuilder();
        private boolean lastAny;

        void any() {
            if (!lastAny) b.append('%');
            lastAny = true;
        }

        void one() {
            b.append('_');
            lastAny = false;
        }

        void literal(char c) {
            if (c == '%' || c == '_' || c == '\\') b.append('\\');
            b.append(c);
            lastAny = false;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static void likeChar(LikeBuilder b, char c, Like mode) {
        boolean asciiLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (mode == Like.LOWER) {
            if (asciiLetter) {
                b.literal(Character.toLowerCase(c));
                return;
            }
            if (c > 127 && Character.toLowerCase(c) != Character.toUpperCase(c) || Character.isSurrogate(c)) {
                b.any();
                return;
            }
        }
        if ((mode == Like.ASCII_CI || mode == Like.UNICODE_CI) && asciiLetter) {
            b.one();
        } else if (mode == Like.UNICODE_CI && c > 127) {
            b.any();
        } else {
            b.literal(c);
        }
    }

    /** True if the LIKE pattern built for this glob in ASCII_CI mode is exact (no letters, no '_' wildcard). */
    static boolean likeIsExact(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
                if (i < glob.length() && isAsciiLetter(glob.charAt(i))) return false;
            } else if (c == '_' || isAsciiLetter(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** SQLite LIKE semantics in the JVM: ASCII-only case folding, {@code %}/{@code _} from the glob. */
    static Pattern likePattern(String glob, boolean anchored) {
        String re = toRegex(glob, ".*", ".");
        return Pattern.compile(anchored ? "^" + re + "$" : re, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** How a {@link Matcher} compares characters. */
    enum Case {
        /** SQLite's LIKE: only ASCII letters fold (Java's {@code CASE_INSENSITIVE} without {@code UNICODE_CASE}). */
        ASCII,
        /** Unicode case folding (Java's {@code CASE_INSENSITIVE | UNICODE_CASE}, Anki's {@code (?i)}). */
        UNICODE
    }

    /** A matcher for the glob, anchored at both ends; see {@link Matcher}. */
    static Matcher matcher(String glob, Case mode) {
        return new Matcher(glob, mode, false);
    }

    /** A matcher for the glob anywhere in the text (an implicit {@code *} at both ends), ASCII case folding. */
    static Matcher finder(String glob) {
        return new Matcher(glob, Case.ASCII, true);
    }

    /**
     * Matches text against a glob in time linear in the text for each pattern segment (at most
     * text length times pattern length), with no backtracking regex: {@code *} any run of code points,
     * {@code _} one code point, other characters literal with the chosen case folding. The classic
     * greedy two-pointer algorithm: on a mismatch only the last {@code *} is resumed one code point
     * further, which is enough because an earlier {@code *} can never need to match more.
     */
    static final class Matcher {
        private static final int STAR = -1;
        private static final int ONE = -2;

        /** Code points of the pattern (already folded), STAR or ONE. */
        private final int[] tokens;

        private final Case mode;

        private Matcher(String glob, Case mode, boolean contains) {
            this.mode = mode;
            int[] out = new int[glob.codePointCount(0, glob.length()) + 2];
            int n = 0;
            if (contains) out[n++] = STAR;
            for (int i = 0; i < glob.length(); ) {
                int cp = glob.codePointAt(i);
                i += Character.charCount(cp);
                int tok;
                if (cp == '\\' && i < glob.length()) {
                    int lit = glob.codePointAt(i);
                    i += Character.charCount(lit);
                    tok = fold(lit);
                } else if (cp == '*') {
                    tok = STAR;
                } else if (cp == '_') {
                    tok = ONE;
                } else {
                    tok = fold(cp);
                }
                if (tok == STAR && n > 0 && out[n - 1] == STAR) continue;
                out[n++] = tok;
            }
            if (contains && out[n - 1] != STAR) out[n++] = STAR;
            this.tokens = java.util.Arrays.copyOf(out, n);
        }

        private int fold(int cp) {
            if (mode == Case.ASCII) {
                return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
            }
            return Character.toLowerCase(Character.toUpperCase(cp));
        }

        /** True if the whole text matches (for a {@link Glob#finder}: if the glob occurs in it). */
        boolean matches(CharSequence text) {
            return matches(text, text.length());
        }

        /** True if {@code text[0, end)} matches. */
        boolean matches(CharSequence text, int end) {
            int[] p = tokens;
            int t = 0;
            int k = 0;
            int starTok = -1;
            int starText = 0;
            while (t < end) {
                int cp = Character.codePointAt(text, t);
                int width = Character.charCount(cp);
                if (t + width > end) width = 1; // a pair cut by end: its high surrogate alone
                if (width == 1) cp = text.charAt(t);
                if (k < p.length && p[k] != STAR && (p[k] == ONE || p[k] == fold(cp))) {
                    t += width;
                    k++;
                } else if (k < p.length && p[k] == STAR) {
                    starTok = k++;
                    starText = t;
                } else if (starTok >= 0) {
                    // the last star takes one more code point, the rest of the pattern starts after it
                    int c = Character.codePointAt(text, starText);
                    starText += starText + Character.charCount(c) <= end ? Character.charCount(c) : 1;
                    t = starText;
                    k = starTok + 1;
                } else {
                    return false;
                }
            }
            while (k < p.length && p[k] == STAR) k++;
            return k == p.length;
        }
    }

    /** Unicode case-insensitive regex flags (Anki prepends {@code (?i)} to Rust regexes, which are Unicode). */
    static final int UNICODE_CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
}
