package dev.ankiconnect.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anki's audio/TTS tag extraction on rendered card text: {@code [sound:F]} and
 * {@code [anki:tts ...]...[/anki:tts]} become {@code [anki:play:q|a:N]} markers.
 */
public final class AvTags {
    private AvTags() {}

    /** A sound file reference or TTS request found on one side, in play order. */
    public record AvTag(String soundFile, String ttsLang, String ttsText) {
        /** True for a TTS request, false for a sound/video file. */
        public boolean isTts() {
            return soundFile == null;
        }
    }

    /** Text with play markers plus the extracted tags. */
    public record Extracted(String text, List<AvTag> tags) {}

    /** Replaces sound and TTS tags by play markers numbered from 0 for the given side. */
    public static Extracted extract(String text, boolean questionSide) {
        if (text.indexOf('[') < 0) {
            return new Extracted(text, List.of());
        }
        List<Object> nodes = parse(text);
        boolean textOnly = nodes.stream().allMatch(n -> n instanceof String);
        if (textOnly) {
            return new Extracted(text, List.of());
        }
        char side = questionSide ? 'q' : 'a';
        List<AvTag> tags = new ArrayList<>();
        StringBuilder sb = new StringBuilder(text.length());
        for (Object n : nodes) {
            if (n instanceof String s) {
                sb.append(s);
            } else if (n instanceof Sound s) {
                sb.append("[anki:play:")
                        .append(side)
                        .append(':')
                        .append(tags.size())
                        .append(']');
                tags.add(new AvTag(dev.ankiconnect.text.Html.decodeEntities(s.file), null, null));
            } else {
                Directive d = (Directive) n;
                if (d.name.equals("tts")) {
                    String lang = d.options.getOrDefault("lang", "");
                    if (lang.isEmpty()) {
                        sb.append("[Error in directive 'anki:tts': 'lang' not set]");
                        continue;
                    }
                    sb.append("[anki:play:")
                            .append(side)
                            .append(':')
                            .append(tags.size())
                            .append(']');
                    tags.add(new AvTag(null, lang, d.content));
                } else {
                    writeOther(sb, d);
                }
            }
        }
        return new Extracted(sb.toString(), List.copyOf(tags));
    }

    private record Sound(String file) {}

    private record Directive(String name, Map<String, String> options, String content) {}

    // Anki re-serialises non-TTS directives: options normalised, quoted only when needed.
    private static void writeOther(StringBuilder sb, Directive d) {
        sb.append("[anki:").append(d.name);
        for (Map.Entry<String, String> e : d.options.entrySet()) {
            String v = e.getValue();
            boolean quote = v.indexOf(']') >= 0
                    || v.indexOf(' ') >= 0
                    || v.indexOf('\t') >= 0
                    || v.indexOf('\r') >= 0
                    || v.indexOf('\n') >= 0;
            sb.append(' ').append(e.getKey()).append('=');
            sb.append(quote ? "\"" + v + "\"" : v);
        }
        sb.append(']').append(d.content).append("[/anki:").append(d.name).append(']');
    }

    private static List<Object> parse(String s) {
        List<Object> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int pos = 0;
        int[] end = new int[1];
        while (pos < s.length()) {
            Object node = null;
            if (s.startsWith("[sound:", pos)) {
                int close = s.indexOf(']', pos + 7);
                if (close > pos + 7) {
                    node = new Sound(s.substring(pos + 7, close));
                    end[0] = close + 1;
                }
            } else if (s.startsWith("[anki:", pos)) {
                node = directive(s, pos, end);
            }
            if (node != null) {
                if (text.length() > 0) {
                    out.add(text.toString());
                    text.setLength(0);
                }
                out.add(node);
                pos = end[0];
                continue;
            }
            // plain text: this character and everything up to the next '['
            int next = s.indexOf('[', pos + 1);
            int stop = next < 0 ? s.length() : next;
            text.append(s, pos, stop);
            pos = stop;
        }
        if (text.length() > 0) {
            out.add(text.toString());
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static Directive directive(String s, int start, int[] endOut) {
        int i = start + 6;
        int nameStart = i;
        while (i < s.length() && s.charAt(i) != ']' && !isSpace(s.charAt(i))) {
            i++;
        }
        if (i == nameStart) {
            return null;
        }
        String name = s.substring(nameStart, i);
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        Map<String, String> options = new LinkedHashMap<>();
        while (true) {
            int k = i;
            while (k < s.length() && s.charAt(k) != ']' && s.charAt(k) != '=' && !isSpace(s.charAt(k))) {
                k++;
            }
            if (k == i || k >= s.length() || s.charAt(k) != '=') {
                break;
            }
            String key = s.substring(i, k);
            int v = k + 1;
            String value;
            int closeQuote = v < s.length() && s.charAt(v) == '"' ? s.indexOf('"', v + 1) : -1;
            if (closeQuote >= 0) {
                value = s.substring(v + 1, closeQuote);
                v = closeQuote + 1;
            } else {
                int e = v;
                while (e < s.length() && s.charAt(e) != ']' && s.charAt(e) != '"' && !isSpace(s.charAt(e))) {
                    e++;
                }
                value = s.substring(v, e);
                v = e;
            }
            options.put(key, value);
            while (v < s.length() && isSpace(s.charAt(v))) {
                v++;
            }
            i = v;
        }
        if (i >= s.length() || s.charAt(i) != ']') {
            return null;
        }
        String closing = "[/anki:" + name + "]";
        int close = s.indexOf(closing, i + 1);
        if (close < 0) {
            return null;
        }
        endOut[0] = close + closing.length();
        return new Directive(name, options, s.substring(i + 1, close));
    }
}
