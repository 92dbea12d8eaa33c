package dev.ankiconnect.card;

import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.template.CardGeneration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cards a note should have (ANKI-MODEL 3.1-3.3, 3.5): one per template whose front is
 * non-empty, one per cloze number for cloze types; a note without cards gets ordinal 0 anyway;
 * existing cards are never removed. Pure: deciding decks and positions is the caller's job.
 */
public final class CardGenerator {

    private CardGenerator() {}

    /** The ordinals the note's current content generates, ascending. */
    public static List<Integer> generated(ModelInfo model, String[] fields, boolean hasTags) {
        if (model.isCloze()) {
            List<String> values = java.util.Arrays.asList(fields);
            return new ArrayList<>(new TreeSet<>(CardGeneration.clozeCardOrdinals(values)));
        }
        Map<String, String> map = new HashMap<>(fields.length * 2);
        List<String> names = model.fieldNames();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), i < fields.length ? fields[i] : "");
        }
        return CardGeneration.templatesWithNonEmptyFront(model.fronts(), map, hasTags);
    }

    /** The ordinals to add to a note that has cards of {@code existing} ordinals. */
    public static List<Integer> missing(
            ModelInfo model, String[] fields, boolean hasTags, Collection<Integer> existing) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> have = new TreeSet<>(existing);
        for (int ord : generated(model, fields, hasTags)) {
            if (!have.contains(ord)) {
                out.add(ord);
            }
        }
        if (out.isEmpty() && have.isEmpty()) {
            out.add(0);
        }
        return out;
    }
}
