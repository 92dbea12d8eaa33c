package dev.ankiconnect.note;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.card.CardGenerator;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.DeckIndex;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.note.DuplicateRule.State;
import dev.ankiconnect.notetype.ModelCache;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.scheduler.CardType;
import dev.ankiconnect.text.Guid;
import dev.ankiconnect.text.NoteText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adding notes (with the duplicate check and card generation) and saving edited notes. Every
 * batch is read and written with a fixed number of statements, whatever the number of notes.
 */
@ApplicationScoped
public class Notes {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    CollectionConfigs config;

    @Inject
    Ids ids;

    @Inject
    NoteStore store;

    @Inject
    CardStore cards;

    @Inject
    TagRegistry tagRegistry;

    @Inject
    ModelCache models;

    @Inject
    Decks decks;

    @Inject
    Instance<NoteMediaHook> mediaHooks;

    /** The outcome for one note object: the new note id, or the error text. */
    public record Outcome(Long id, String error) {}

    public DeckIndex deckIndex() {
        return new DeckIndex(decks.all());
    }

    NoteMediaHook media() {
        return mediaHooks.isResolvable() ? mediaHooks.get() : NoteMediaHook.NONE;
    }

    /**
     * Adds the notes one after the other as AnkiConnect does (a later note may duplicate an
     * earlier one). The action holds its collection's writer lock ({@code CollectionGeneration.lockForWrite}),
     * so the duplicate checks see every note committed before, on every server instance. Returns an
     * outcome per note; nothing is written when {@code allOrNothing} and some note failed.
     */
    public List<Outcome> add(List<JsonValue> specs, boolean allOrNothing) {
        DeckIndex deckIndex = deckIndex();
        NoteSpecReader reader = new NoteSpecReader(models::byName, deckIndex, media());
        int n = specs.size();
        NewNote[] parsed = new NewNote[n];
        String[] errors = new String[n];
        boolean withDecks = false;
        List<Long> csums = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                parsed[i] = reader.read(specs.get(i));
                withDecks |= parsed[i].options().deckScope();
                csums.add(DuplicateIndex.csum(parsed[i]));
            } catch (RuntimeException e) {
                errors[i] = ApiErrors.message(e);
            }
        }
        DuplicateIndex index = loadIndex(csums, withDecks);
        TagSet tagSet = tagRegistry.load();
        long nowSecs = System.currentTimeMillis() / 1000;
        long nextPos = config.getLong("nextPos", 1);
        long noteId = n == 0 ? 0 : ids.reserve(n);
        List<NoteRow> noteRows = new ArrayList<>(n);
        List<CardRow> cardRows = new ArrayList<>(n * 2);
        Long[] created = new Long[n];
        boolean failed = false;
        for (int i = 0; i < n; i++) {
            if (parsed[i] == null) {
                failed = true;
                continue;
            }
            NewNote note = parsed[i];
            String error = DuplicateRule.message(
                    index.check(note, deckIndex::idByName, deckIndex::withDescendants),
                    note.options().allowDuplicate());
            if (error != null) {
                errors[i] = error;
                failed = true;
                continue;
            }
            NoteRow row = newRow(noteId + i, note, tagSet, nowSecs);
            List<Integer> ords = CardGenerator.missing(note.model(), row.fields, !row.tags.isEmpty(), List.of());
            Set<Long> dids = new HashSet<>();
            for (int ord : ords) {
                long did = deckFor(note.model(), ord, note.deckId(), deckIndex);
                dids.add(did);
                // ids are assigned below, once the number of cards is known
                cardRows.add(CardRow.newCard(0, row.id, did, ord, nextPos, nowSecs));
            }
            nextPos++;
            noteRows.add(row);
            created[i] = row.id;
            index.addPending(row.id, row.mid, row.csum, row.fields.length == 0 ? "" : row.fields[0], dids);
        }
        List<Outcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Outcome(created[i], errors[i]));
        }
        if (failed && allOrNothing) {
            return out;
        }
        if (!cardRows.isEmpty()) {
            long cardId = ids.reserve(cardRows.size());
            for (CardRow c : cardRows) {
                c.id = cardId++;
            }
        }
        store.insert(noteRows);
        cards.insert(cardRows);
        tagRegistry.save(tagSet);
        if (!noteRows.isEmpty()) {
            config.set("nextPos", Json.createValue(nextPos));
        }
        return out;
    }

    /** canAddNote(s): the error each note would meet, or null; no note in the list counts for another. */
    public List<String> canAdd(List<JsonValue> specs) {
        DeckIndex deckIndex = deckIndex();
        NoteSpecReader reader = new NoteSpecReader(models::byName, deckIndex, media());
        List<String> out = new ArrayList<>(specs.size());
        NewNote[] parsed = new NewNote[specs.size()];
        String[] errors = new String[specs.size()];
        List<Long> csums = new ArrayList<>();
        boolean withDecks = false;
        for (int i = 0; i < specs.size(); i++) {
            try {
                parsed[i] = reader.read(specs.get(i));
                csums.add(DuplicateIndex.csum(parsed[i]));
                withDecks |= parsed[i].options().deckScope();
            } catch (RuntimeException e) {
                errors[i] = ApiErrors.message(e);
            }
        }
        DuplicateIndex index = loadIndex(csums, withDecks);
        for (int i = 0; i < specs.size(); i++) {
            if (parsed[i] != null) {
                State s = index.check(parsed[i], deckIndex::idByName, deckIndex::withDescendants);
                errors[i] = DuplicateRule.message(s, parsed[i].options().allowDuplicate());
            }
            out.add(errors[i]);
        }
        return out;
    }

    private DuplicateIndex loadIndex(List<Long> csums, boolean withDecks) {
        return DuplicateIndex.load(Sql.connection(tx), profile.id(), csums, withDecks);
    }

    private NoteRow newRow(long id, NewNote note, TagSet tagSet, long nowSecs) {
        NoteRow row = new NoteRow();
        row.id = id;
        row.guid = Guid.random();
        row.mid = note.model().id();
        row.mtime = nowSecs;
        row.usn = -1;
        row.tags = tagSet.storage(note.tags());
        row.fields = note.fields();
        derive(row, note.model());
        return row;
    }

    /** sfld and csum from the fields (ANKI-MODEL 1.9). */
    static void derive(NoteRow row, ModelInfo model) {
        String[] f = row.fields;
        int sort = model.sortIndex();
        row.sfld = NoteText.sortFieldValue(sort < f.length ? f[sort] : "");
        row.csum = NoteText.fieldChecksum(f.length == 0 ? "" : f[0]);
    }

    /** The deck a new card of a note being added goes to: template override, else the target deck. */
    static long deckFor(ModelInfo model, int ord, long target, DeckIndex decks) {
        long override = model.isCloze() ? 0 : model.deckOverride(ord);
        if (override != 0 && decks.byId(override) != null) {
            return decks.usable(override);
        }
        return decks.usable(target);
    }

    // ---- editing -------------------------------------------------------------------------------

    public NoteRow require(long id) {
        NoteRow row = store.byId(id);
        if (row == null) {
            throw new NotFoundException(NotFoundException.Kind.NOTE, id);
        }
        return row;
    }

    public ModelInfo model(NoteRow row) {
        return models.byId(row.mid).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.MODEL, row.mid));
    }

    /** updateNoteFields: exact field names, unknown names ignored, media appended. */
    public void updateFields(JsonObject note) {
        long id = noteId(note);
        NoteRow row = require(id);
        JsonValue given = note.get("fields");
        if (given == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, "fields");
        }
        ModelInfo model = model(row);
        String[] fields = Arrays.copyOf(row.fields, model.fieldCount());
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                fields[i] = "";
            }
        }
        if (given instanceof JsonObject map) {
            for (Map.Entry<String, JsonValue> e : map.entrySet()) {
                int i = model.fieldIndex(e.getKey());
                if (i >= 0) {
                    fields[i] = NoteSpecReader.fieldText(e.getValue());
                }
            }
        }
        // MEDIA CALL SITE (updates): media objects of the note are stored and appended here.
        media().attach(note, model.fieldNames(), fields);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = NoteText.normalizeField(fields[i]);
        }
        save(row, model, fields, row.tagList(), row.mid);
    }

    static long noteId(JsonObject note) {
        JsonValue v = note.get("id");
        if (v == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, "id");
        }
        if (v instanceof JsonNumber num) {
            return num.longValue();
        }
        throw new NotFoundException(NotFoundException.Kind.NOTE, dev.ankiconnect.api.PythonRepr.str(v));
    }

    /** Replaces the note's tags wholesale (updateNoteTags). */
    public void replaceAllTags(long id, List<String> tags) {
        NoteRow row = require(id);
        ModelInfo model = model(row);
        save(row, model, row.fields, tags, row.mid);
    }

    /** updateNoteModel: switch the note type, blank the fields, fill matches, replace the tags. */
    public void changeModel(long id, ModelInfo model, JsonObject fieldValues, List<String> tags) {
        NoteRow row = require(id);
        String[] fields = new String[model.fieldCount()];
        Arrays.fill(fields, "");
        for (Map.Entry<String, JsonValue> e : fieldValues.entrySet()) {
            int i = model.fieldIndexIgnoreCase(e.getKey());
            if (i >= 0) {
                fields[i] = NoteText.normalizeField(NoteSpecReader.fieldText(e.getValue()));
            }
        }
        save(row, model, fields, tags, model.id());
    }

    /**
     * Saves a changed note as Anki's update_note: nothing is written when fields, tags and note
     * type are unchanged; otherwise the note is written with a new mtime and cards that became
     * non-empty are added (never removed).
     */
    void save(NoteRow row, ModelInfo model, String[] fields, List<String> tags, long mid) {
        TagSet tagSet = tagRegistry.load();
        String storedTags = tagSet.storage(tags);
        if (mid == row.mid && storedTags.equals(row.tags) && Arrays.equals(fields, row.fields)) {
            return;
        }
        row.fields = fields;
        row.tags = storedTags;
        row.mid = mid;
        row.mtime = System.currentTimeMillis() / 1000;
        row.usn = -1;
        derive(row, model);
        store.update(List.of(row));
        tagRegistry.save(tagSet);
        generateCards(row, model);
    }

    /** Adds the cards an existing note now generates (ANKI-MODEL 3.4-3.5). */
    void generateCards(NoteRow row, ModelInfo model) {
        List<CardRow> existing = cards.byNotes(List.of(row.id)).getOrDefault(row.id, List.of());
        List<Integer> have = new ArrayList<>();
        for (CardRow c : existing) {
            have.add(c.ord);
        }
        List<Integer> missing = CardGenerator.missing(model, row.fields, !row.tags.isEmpty(), have);
        if (missing.isEmpty()) {
            return;
        }
        DeckIndex deckIndex = deckIndex();
        long home = 0;
        for (CardRow c : existing) {
            if (home == 0) {
                home = c.homeDeck();
            } else if (home != c.homeDeck()) {
                home = -1;
            }
        }
        if (home <= 0) {
            JsonValue last = model.model().json().get("did");
            home = last instanceof JsonNumber num ? num.longValue() : DeckIndex.DEFAULT_DECK;
        }
        long due = -1;
        for (CardRow c : existing) {
            if (CardType.NEW.is(c.type)) {
                due = Math.max(0, c.odue != 0 ? c.odue : c.due);
                break;
            }
        }
        if (due < 0) {
            due = config.getLong("nextPos", 1);
            config.set("nextPos", Json.createValue(due + 1));
        }
        long now = System.currentTimeMillis() / 1000;
        List<CardRow> out = new ArrayList<>();
        long cardId = ids.reserve(missing.size());
        for (int ord : missing) {
            out.add(CardRow.newCard(cardId++, row.id, deckFor(model, ord, home, deckIndex), ord, due, now));
        }
        cards.insert(out);
    }
}
