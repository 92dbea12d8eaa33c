package dev.ankiconnect.note;

import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckConfig;
import dev.ankiconnect.deck.DeckConfigs;
import dev.ankiconnect.notetype.NoteTypeEdit;
import dev.ankiconnect.notetype.NoteTypeJson;
import dev.ankiconnect.notetype.NoteTypeModel;
import dev.ankiconnect.notetype.NotesSync;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.scheduler.AnkiRng;
import dev.ankiconnect.scheduler.CardType;
import dev.ankiconnect.template.CardGeneration;
import dev.ankiconnect.text.NoteText;
import dev.ankiconnect.text.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps the notes and cards of a note type consistent after its fields or templates changed. */
@ApplicationScoped
public class NoteTypeSync implements NotesSync {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    CollectionConfigs config;

    @Inject
    dev.ankiconnect.deck.Decks decks;

    @Inject
    DeckConfigs deckConfigs;

    @Inject
    CardStore cardStore;

    @Inject
    NoteStore noteStore;

    /** Applies a save's consequences: note fields moved, cards of removed templates deleted, ords rewritten, cards generated. */
    @Override
    public void apply(long mid, NoteTypeEdit.Saved saved) {
        List<NoteRow> notes = null;
        long now = System.currentTimeMillis() / 1000;
        if (saved.fieldsChanged()) {
            notes = noteStore.ofType(mid);
            int sortf = saved.json().getInt("sortf", 0);
            for (NoteRow note : notes) {
                List<String> values = remap(List.of(note.fields), saved.fieldOrigins());
                note.fields = values.toArray(String[]::new);
                note.sfld = NoteText.sortFieldValue(values.get(Math.min(sortf, values.size() - 1)));
                note.csum = NoteText.fieldChecksum(values.get(0));
                note.mtime = now;
                note.usn = -1;
            }
            noteStore.update(notes);
        }
        boolean templatesMoved = !saved.removedTemplates().isEmpty();
        for (int i = 0; i < saved.templateOrigins().size(); i++) {
            templatesMoved |= saved.templateOrigins().get(i) != i
                    && saved.templateOrigins().get(i) >= 0;
        }
        if (templatesMoved) {
            Map<Integer, Integer> newOrd = new HashMap<>();
            for (int i = 0; i < saved.templateOrigins().size(); i++) {
                if (saved.templateOrigins().get(i) >= 0) {
                    newOrd.put(saved.templateOrigins().get(i), i);
                }
            }
            List<Long> removed = new ArrayList<>();
            List<CardRow> renumbered = new ArrayList<>();
            for (CardRow card : cards(mid)) {
                Integer ord = newOrd.get(card.ord);
                if (ord == null) {
                    removed.add(card.id);
                } else if (ord != card.ord) {
                    card.ord = ord;
                    card.mtime = now;
                    card.usn = -1;
                    renumbered.add(card);
                }
            }
            cardStore.delete(removed);
            cardStore.updateAll(renumbered);
        }
        if (saved.generateCards() && saved.json().getInt("type", 0) == NoteTypeJson.STANDARD) {
            generate(mid, saved.json(), notes == null ? noteStore.ofType(mid) : notes, now);
        }
    }

    /** Field values in their new order: each position takes the old value it came from, new fields are empty. */
    public static List<String> remap(List<String> old, List<Integer> origins) {
        List<String> out = new ArrayList<>(origins.size());
        for (int origin : origins) {
            out.add(origin >= 0 && origin < old.size() ? old.get(origin) : "");
        }
        return out;
    }

    /** The cards of the notes of this type. */
    private List<CardRow> cards(long mid) {
        List<CardRow> out = new ArrayList<>();
        cardStore.byNotes(noteStore.idsOfType(mid)).values().forEach(out::addAll);
        return out;
    }

    /** Adds the cards whose template front is now non-empty and that the note lacks (cards are never removed here). */
    private void generate(long mid, JsonObject json, List<NoteRow> notes, long now) {
        NoteTypeModel model = new NoteTypeModel(json);
        List<String> fronts = new ArrayList<>();
        model.templates().forEach(t -> fronts.add(t.qfmt()));
        List<Long> nids = new ArrayList<>(notes.size());
        notes.forEach(n -> nids.add(n.id));
        Map<Long, List<CardRow>> byNote = cardStore.byNotes(nids);
        List<CardRow> added = new ArrayList<>();
        for (NoteRow note : notes) {
            List<String> values = List.of(note.fields);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < model.fieldNames().size(); i++) {
                fields.put(model.fieldNames().get(i), i < values.size() ? values.get(i) : "");
            }
            List<CardRow> existing = byNote.getOrDefault(note.id, List.of());
            Set<Integer> have = new HashSet<>();
            existing.forEach(c -> have.add(c.ord));
            List<Integer> wanted = new ArrayList<>();
            for (int ord : CardGeneration.templatesWithNonEmptyFront(
                    fronts, fields, !Tags.split(note.tags).isEmpty())) {
                if (!have.contains(ord)) {
                    wanted.add(ord);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            long homeDeck = homeDeck(mid, existing);
            Long due = null;
            for (int ord : wanted) {
                long did = templateDeck(json, ord).orElse(homeDeck);
                if (due == null) {
                    // One position per note, as Anki reads nextPos once for all its new cards.
                    due = position(existing, did);
                }
                added.add(CardRow.newCard(ids.next(), note.id, did, ord, due, now));
            }
        }
        cardStore.insert(added);
    }

    /**
     * A new card of the note shares an existing new card's position, else takes the next one
     * (a random one when the deck's preset inserts new cards randomly).
     */
    private long position(List<CardRow> existing, long did) {
        for (CardRow c : existing) {
            if (CardType.NEW.is(c.type)) {
                return Math.max(0, c.odue != 0 ? c.odue : c.due);
            }
        }
        long next = config.getLong("nextPos", 1);
        config.set("nextPos", jakarta.json.Json.createValue(next + 1));
        return randomOrder(did) ? randomPosition(next) : next;
    }

    /** Anki's random insert position: rand(1 .. max(nextPos, 1000)) seeded with nextPos. */
    static long randomPosition(long nextPos) {
        return AnkiRng.seedFromU64(nextPos).nextIntRange(1, (int) Math.max(nextPos, 1000));
    }

    /** v11 {@code new.order} 0 means random insertion. */
    private boolean randomOrder(long did) {
        Deck d = decks.byId(did).orElse(null);
        if (d == null || d.isFiltered()) {
            return false;
        }
        DeckConfig preset = deckConfigs.byId(d.confId()).orElse(null);
        if (preset == null) {
            return false;
        }
        return DeckConfigs.settings(preset).randomNewOrder();
    }

    /** The deck all existing cards share (their home deck), else the type's last-used deck, else Default. */
    private long homeDeck(long mid, List<CardRow> existing) {
        Set<Long> homes = new HashSet<>();
        existing.forEach(c -> homes.add(c.homeDeck()));
        if (homes.size() == 1) {
            return homes.iterator().next();
        }
        long last = config.getLong("_nt_" + mid + "_lastDeck", 1);
        return normalDeck(last) ? last : 1;
    }

    private java.util.Optional<Long> templateDeck(JsonObject json, int ord) {
        JsonValue did = json.getJsonArray("tmpls").get(ord).asJsonObject().get("did");
        if (did instanceof JsonNumber n && n.longValue() > 0 && normalDeck(n.longValue())) {
            return java.util.Optional.of(n.longValue());
        }
        return java.util.Optional.empty();
    }

    private boolean normalDeck(long did) {
        Deck d = decks.byId(did).orElse(null);
        return d != null && !d.isFiltered();
    }
}
