package dev.ankiconnect.template;

import dev.ankiconnect.text.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An immutable parsed card template; parse once with {@link #parse} or {@link #cached}. */
public final class ParsedTemplate {
    static final String COMMENT_START = "<!--";
    static final String COMMENT_END = "-->";
    private static final String ALT_DIRECTIVE = "{{=<% %>=}}";

    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private final List<Node> nodes;

    ParsedTemplate(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The top-level nodes. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Parses template text; throws Anki's parse errors (unbalanced sections). */
    public static ParsedTemplate parse(String template) throws TemplateError {
        Lexer lexer = new Lexer(template);
        return new ParsedTemplate(parseInner(lexer, null));
    }

    /**
     * Like {@link #parse} but memoised per template string (parsing is pure), so rendering
     * many cards of one notetype parses each side once.
     */
    public static ParsedTemplate cached(String template) throws TemplateError {
        Object hit = CACHE.get(template);
        if (hit == null) {
            try {
                hit = parse(template);
            } catch (TemplateError e) {
                hit = e;
            }
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear(); // crude bound; templates are few in practice
            }
            CACHE.put(template, hit);
        }
        if (hit instanceof TemplateError e) {
            throw new TemplateError(e.getMessage());
        }
        return (ParsedTemplate) hit;
    }

    private static List<Node> parseInner(Lexer lexer, String openTag) throws TemplateError {
        List<Node> out = new ArrayList<>();
        Token t;
        while ((t = lexer.next()) != null) {
            switch (t.kind) {
                case TEXT -> out.add(new Node.Text(t.text));
                case COMMENT -> out.add(new Node.Comment(t.text));
                case REPLACEMENT -> out.add(replacement(t.text));
                case OPEN -> out.add(new Node.Conditional(t.text, false, parseInner(lexer, t.text)));
                case OPEN_NEGATED -> out.add(new Node.Conditional(t.text, true, parseInner(lexer, t.text)));
                case CLOSE -> {
                    if (openTag != null && openTag.equals(t.text)) {
                        return out;
                    }
                    throw TemplateError.conditionalNotOpen(t.text, openTag);
                }
                default -> throw new IllegalStateException();
            }
        }
        if (openTag != null) {
            throw TemplateError.conditionalNotClosed(openTag);
        }
        return out;
    }

    // "a:b:Key" -> key "Key", filters [b, a] (right to left, closest to the key first).
    private static Node.Replacement replacement(String content) {
        List<String> filters = new ArrayList<>(2);
        int end = content.length();
        int colon;
        while ((colon = content.lastIndexOf(':', end - 1)) >= 0 && end > 0) {
            filters.add(content.substring(colon + 1, end));
            end = colon;
        }
        // the first piece collected is the key
        if (filters.isEmpty()) {
            return new Node.Replacement(content, List.of());
        }
        String key = filters.remove(0);
        filters.add(content.substring(0, end));
        return new Node.Replacement(key, filters);
    }

    /** Serialises the tree back to template text, the way Anki writes rewritten templates. */
    public String toTemplateString() {
        StringBuilder sb = new StringBuilder();
        write(sb, nodes);
        return sb.toString();
    }

    static void write(StringBuilder sb, List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Node.Text t) {
                sb.append(t.text());
            } else if (n instanceof Node.Comment c) {
                sb.append(COMMENT_START).append(c.text()).append(COMMENT_END);
            } else if (n instanceof Node.Replacement r) {
                sb.append("{{");
                for (int i = r.filters().size() - 1; i >= 0; i--) {
                    sb.append(r.filters().get(i)).append(':');
                }
                sb.append(r.key()).append("}}");
            } else if (n instanceof Node.Conditional c) {
                sb.append("{{").append(c.negated() ? '^' : '#').append(c.key()).append("}}");
                write(sb, c.children());
                sb.append("{{/").append(c.key()).append("}}");
            }
        }
    }

    private enum Kind {
        TEXT,
        COMMENT,
        REPLACEMENT,
        OPEN,
        OPEN_NEGATED,
        CLOSE
    }

    private record Token(Kind kind, String text) {}

    /** Anki's lexer: at each position try a handlebar, then a comment; everything else is text. */
    private static final class Lexer {
        private final String s;
        private final String open;
        private final String close;
        private final int lastClose;
        private final int lastCommentEnd;
        private int pos;

        Lexer(String template) {
            String t = template;
            String o = "{{";
            String c = "}}";
            String trimmed = Whitespace.trimStart(t);
            if (trimmed.startsWith(ALT_DIRECTIVE)) {
                while (trimmed.startsWith(ALT_DIRECTIVE)) {
                    trimmed = trimmed.substring(ALT_DIRECTIVE.length());
                }
                t = trimmed;
                o = "<%";
                c = "%>";
            }
            this.s = t;
            this.open = o;
            this.close = c;
            // a handlebar/comment at i needs a closer after it; knowing the last one avoids rescans
            this.lastClose = t.lastIndexOf(c);
            this.lastCommentEnd = t.lastIndexOf(COMMENT_END);
        }

        Token next() {
            if (pos >= s.length()) {
                return null;
            }
            int start = pos;
            for (int i = pos; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == open.charAt(0) && s.startsWith(open, i) && lastClose >= i + open.length()) {
                    if (i > start) {
                        pos = i;
                        return new Token(Kind.TEXT, s.substring(start, i));
                    }
                    int end = s.indexOf(close, i + open.length());
                    pos = end + close.length();
                    return classify(s.substring(i + open.length(), end));
                }
                if (ch == '<' && s.startsWith(COMMENT_START, i) && lastCommentEnd >= i + COMMENT_START.length()) {
                    if (i > start) {
                        pos = i;
                        return new Token(Kind.TEXT, s.substring(start, i));
                    }
                    int end = s.indexOf(COMMENT_END, i + COMMENT_START.length());
                    pos = end + COMMENT_END.length();
                    return new Token(Kind.COMMENT, s.substring(i + COMMENT_START.length(), end));
                }
            }
            pos = s.length();
            return new Token(Kind.TEXT, s.substring(start));
        }

        private static Token classify(String inner) {
            int i = 0;
            while (i < inner.length() && inner.charAt(i) == '{') {
                i++;
            }
            String t = Whitespace.trim(inner.substring(i));
            if (t.length() < 2) {
                return new Token(Kind.REPLACEMENT, t);
            }
            return switch (t.charAt(0)) {
                case '#' -> new Token(Kind.OPEN, Whitespace.trimStart(t.substring(1)));
                case '/' -> new Token(Kind.CLOSE, Whitespace.trimStart(t.substring(1)));
                case '^' -> new Token(Kind.OPEN_NEGATED, Whitespace.trimStart(t.substring(1)));
                default -> new Token(Kind.REPLACEMENT, t);
            };
        }
    }
}
