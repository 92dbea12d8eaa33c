package dev.ankiconnect.deck;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The decks of the profile read once per action: by id, by name, subdecks. */
public final class DeckIndex {

    public static final long DEFAULT_DECK = 1;

    private final Map<Long, Deck> byId = new HashMap<>();
    private final Map<String, Deck> byKey = new HashMap<>();

    public DeckIndex(List<Deck> decks) {
        for (Deck d : decks) {
            byId.put(d.id(), d);
            byKey.put(d.nameKey(), d);
        }
    }

    public Deck byId(long id) {
        return byId.get(id);
    }

    /** Case-insensitive lookup of a normalised name, as Anki's id_for_name. */
    public Deck byName(String name) {
        return byKey.get(DeckName.of(name).key());
    }

    public Long idByName(String name) {
        Deck d = byName(name);
        return d == null ? null : d.id();
    }

    public String name(long id) {
        Deck d = byId.get(id);
        return d == null ? null : d.name();
    }

    /** The deck and every deck below it. */
    public Set<Long> withDescendants(long id) {
        Set<Long> out = new HashSet<>();
        out.add(id);
        Deck root = byId.get(id);
        if (root == null) {
            return out;
        }
        String prefix = root.nameKey() + "::";
        for (Deck d : byId.values()) {
            if (d.nameKey().startsWith(prefix)) {
                out.add(d.id());
            }
        }
        return out;
    }

    /** A deck cards may be placed in: it exists and is not filtered; else the Default deck. */
    public long usable(long id) {
        Deck d = byId.get(id);
        return d != null && !d.isFiltered() ? id : DEFAULT_DECK;
    }

    public Map<Long, String> names() {
        Map<Long, String> out = new HashMap<>();
        byId.forEach((id, d) -> out.put(id, d.name()));
        return out;
    }
}
