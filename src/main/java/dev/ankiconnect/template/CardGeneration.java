package dev.ankiconnect.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which cards a note produces (Anki's cardgen rules) and the legacy {@code req} array. */
public final class CardGeneration {
    private CardGeneration() {}

    /** Special fields that always count as non-empty for card generation (unless shadowed). */
    public static final List<String> ALWAYS_NONEMPTY_SPECIALS =
            List.of("Card", "CardFlag", "Deck", "Subdeck", "Type", "CardID");

    /**
     * Anki's field emptiness: only ASCII whitespace and the tags {@code <br>}, {@code </br>},
     * {@code <br/>}, {@code <br />}, {@code <div>}, {@code </div>}, {@code <div/>}, {@code <div />}
     * (any case).
     */
    public static boolean fieldIsEmpty(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                i++;
                continue;
            }
            if (c != '<') {
                return false;
            }
            int j = i + 1;
            if (j < n && text.charAt(j) == '/') {
                j++;
            }
            if (text.regionMatches(true, j, "br", 0, 2)) {
                j += 2;
            } else if (text.regionMatches(true, j, "div", 0, 3)) {
                j += 3;
            } else {
                return false;
            }
            if (j < n && text.charAt(j) == ' ') {
                j++;
            }
            if (j < n && text.charAt(j) == '/') {
                j++;
            }
            if (j >= n || text.charAt(j) != '>') {
                return false;
            }
            i = j + 1;
        }
        return true;
    }

    /**
     * The non-empty names for card generation: non-empty note fields, plus the special
     * fields not shadowed by a note field ({@code Tags} only when the note has tags).
     */
    public static Set<String> nonEmptyNames(Map<String, String> fields, boolean hasTags) {
        Set<String> set = new HashSet<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!fieldIsEmpty(e.getValue())) {
                set.add(e.getKey());
            }
        }
        for (String s : ALWAYS_NONEMPTY_SPECIALS) {
            if (!fields.containsKey(s)) {
                set.add(s);
            }
        }
        if (hasTags && !fields.containsKey("Tags")) {
            set.add("Tags");
        }
        return set;
    }

    /** True when the template's front is non-empty for the given non-empty names (3.1). */
    public static boolean rendersWithFields(ParsedTemplate t, Set<String> nonEmpty) {
        return !isEmpty(t.nodes(), nonEmpty, true);
    }

    private static boolean isEmpty(List<Node> nodes, Set<String> nonEmpty, boolean checkNegated) {
        for (Node n : nodes) {
            if (n instanceof Node.Replacement r) {
                if (nonEmpty.contains(r.key())) {
                    return false;
                }
            } else if (n instanceof Node.Conditional c) {
                boolean present = nonEmpty.contains(c.key());
                boolean skip = c.negated() ? (checkNegated && present) : !present;
                if (!skip && !isEmpty(c.children(), nonEmpty, checkNegated)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Standard notetypes: ordinals (0-based, in order) of templates whose front is non-empty
     * for this note. Fronts that fail to parse never generate cards.
     */
    public static List<Integer> templatesWithNonEmptyFront(
            List<String> frontTemplates, Map<String, String> fields, boolean hasTags) {
        Set<String> nonEmpty = nonEmptyNames(fields, hasTags);
        List<Integer> ords = new ArrayList<>();
        for (int i = 0; i < frontTemplates.size(); i++) {
            try {
                if (rendersWithFields(ParsedTemplate.cached(frontTemplates.get(i)), nonEmpty)) {
                    ords.add(i);
                }
            } catch (TemplateError e) {
                // unparseable front: no card
            }
        }
        return ords;
    }

    /** Cloze notetypes: card ordinals from cloze numbers in all fields (min(N-1, 499)). */
    public static Set<Integer> clozeCardOrdinals(Collection<String> fieldValues) {
        return Cloze.cardOrdinals(fieldValues);
    }

    /** One entry of the legacy {@code req} array: kind is "any", "all" or "none". */
    public record Requirement(int templateOrd, String kind, List<Integer> fieldOrds) {}

    /**
     * The legacy {@code req} entry for a front template, with {@code {{^...}}} sections
     * counting as their children. An unparseable front gives "none".
     */
    public static Requirement requirement(int templateOrd, String front, List<String> fieldNames) {
        ParsedTemplate t;
        try {
            t = ParsedTemplate.cached(front);
        } catch (TemplateError e) {
            return new Requirement(templateOrd, "none", List.of());
        }
        TreeSet<Integer> ords = new TreeSet<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            if (!isEmpty(t.nodes(), Set.of(fieldNames.get(i)), false)) {
                ords.add(i);
            }
        }
        if (!ords.isEmpty()) {
            return new Requirement(templateOrd, "any", List.copyOf(ords));
        }
        Set<String> all = new HashSet<>(fieldNames);
        for (int i = 0; i < fieldNames.size(); i++) {
            ords.add(i);
        }
        for (int i = 0; i < fieldNames.size(); i++) {
            Set<String> without = new HashSet<>(all);
            without.remove(fieldNames.get(i));
            if (!isEmpty(t.nodes(), without, false)) {
                ords.remove(i);
            }
        }
        if (!ords.isEmpty() && !isEmpty(t.nodes(), all, false)) {
            return new Requirement(templateOrd, "all", List.copyOf(ords));
        }
        return new Requirement(templateOrd, "none", List.of());
    }
}
