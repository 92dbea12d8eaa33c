package dev.ankiconnect.check;

import dev.ankiconnect.card.CardRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What Check Database repairs on one note and its cards (pure), by Anki's rules (rslib {@code dbcheck.rs}). */
public final class NoteRules {

    private NoteRules() {}

    /** The tag Anki adds to a note whose field count it repaired. */
    public static final String FIXED_TAG = "db-check";

    /**
     * The fields fitted to the note type's field count, as Anki's {@code fix_field_count}: missing fields are
     * added empty; surplus fields are joined into the last one, each after {@code "; "}.
     */
    public static String[] fixFieldCount(String[] fields, int count) {
        List<String> out = new ArrayList<>(Arrays.asList(fields));
        while (out.size() < count) {
            out.add("");
        }
        while (out.size() > count && out.size() > 1) {
            String last = out.remove(out.size() - 1);
            out.set(out.size() - 1, out.get(out.size() - 1) + "; " + last);
        }
        return out.toArray(new String[0]);
    }

    /** The cards of one note to delete, by kind. */
    public record Removals(List<CardRow> duplicateOrdinals, List<CardRow> missingTemplates, List<CardRow> kept) {}

    /**
     * Splits a note's cards (in id order) into those to delete and those to keep: a card whose ordinal an earlier
     * card of the note already has, then, for a standard note type, a card whose ordinal has no template. Cloze
     * cards are never removed for their number (Anki's rule: any cloze number may come back with the text).
     */
    public static Removals removals(List<CardRow> cards, boolean cloze, int templateCount) {
        List<CardRow> dup = new ArrayList<>();
        List<CardRow> missing = new ArrayList<>();
        List<CardRow> kept = new ArrayList<>(cards.size());
        Set<Integer> ords = new HashSet<>();
        for (CardRow c : cards) {
            if (!ords.add(c.ord)) {
                dup.add(c);
            } else if (!cloze && c.ord >= templateCount) {
                missing.add(c);
            } else {
                kept.add(c);
            }
        }
        return new Removals(dup, missing, kept);
    }
}
