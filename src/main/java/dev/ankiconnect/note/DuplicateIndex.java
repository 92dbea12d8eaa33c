package dev.ankiconnect.note;

import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.note.DuplicateRule.State;
import dev.ankiconnect.text.NoteFields;
import dev.ankiconnect.text.NoteText;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The notes that candidates could duplicate, fetched with one query per 500 checksums (and one
 * for their cards' decks when a deck scope is used), so a batch of notes is checked without a
 * round trip per note. Notes accepted earlier in the same addNotes call are added with
 * {@link #addPending}, so the second of two identical notes in one call is a duplicate as in
 * AnkiConnect, which adds them one by one.
 */
public final class DuplicateIndex {

    /** A note that candidates are compared with. */
    static final class Known {
        final long id;
        final long mid;
        final String first;
        Set<Long> dids;
        String stripped;

        Known(long id, long mid, String first, Set<Long> dids) {
            this.id = id;
            this.mid = mid;
            this.first = first;
            this.dids = dids;
        }

        String stripped() {
            if (stripped == null) {
                stripped = DuplicateRule.strippedFirst(first);
            }
            return stripped;
        }
    }

    private final Map<Long, List<Known>> byCsum = new HashMap<>();

    /** Loads the notes having one of these checksums; their card decks only when {@code withDecks}. */
    public static DuplicateIndex load(Connection c, long profileId, Collection<Long> csums, boolean withDecks) {
        DuplicateIndex index = new DuplicateIndex();
        Map<Long, Known> byId = new HashMap<>();
        NoteStore.byChecksums(c, profileId, csums, m -> {
            String flds = m.fields();
            int sep = flds.indexOf(NoteFields.SEPARATOR);
            Known k = new Known(m.id(), m.mid(), sep < 0 ? flds : flds.substring(0, sep), new HashSet<>());
            byId.put(k.id, k);
            index.byCsum.computeIfAbsent(m.csum(), x -> new ArrayList<>()).add(k);
        });
        if (withDecks && !byId.isEmpty()) {
            CardStore.decksOfNotes(
                    c,
                    profileId,
                    new ArrayList<>(byId.keySet()),
                    (nid, did) -> byId.get(nid).dids.add(did));
        }
        return index;
    }

    /** The checksum a candidate is looked up by. */
    public static long csum(NewNote n) {
        return NoteText.fieldChecksum(n.fields().length == 0 ? "" : n.fields()[0]);
    }

    /** Makes a note accepted in this call visible to later candidates. */
    public void addPending(long id, long mid, long csum, String first, Set<Long> dids) {
        byCsum.computeIfAbsent(csum, x -> new ArrayList<>()).add(new Known(id, mid, first, dids));
    }

    /**
     * The state of a candidate. {@code deckIdByName} resolves duplicateScopeOptions.deckName
     * (null when there is no such deck); {@code withDescendants} gives a deck and its subdecks.
     */
    public State check(NewNote n, Function<String, Long> deckIdByName, Function<Long, Set<Long>> withDescendants) {
        String first = n.fields().length == 0 ? "" : n.fields()[0];
        DuplicateOptions o = n.options();
        if (o.defaultPath()) {
            State cloze = DuplicateRule.clozeState(n.model(), n.fields());
            if (cloze != State.NORMAL) {
                return cloze;
            }
            String stripped = DuplicateRule.strippedFirst(first);
            if (DuplicateRule.blank(stripped)) {
                return State.EMPTY;
            }
            for (Known k : byCsum.getOrDefault(NoteText.checksumOfStripped(stripped), List.of())) {
                if (k.mid == n.model().id() && k.stripped().equals(stripped)) {
                    return State.DUPLICATE;
                }
            }
            return State.NORMAL;
        }
        if (DuplicateRule.blank(first)) {
            return State.EMPTY;
        }
        List<Known> candidates = byCsum.getOrDefault(NoteText.fieldChecksum(first), List.of());
        Set<Long> dids = null;
        if (o.deckScope()) {
            long did = n.deckId();
            if (o.scopeDeckName() != null) {
                Long named = deckIdByName.apply(o.scopeDeckName());
                if (named == null) {
                    return State.NORMAL;
                }
                did = named;
            }
            dids = o.checkChildren() ? withDescendants.apply(did) : Set.of(did);
        }
        for (Known k : candidates) {
            if (!o.checkAllModels() && k.mid != n.model().id()) {
                continue;
            }
            if (dids == null) {
                return State.DUPLICATE;
            }
            for (long d : k.dids) {
                if (dids.contains(d)) {
                    return State.DUPLICATE;
                }
            }
        }
        return State.NORMAL;
    }
}
