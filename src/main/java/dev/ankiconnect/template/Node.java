package dev.ankiconnect.template;

import java.util.List;

/** One node of a parsed template tree; immutable. */
public sealed interface Node permits Node.Text, Node.Comment, Node.Replacement, Node.Conditional {

    /** Literal text. */
    record Text(String text) implements Node {}

    /** An HTML comment; kept verbatim and never evaluated. {@code text} excludes the delimiters. */
    record Comment(String text) implements Node {}

    /**
     * A field reference {@code {{f2:f1:Key}}}; {@code filters} are in application order
     * (closest to the key first, i.e. [f1, f2]).
     */
    record Replacement(String key, List<String> filters) implements Node {
        public Replacement {
            filters = List.copyOf(filters);
        }
    }

    /** A section {@code {{#Key}}} or, when {@code negated}, {@code {{^Key}}}. */
    record Conditional(String key, boolean negated, List<Node> children) implements Node {
        public Conditional {
            children = List.copyOf(children);
        }
    }
}
