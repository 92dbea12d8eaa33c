package dev.ankiconnect.text;

/** Trimming with Unicode White_Space semantics, matching Rust's str::trim (Java's strip differs). */
public final class Whitespace {
    private Whitespace() {}

    /** True for characters with the Unicode White_Space property. */
    public static boolean isWhiteSpace(char c) {
        return switch (c) {
            case '\t',
                    '\n',
                    '\u000B',
                    '\f',
                    '\r',
                    ' ',
                    '\u0085',
                    '\u00A0',
                    '\u1680',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** Removes leading and trailing White_Space characters. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Removes leading White_Space characters only. */
    public static String trimStart(String s) {
        int start = 0;
        while (start < s.length() && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }
}
