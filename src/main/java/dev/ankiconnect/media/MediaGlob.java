package dev.ankiconnect.media;

import java.util.regex.Pattern;

/**
 * The glob of {@code getMediaFilesNames}, as Python's {@code glob.glob} applies it inside the
 * media folder: {@code *} any run, {@code ?} one character, {@code [abc]}, {@code [a-z]} and
 * {@code [!abc]} sets, an unclosed {@code [} literal; case-sensitive. A wildcard pattern that does
 * not start with {@code .} does not match names starting with {@code .}. The folder is flat, so a
 * pattern with {@code /} matches nothing (and can never look outside it).
 */
public final class MediaGlob {

    private final Pattern regex;
    private final boolean hidesDotFiles;

    private MediaGlob(Pattern regex, boolean hidesDotFiles) {
        this.regex = regex;
        this.hidesDotFiles = hidesDotFiles;
    }

    public static MediaGlob compile(String pattern) {
        if (pattern.isEmpty() || pattern.indexOf('/') >= 0) {
            return new MediaGlob(null, true);
        }
        if (minimumLength(pattern) > MAX_NAME) {
            // No stored name is that long; and a regex of a very long literal costs quadratic time to compile.
            return new MediaGlob(null, true);
        }
        boolean magic = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
        return new MediaGlob(Pattern.compile(translate(pattern), Pattern.DOTALL), magic && !pattern.startsWith("."));
    }

    /** The longest media file name the collection stores (the media table's fname column). */
    static final int MAX_NAME = 1000;

    /** The fewest characters a name matching the pattern has: one per literal, {@code ?} and set; none per {@code *}. */
    static int minimumLength(String pat) {
        int n = pat.length();
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                continue;
            }
            count++;
            if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j < n) {
                    i = j + 1;
                }
            }
        }
        return count;
    }

    public boolean matches(String name) {
        if (regex == null || (hidesDotFiles && name.startsWith("."))) {
            return false;
        }
        return regex.matcher(name).matches();
    }

    /** Python's fnmatch.translate, as a Java regex. */
    static String translate(String pat) {
        StringBuilder re = new StringBuilder();
        int n = pat.length();
        int i = 0;
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                while (i < n && pat.charAt(i) == '*') {
                    i++;
                }
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    re.append(set(pat.substring(i, j)));
                    i = j + 1;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** A bracket set's body ({@code !} negates, {@code a-z} ranges) as a Java character class. */
    private static String set(String body) {
        boolean negate = body.startsWith("!");
        String s = negate ? body.substring(1) : body;
        StringBuilder cls = new StringBuilder("[");
        if (negate) {
            cls.append('^');
        }
        int k = 0;
        boolean any = false;
        while (k < s.length()) {
            char a = s.charAt(k);
            if (k + 2 < s.length() && s.charAt(k + 1) == '-') {
                char b = s.charAt(k + 2);
                if (a <= b) {
                    cls.append(escape(a)).append('-').append(escape(b));
                    any = true;
                }
                k += 3;
            } else {
                cls.append(escape(a));
                any = true;
                k++;
            }
        }
        if (!any) {
            // An empty set: nothing matches it (its negation matches any one character).
            return negate ? "." : "(?!)";
        }
        return cls.append(']').toString();
    }

    private static String escape(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
    }
}
