package dev.ankiconnect.deck;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deck name in Anki's form: levels joined with {@code ::}, each level normalised (NFC,
 * control characters removed, surrounding whitespace and colons trimmed, empty → {@code blank}).
 */
public record DeckName(List<String> levels) {

    public static final String SEPARATOR = "::";

    public DeckName {
        levels = List.copyOf(levels);
    }

    /** Normalises a human deck name as Anki does when a deck is added or renamed. */
    public static DeckName of(String human) {
        List<String> out = new ArrayList<>();
        for (String part : human.split(SEPARATOR, -1)) {
            out.add(normalizeLevel(part));
        }
        return new DeckName(out);
    }

    static String normalizeLevel(String level) {
        StringBuilder b = new StringBuilder();
        String nfc = Normalizer.normalize(level, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                b.append(c);
            }
        }
        int start = 0;
        int end = b.length();
        while (start < end && (Character.isWhitespace(b.charAt(start)) || b.charAt(start) == ':')) {
            start++;
        }
        while (end > start && (Character.isWhitespace(b.charAt(end - 1)) || b.charAt(end - 1) == ':')) {
            end--;
        }
        String trimmed = b.substring(start, end);
        return trimmed.isEmpty() ? "blank" : trimmed;
    }

    public String human() {
        return String.join(SEPARATOR, levels);
    }

    /** The lower-cased form under which names are unique. */
    public String key() {
        return key(human());
    }

    public static String key(String human) {
        return human.toLowerCase(Locale.ROOT);
    }

    public int depth() {
        return levels.size();
    }

    /** The parent name, or null for a top-level deck. */
    public DeckName parent() {
        return levels.size() <= 1 ? null : new DeckName(levels.subList(0, levels.size() - 1));
    }

    public String leaf() {
        return levels.get(levels.size() - 1);
    }

    /** The same name with a different last level (keeps the parent's spelling). */
    public DeckName child(String leaf) {
        List<String> l = new ArrayList<>(levels);
        l.add(leaf);
        return new DeckName(l);
    }

    /** True when this deck is {@code other} or lies below it. */
    public boolean isSameOrBelow(DeckName other) {
        String mine = key();
        String theirs = other.key();
        return mine.equals(theirs) || mine.startsWith(theirs + SEPARATOR);
    }
}
