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
                if (mode == Like.EXACT) b.one(); else b.any();
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

    /** Unicode case-insensitive regex flags (Anki prepends {@code (?i)} to Rust regexes, which are Unicode). */
    static final int UNICODE_CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
}
