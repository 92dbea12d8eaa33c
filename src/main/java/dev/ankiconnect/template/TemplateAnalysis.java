package dev.ankiconnect.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Template inspection and rewriting for the model actions (fields on templates, field renames/removals). */
public final class TemplateAnalysis {
    private TemplateAnalysis() {}

    // AnkiConnect's own scan (from aqt's clayout): any {{...}} not starting with # or /.
    private static final Pattern ANKICONNECT_FIELD = Pattern.compile("\\{\\{[^#/}]+?\\}\\}");

    /**
     * AnkiConnect's modelFieldsOnTemplates value for one template: [question fields, answer
     * fields]. Braces removed, last ':' piece kept, FrontSide skipped, answer names already on
     * the question side skipped; duplicates within a side kept. {@code {{^X}}} yields "^X" as in
     * AnkiConnect.
     */
    public static List<List<String>> fieldsOnTemplate(String qfmt, String afmt) {
        List<String> q = scan(qfmt, List.of());
        List<String> a = scan(afmt, q);
        return List.of(q, a);
    }

    private static List<String> scan(String template, List<String> questionSide) {
        List<String> out = new ArrayList<>();
        Matcher m = ANKICONNECT_FIELD.matcher(template);
        while (m.find()) {
            String name = m.group().replace("{", "").replace("}", "");
            name = name.substring(name.lastIndexOf(':') + 1);
            if (name.equals("FrontSide") || questionSide.contains(name)) {
                continue;
            }
            out.add(name);
        }
        return Collections.unmodifiableList(out);
    }

    /** Names referenced by replacements and sections (not cloze conditionals like c1), as Anki collects them. */
    public static Set<String> referencedFieldNames(ParsedTemplate t) {
        Set<String> set = new HashSet<>();
        collect(t.nodes(), set, false, true);
        return set;
    }

    /** Names used with the cloze filter anywhere in the template. */
    public static Set<String> clozeFieldNames(ParsedTemplate t) {
        Set<String> set = new HashSet<>();
        collect(t.nodes(), set, true, false);
        return set;
    }

    private static void collect(List<Node> nodes, Set<String> out, boolean clozeOnly, boolean withConditionals) {
        for (Node n : nodes) {
            if (n instanceof Node.Replacement r) {
                if (!clozeOnly || r.filters().contains("cloze")) {
                    out.add(r.key());
                }
            } else if (n instanceof Node.Conditional c) {
                if (withConditionals && !Evaluator.isClozeConditional(c.key())) {
                    out.add(c.key());
                }
                collect(c.children(), out, clozeOnly, withConditionals);
            }
        }
    }

    /**
     * Rewrites a template for field changes: each key maps to the new name, or to empty for a
     * removed field (its replacements vanish; its sections are unwrapped, keeping their
     * children). The result is re-serialised from the parse tree, as Anki does. Returns the
     * template unchanged when it does not parse.
     */
    public static String rewriteFields(String template, Map<String, Optional<String>> changes) {
        try {
            return new ParsedTemplate(rewrite(ParsedTemplate.parse(template).nodes(), changes)).toTemplateString();
        } catch (TemplateError e) {
            return template;
        }
    }

    /** {@link #rewriteFields} for a single rename. */
    public static String renameField(String template, String oldName, String newName) {
        return rewriteFields(template, Map.of(oldName, Optional.of(newName)));
    }

    /** {@link #rewriteFields} for a single removal. */
    public static String removeField(String template, String name) {
        return rewriteFields(template, Map.of(name, Optional.empty()));
    }

    /**
     * Anki's notetype update for renamed/removed fields: rewrites both sides, then, if the front
     * has no field replacement left (or, for cloze, no top-level cloze replacement), appends
     * {@code {{First}}} / {@code {{cloze:First}}}; a cloze back without a top-level cloze
     * replacement gets {@code {{cloze:First}}} too. Unparseable sides are left as they are.
     * Returns [qfmt, afmt].
     */
    public static List<String> updateTemplateForFieldChanges(
            String qfmt,
            String afmt,
            Map<String, Optional<String>> changes,
            String firstRemainingField,
            boolean cloze) {
        String q = qfmt;
        String a = afmt;
        try {
            List<Node> nodes =
                    new ArrayList<>(rewrite(ParsedTemplate.parse(qfmt).nodes(), changes));
            Set<String> refs = new HashSet<>();
            collect(nodes, refs, false, false);
            if (refs.isEmpty() || (cloze && !hasTopLevelCloze(nodes))) {
                nodes.add(missing(firstRemainingField, cloze));
            }
            q = new ParsedTemplate(nodes).toTemplateString();
        } catch (TemplateError e) {
            // left unchanged
        }
        try {
            List<Node> nodes =
                    new ArrayList<>(rewrite(ParsedTemplate.parse(afmt).nodes(), changes));
            if (cloze && !hasTopLevelCloze(nodes)) {
                nodes.add(missing(firstRemainingField, true));
            }
            a = new ParsedTemplate(nodes).toTemplateString();
        } catch (TemplateError e) {
            // left unchanged
        }
        return List.of(q, a);
    }

    private static Node missing(String field, boolean cloze) {
        return new Node.Replacement(field, cloze ? List.of("cloze") : List.of());
    }

    private static boolean hasTopLevelCloze(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Node.Replacement r && r.filters().contains("cloze")) {
                return true;
            }
        }
        return false;
    }

    private static List<Node> rewrite(List<Node> nodes, Map<String, Optional<String>> changes) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n instanceof Node.Replacement r) {
                Optional<String> change = changes.get(r.key());
                if (change == null) {
                    out.add(r);
                } else if (change.isPresent()) {
                    out.add(new Node.Replacement(change.get(), r.filters()));
                }
            } else if (n instanceof Node.Conditional c) {
                List<Node> children = rewrite(c.children(), changes);
                Optional<String> change = changes.get(c.key());
                if (change == null) {
                    out.add(new Node.Conditional(c.key(), c.negated(), children));
                } else if (change.isPresent()) {
                    out.add(new Node.Conditional(change.get(), c.negated(), children));
                } else {
                    out.addAll(children);
                }
            } else {
                out.add(n);
            }
        }
        return out;
    }
}
