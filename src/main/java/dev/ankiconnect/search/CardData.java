package dev.ankiconnect.search;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the cards.data JSON (FSRS {@code s d dr decay lrt}, {@code pos}, custom data {@code cd}) without a JSON
 * library; invalid JSON reads as "all absent", as in Anki.
 */
final class CardData {
    private final Map<String, Object> values;

    private CardData(Map<String, Object> values) {
        this.values = values;
    }

    static CardData parse(String json) {
        if (json == null || json.isBlank()) {
            return new CardData(Map.of());
        }
        try {
            Reader r = new Reader(json);
            Object v = r.value();
            r.ws();
            if (r.i != json.length() || !(v instanceof Map<?, ?>)) {
                return new CardData(Map.of());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) v;
            return new CardData(map);
        } catch (RuntimeException e) {
            return new CardData(Map.of());
        }
    }

    Double number(String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    /** Custom data: {@code cd} may be stored as a nested object or as a JSON string holding one. */
    Map<String, Object> customData() {
        Object cd = values.get("cd");
        if (cd instanceof String s) {
            cd = parse(s).values;
        }
        if (cd instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return map;
        }
        return Map.of();
    }

    /** Minimal recursive-descent JSON reader; numbers become Double. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            return Double.parseDouble(s.substring(start, i));
        }

        Map<String, Object> object() {
            Map<String, Object> m = new HashMap<>();
            i++;
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        Object array() {
            i++;
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return null;
            }
            while (true) {
                value();
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return null;
            }
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c);
            i++;
        }
    }
}
