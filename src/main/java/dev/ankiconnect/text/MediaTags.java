package dev.ankiconnect.text;

import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * Finds media tags ({@code <img|audio|video|object|source ... src=|data=...>}) with the same
 * leftmost, shortest-prefix semantics as Anki's media regex, but in linear time: a
 * backtracking regex for that pattern is exponential on tags with many quoted attributes.
 */
final class MediaTags {
    private MediaTags() {}

    private static final String[] NAMES = {"img", "audio", "video", "object", "source"};

    /** A match: [start, end) of the whole tag and the file name. */
    record Match(int start, int end, String fileName) {}

    /** The first media tag at or after {@code from}, or null. */
    static Match find(String s, int from) {
        int i = s.indexOf('<', from);
        while (i >= 0) {
            int afterName = tagName(s, i + 1);
            if (afterName > 0) {
                Match m = matchFrom(s, i, afterName);
                if (m != null) {
                    return m;
                }
            }
            i = s.indexOf('<', i + 1);
        }
        return null;
    }

    // Position after a media tag name followed by a word boundary, or -1.
    private static int tagName(String s, int p) {
        for (String name : NAMES) {
            if (s.regionMatches(true, p, name, 0, name.length())) {
                int end = p + name.length();
                if (end >= s.length() || !isWord(s.charAt(end))) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /*
     * The attribute prefix is one or more units, each a non-'>' character or a quoted string
     * (which may contain '>'). Depth-first in the regex's preference order (stop as early as
     * possible, else one more plain character, else a quoted string), remembering positions
     * already known to fail so that each position is explored once.
     */
    private static Match matchFrom(String s, int tagStart, int start) {
        int n = s.length();
        BitSet failed = new BitSet(n + 1);
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {start, 0});
        while (!stack.isEmpty()) {
            int[] f = stack.peek();
            int pos = f[0];
            switch (f[1]) {
                case 0 -> {
                    f[1] = 1;
                    if (pos != start) {
                        Match m = attribute(s, tagStart, pos);
                        if (m != null) {
                            return m;
                        }
                    }
                }
                case 1 -> {
                    f[1] = 2;
                    if (pos < n && s.charAt(pos) != '>' && !failed.get(pos + 1)) {
                        stack.push(new int[] {pos + 1, 0});
                    }
                }
                case 2 -> {
                    f[1] = 3;
                    if (pos < n && (s.charAt(pos) == '"' || s.charAt(pos) == '\'')) {
                        int close = s.indexOf(s.charAt(pos), pos + 1);
                        if (close > pos + 1 && !failed.get(close + 1)) {
                            stack.push(new int[] {close + 1, 0});
                        }
                    }
                }
                default -> {
                    failed.set(pos);
                    stack.pop();
                }
            }
        }
        return null;
    }

    // "\b(src|data)\b=" then a double-quoted, single-quoted or bare value, then the tag end.
    private static Match attribute(String s, int tagStart, int p) {
        if (p >= s.length() || isWord(s.charAt(p - 1))) {
            return null;
        }
        int v;
        if (s.regionMatches(true, p, "src=", 0, 4)) {
            v = p + 4;
        } else if (s.regionMatches(true, p, "data=", 0, 5)) {
            v = p + 5;
        } else {
            return null;
        }
        int n = s.length();
        if (v < n && (s.charAt(v) == '"' || s.charAt(v) == '\'')) {
            int close = s.indexOf(s.charAt(v), v + 1);
            if (close > v + 1) {
                int gt = s.indexOf('>', close + 1);
                if (gt >= 0) {
                    return new Match(tagStart, gt + 1, s.substring(v + 1, close));
                }
            }
        }
        int e = v;
        while (e < n && s.charAt(e) != ' ' && s.charAt(e) != '>') {
            e++;
        }
        if (e == v || e >= n) {
            return null;
        }
        if (s.charAt(e) == '>') {
            return new Match(tagStart, e + 1, s.substring(v, e));
        }
        int gt = s.indexOf('>', e + 1);
        return gt < 0 ? null : new Match(tagStart, gt + 1, s.substring(v, e));
    }
}
