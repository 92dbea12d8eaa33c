package dev.ankiconnect.note;

import dev.ankiconnect.card.Card;
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
import dev.ankiconnect.scheduler.CardQueue;
import dev.ankiconnect.scheduler.CardType;
import dev.ankiconnect.template.CardGeneration;
import dev.ankiconnect.text.NoteFields;
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

    /** Applies a save's consequences: note fields moved, cards of removed templates deleted, ords rewritten, cards generated. */
    @Override
    public void apply(long mid, NoteTypeEdit.Saved saved) {
        List<Note> notes = null;
        long now = System.currentTimeMillis() / 1000;
        if (saved.fieldsChanged()) {
            notes = notes(mid);
            int sortf = saved.json().getInt("sortf", 0);
            for (Note note : notes) {
                List<String> values = remap(split(note.flds()), saved.fieldOrigins());
                note.flds(NoteFields.join(values))
                        .sfld(NoteText.sortFieldValue(values.get(Math.min(sortf, values.size() - 1))))
                        .csum(NoteText.fieldChecksum(values.get(0)))
                        .mtime(now)
                        .usn(-1);
            }
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
            for (Card card : cards(mid)) {
                Integer ord = newOrd.get(card.ord());
                if (ord == null) {
                    tx.em().remove(card);
                } else if (ord != card.ord()) {
                    card.ord(ord).mtime(now).usn(-1);
                }
            }
        }
        if (saved.generateCards() && saved.json().getInt("type", 0) == NoteTypeJson.STANDARD) {
            // generate reads the cards with JPQL, which first flushes the removals and new ords above
            generate(mid, saved.json(), notes == null ? notes(mid) : notes, now);
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

    static List<String> split(String flds) {
        return new ArrayList<>(List.of(flds == null ? new String[] {""} : NoteFields.split(flds)));
    }

    private List<Note> notes(long mid) {
        return tx.em()
                .createNamedQuery("Note.byMid", Note.class)
                .setParameter("profile", profile.id())
                .setParameter("mid", mid)
                .getResultList();
    }

    private List<Card> cards(long mid) {
        return tx.em()
                .createQuery(
                        "select c from Card c where c.profileId = :p and c.nid in "
                                + "(select n.id from Note n where n.profileId = :p and n.mid = :mid)",
                        Card.class)
                .setParameter("p", profile.id())
                .setParameter("mid", mid)
                .getResultList();
    }

    /** Adds the cards whose template front is now non-empty and that the note lacks (cards are never removed here). */
    private void generate(long mid, JsonObject json, List<Note> notes, long now) {
        NoteTypeModel model = new NoteTypeModel(json);
        List<String> fronts = new ArrayList<>();
        model.templates().forEach(t -> fronts.add(t.qfmt()));
        Map<Long, List<Card>> byNote = new HashMap<>();
        for (Card c : cards(mid)) {
            byNote.computeIfAbsent(c.nid(), k -> new ArrayList<>()).add(c);
        }
        for (Note note : notes) {
            List<String> values = split(note.flds());
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < model.fieldNames().size(); i++) {
                fields.put(model.fieldNames().get(i), i < values.size() ? values.get(i) : "");
            }
            List<Card> existing = byNote.getOrDefault(note.id(), List.of());
            Set<Integer> have = new HashSet<>();
            existing.forEach(c -> have.add(c.ord()));
            List<Integer> wanted = new ArrayList<>();
            for (int ord : CardGeneration.templatesWithNonEmptyFront(
                    fronts, fields, !Tags.split(note.tags()).isEmpty())) {
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
                tx.em()
                        .persist(new Card()
                                .profileId(profile.id())
                                .id(ids.next())
                                .nid(note.id())
                                .did(did)
                                .ord(ord)
                                .mtime(now)
                                .usn(-1)
                                .type(CardType.NEW.code())
                                .queue(CardQueue.NEW.code())
                                .due(due)
                                .ivl(0)
                                .factor(0)
                                .reps(0)
                                .lapses(0)
                                .left(0)
                                .odue(0)
                                .odid(0)
                                .flags(0)
                                .data(""));
            }
        }
    }

    /**
     * A new card of the note shares an existing new card's position, else takes the next one
     * (a random one when the deck's preset inserts new cards randomly).
     */
    private long position(List<Card> existing, long did) {
        for (Card c : existing) {
            if (CardType.NEW.is(c.type())) {
                return Math.max(0, c.odue() != 0 ? c.odue() : c.due());
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
    private long homeDeck(long mid, List<Card> existing) {
        Set<Long> homes = new HashSet<>();
        existing.forEach(c -> homes.add(c.odid() != 0 ? c.odid() : c.did()));
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
