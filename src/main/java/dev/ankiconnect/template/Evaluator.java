package dev.ankiconnect.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a parsed template against a field map (Anki's render_into plus the Python pass). */
final class Evaluator {
    private Evaluator() {}

    /**
     * Renders one side. {@code frontSide} is null for the question (which also makes cloze
     * filters render the question side) and the rendered question text for the answer.
     */
    static String render(
            ParsedTemplate t, Map<String, String> fields, Set<String> nonEmpty, int cardOrd, String frontSide)
            throws TemplateError {
        StringBuilder sb = new StringBuilder(256);
        renderInto(sb, t.nodes(), fields, nonEmpty, cardOrd, frontSide);
        return sb.toString();
    }

    private static void renderInto(
            StringBuilder sb,
            List<Node> nodes,
            Map<String, String> fields,
            Set<String> nonEmpty,
            int cardOrd,
            String frontSide)
            throws TemplateError {
        for (Node node : nodes) {
            if (node instanceof Node.Text t) {
                sb.append(t.text());
            } else if (node instanceof Node.Comment c) {
                sb.append(ParsedTemplate.COMMENT_START).append(c.text()).append(ParsedTemplate.COMMENT_END);
            } else if (node instanceof Node.Replacement r) {
                replacement(sb, r, fields, cardOrd, frontSide);
            } else {
                Node.Conditional c = (Node.Conditional) node;
                boolean show = evaluate(c, fields, nonEmpty);
                // a hidden section is still rendered so that its errors surface
                renderInto(show ? sb : new StringBuilder(), c.children(), fields, nonEmpty, cardOrd, frontSide);
            }
        }
    }

    private static void replacement(
            StringBuilder sb, Node.Replacement r, Map<String, String> fields, int cardOrd, String frontSide)
            throws TemplateError {
        String key = r.key();
        if (key.equals("FrontSide")) {
            // filters on FrontSide are ignored by Anki
            if (frontSide != null) {
                sb.append(frontSide);
            }
            return;
        }
        if (key.isEmpty() && !r.filters().isEmpty()) {
            return; // "{{filter:}}" is for add-ons that produce their own text
        }
        String value = fields.get(key);
        if (value == null) {
            StringBuilder written = new StringBuilder();
            for (int i = r.filters().size() - 1; i >= 0; i--) {
                written.append(r.filters().get(i)).append(':');
            }
            throw TemplateError.fieldNotFound(key, written.toString());
        }
        sb.append(r.filters().isEmpty() ? value : Filters.apply(value, r.filters(), key, cardOrd, frontSide == null));
    }

    private static boolean evaluate(Node.Conditional c, Map<String, String> fields, Set<String> nonEmpty)
            throws TemplateError {
        String key = c.key();
        if (nonEmpty.contains(key)) {
            return !c.negated();
        }
        if (fields.containsKey(key) || isClozeConditional(key)) {
            return c.negated();
        }
        throw TemplateError.noSuchConditional(c.negated() ? '^' : '#', key);
    }

    /** "c" followed by a u32 as Rust parses it (optional '+', decimal digits). */
    static boolean isClozeConditional(String key) {
        if (key.length() < 2 || key.charAt(0) != 'c') {
            return false;
        }
        String digits = key.charAt(1) == '+' ? key.substring(2) : key.substring(1);
        if (digits.isEmpty()) {
            return false;
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char ch = digits.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
            v = v * 10 + (ch - '0');
            if (v > 0xFFFFFFFFL) {
                return false;
            }
        }
        return true;
    }
}
