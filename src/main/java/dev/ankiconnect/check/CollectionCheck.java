package dev.ankiconnect.check;

import dev.ankiconnect.card.CardGenerator;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.deck.DeckConfigs;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.media.MediaStore;
import dev.ankiconnect.note.NoteRow;
import dev.ankiconnect.note.NoteStore;
import dev.ankiconnect.note.TagRegistry;
import dev.ankiconnect.note.TagSet;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.notetype.NoteType;
import dev.ankiconnect.notetype.NoteTypes;
import dev.ankiconnect.packages.MergeRules;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.profile.ProfileStore;
import dev.ankiconnect.scheduler.CollectionDay;
import dev.ankiconnect.settings.ConfigValue;
import dev.ankiconnect.text.Html;
import dev.ankiconnect.text.NoteText;
import dev.ankiconnect.text.Tags;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Check Database for one collection, as Anki's (rslib {@code dbcheck.rs}): deletes cards whose note is gone,
 * duplicate cards of a note and cards of a standard note type whose template is gone; repairs card properties
 * ({@link CardRules}); recreates decks that cards are in but that are gone ({@code recovered<id>}, Anki's name) and
 * gives decks whose options preset is gone the Default preset; fits notes' fields to their note type's field count
 * ({@link NoteRules}, tag {@code db-check}); recomputes a stale sort field and checksum; gives every note the cards
 * its content generates (a note with none gets its first, as Anki does: notes are never deleted); rebuilds the
 * tag list from the notes; raises the next new-card position above the positions in use. Media the notes refer to
 * and the collection does not have are reported, not repaired.
 *
 * <p>Runs in the caller's transaction (an action's, or the admin tool's own) and opens nothing: decks, presets, note
 * types, media names and config keys through their stores on its EntityManager; cards, notes, tags and the profile's
 * creation time through their stores' static methods on its connection ({@code CardStore}, {@code NoteStore},
 * {@code TagRegistry}, {@code Profiles}), in streamed passes and JDBC batches.
 * Its cost is linear in the collection: one pass over the cards, one over the notes, and batched writes of what
 * changed; a healthy collection is only read.
 */
public final class CollectionCheck {

    private static final Logger LOG = Logger.getLogger(CollectionCheck.class.getName());

    /** Reserves {@code count} consecutive fresh card ids and returns the first. */
    @FunctionalInterface
    public interface IdSource {
        long reserve(int count);
    }

    private final EntityManager em;
    private final Connection c;
    private final long p;
    private final IdSource ids;
    private final long nowSecs = System.currentTimeMillis() / 1000;
    private final CheckReport report = new CheckReport();
    /** Every card read, grouped by note: the notes pass takes groups out of its map, this keeps them all. */
    private final List<List<CardRow>> allCards = new ArrayList<>();

    private CollectionCheck(EntityManager em, Connection c, long profileId, IdSource ids) {
        this.em = em;
        this.c = c;
        this.p = profileId;
        this.ids = ids;
    }

    /**
     * Checks and repairs the profile's collection in the caller's transaction, and logs one summary line (logger
     * {@code dev.ankiconnect.check.CollectionCheck}, INFO; missing media files at WARNING).
     *
     * @param em the transaction's EntityManager: decks, presets, note types, media and config keys are read and
     *     repaired through their stores on it
     * @param connection the same transaction's connection: cards, notes, tags and the profile's creation time are read
     *     and repaired through their stores on it
     */
    public static CheckReport run(
            EntityManager em, Connection connection, long profileId, String profileName, IdSource ids) {
        // a failed statement fails as "database error: ..." (db.Sql.fail), as it did when the check ran its own SQL
        CheckReport report = new CollectionCheck(em, connection, profileId, ids).check();
        LOG.info("check database of profile \"" + profileName + "\": " + report.summary());
        if (!report.missingMedia().isEmpty()) {
            List<String> shown = report.missingMedia()
                    .subList(0, Math.min(50, report.missingMedia().size()));
            LOG.warning("check database of profile \"" + profileName + "\": notes refer to "
                    + report.missingMedia().size()
                    + " media file(s) the collection does not have: " + String.join(", ", shown)
                    + (shown.size() < report.missingMedia().size() ? ", ..." : ""));
        }
        return report;
    }

    private CheckReport check() {
        int today = today();
        Map<Long, Decks.Stored> decks = decks();
        fixPresets(decks);
        Map<Long, ModelInfo> models = models();

        // One pass over the cards: their properties, grouped by note.
        Map<Long, List<CardRow>> byNote = new HashMap<>();
        Map<Long, CardRules.Outcome> fixedCards = new HashMap<>();
        Set<Long> missingDecks = new HashSet<>();
        CardStore.scanForCheck(c, p, card -> {
            Decks.Stored deck = decks.get(card.did);
            if (deck == null) {
                missingDecks.add(card.did);
            }
            CardRules.Outcome outcome = CardRules.fix(card, today, deck == null || deck.isNormal());
            if (outcome != CardRules.Outcome.NONE) {
                fixedCards.put(card.id, outcome);
            }
            byNote.computeIfAbsent(card.nid, k -> {
                        List<CardRow> group = new ArrayList<>(2);
                        allCards.add(group);
                        return group;
                    })
                    .add(card);
        });

        // One pass over the notes: cards to delete and to add, notes to rewrite, tags and media in use.
        TagSet tagSet = new TagSet(TagRegistry.registered(c, p).values());
        long storedNextPos = nextPos();
        long[] nextPos = {storedNextPos};
        List<Long> deleteCards = new ArrayList<>();
        List<NoteRow> rewrite = new ArrayList<>();
        List<CardRow> newCards = new ArrayList<>();
        Map<String, String> usedTags = new HashMap<>();
        Set<String> referenced = new TreeSet<>();
        int[] withoutType = {0};
        NoteStore.scanForCheck(c, p, n -> {
            List<CardRow> cards = byNote.remove(n.id);
            if (cards == null) {
                cards = new ArrayList<>(0);
            }
            for (String f : n.fields) {
                MergeRules.referencedNames(f, referenced);
            }
            ModelInfo model = models.get(n.mid);
            if (model == null) {
                withoutType[0]++;
                usedTags(n.tags, usedTags);
                return;
            }
            cards.sort((a, b) -> Long.compare(a.id, b.id));
            NoteRules.Removals removals =
                    NoteRules.removals(cards, model.isCloze(), model.templates().size());
            report.add(
                    CheckReport.Kind.CARD_ORDS_DUPLICATED,
                    removals.duplicateOrdinals().size());
            report.add(
                    CheckReport.Kind.TEMPLATES_MISSING,
                    removals.missingTemplates().size());
            removals.duplicateOrdinals().forEach(x -> deleteCards.add(x.id));
            removals.missingTemplates().forEach(x -> deleteCards.add(x.id));
            if (note(n, model)) {
                if (n.fields.length != model.fieldCount()) {
                    n.fields = NoteRules.fixFieldCount(n.fields, model.fieldCount());
                    List<String> tags = new ArrayList<>(n.tagList());
                    tags.add(NoteRules.FIXED_TAG);
                    n.tags = tagSet.storage(tags);
                    report.add(CheckReport.Kind.FIELD_COUNT_MISMATCH, 1);
                } else {
                    report.add(CheckReport.Kind.NOTE_CACHE_STALE, 1);
                }
                derive(n, model);
                rewrite.add(n);
            }
            usedTags(n.tags, usedTags);
            newCards.addAll(generate(n, model, removals.kept(), decks, missingDecks, nextPos));
        });
        report.notesWithoutNoteType(withoutType[0]);
        report.add(CheckReport.Kind.CARDS_GENERATED, newCards.size());

        // What is left of the cards belongs to no note.
        Set<Long> deleted = new HashSet<>(deleteCards);
        int orphans = 0;
        for (List<CardRow> cards : byNote.values()) {
            for (CardRow x : cards) {
                deleteCards.add(x.id);
                deleted.add(x.id);
                orphans++;
            }
        }
        report.add(CheckReport.Kind.CARDS_MISSING_NOTE, orphans);

        // Card properties and decks, for the cards that stay.
        List<CardRow> update = new ArrayList<>();
        Set<Long> decksInUse = new HashSet<>();
        long maxNewPosition = Long.MIN_VALUE;
        for (List<CardRow> cards : cardsThatStay(allCards, deleted)) {
            for (CardRow x : cards) {
                decksInUse.add(x.did);
                if (x.type == 0) {
                    maxNewPosition = Math.max(maxNewPosition, x.due);
                }
                CardRules.Outcome o = fixedCards.get(x.id);
                if (o != null) {
                    update.add(x);
                    report.add(
                            o == CardRules.Outcome.POSITION
                                    ? CheckReport.Kind.CARD_POSITION_TOO_HIGH
                                    : CheckReport.Kind.CARD_PROPERTIES_INVALID,
                            1);
                }
            }
        }
        for (CardRow x : newCards) {
            decksInUse.add(x.did);
            maxNewPosition = Math.max(maxNewPosition, x.due);
        }
        List<Long> recover = new ArrayList<>();
        for (long did : new TreeSet<>(missingDecks)) {
            if (decksInUse.contains(did)) {
                recover.add(did);
            }
        }
        report.add(CheckReport.Kind.DECKS_MISSING, recover.size());

        // Writes, only of what changed.
        CardStore.deleteForCheck(c, p, deleteCards);
        CardStore.repairForCheck(c, p, update, nowSecs);
        recoverDecks(recover, decks);
        NoteStore.repairForCheck(c, p, rewrite);
        CardStore.insertForCheck(c, p, newCards);
        rebuildTags(usedTags);
        long wantedNextPos = nextPos[0];
        if (maxNewPosition != Long.MIN_VALUE && maxNewPosition + 1 > wantedNextPos) {
            wantedNextPos = maxNewPosition + 1;
            report.add(CheckReport.Kind.NEXT_POSITION, 1);
        }
        if (wantedNextPos != storedNextPos) {
            setNextPos(wantedNextPos);
        }
        report.missingMedia(missingMedia(referenced));
        return report;
    }

    private static List<List<CardRow>> cardsThatStay(List<List<CardRow>> groups, Set<Long> deleted) {
        List<List<CardRow>> out = new ArrayList<>(groups.size());
        for (List<CardRow> g : groups) {
            List<CardRow> keep = new ArrayList<>(g.size());
            for (CardRow x : g) {
                if (!deleted.contains(x.id)) {
                    keep.add(x);
                }
            }
            out.add(keep);
        }
        return out;
    }

    private static void usedTags(String stored, Map<String, String> used) {
        for (String t : Tags.split(stored)) {
            used.putIfAbsent(TagSet.key(t), t);
        }
    }

    /** True when the note must be rewritten: its field count or its sort field or checksum is wrong. */
    private static boolean note(NoteRow n, ModelInfo model) {
        if (n.fields.length != model.fieldCount()) {
            return true;
        }
        String sfld = n.sfld;
        String csumBefore = Long.toString(n.csum);
        NoteRow copy = new NoteRow();
        copy.fields = n.fields;
        derive(copy, model);
        return !truncate(copy.sfld).equals(sfld) || !Long.toString(copy.csum).equals(csumBefore);
    }

    /** sfld and csum from the fields (ANKI-MODEL 1.9), as notes are saved. */
    private static void derive(NoteRow row, ModelInfo model) {
        String[] f = row.fields;
        int sort = model.sortIndex();
        row.sfld = NoteText.sortFieldValue(sort < f.length ? f[sort] : "");
        row.csum = NoteText.fieldChecksum(f.length == 0 ? "" : f[0]);
    }

    /** notes.sfld is VARCHAR(8000). */
    private static String truncate(String s) {
        return s.length() > 8000 ? s.substring(0, 8000) : s;
    }

    /**
     * The cards the note's content generates and it lacks, as an edited note gets them: in the deck of its other
     * cards (or the note type's last deck, else Default; a template's deck override first), at the position of its
     * other new cards or the next one.
     */
    private List<CardRow> generate(
            NoteRow n,
            ModelInfo model,
            List<CardRow> kept,
            Map<Long, Decks.Stored> decks,
            Set<Long> missingDecks,
            long[] nextPos) {
        List<Integer> have = new ArrayList<>(kept.size());
        kept.forEach(x -> have.add(x.ord));
        List<Integer> missing = CardGenerator.missing(model, n.fields, !n.tags.isEmpty(), have);
        if (missing.isEmpty()) {
            return List.of();
        }
        long home = 0;
        for (CardRow x : kept) {
            if (home == 0) {
                home = x.homeDeck();
            } else if (home != x.homeDeck()) {
                home = -1;
            }
        }
        if (home <= 0) {
            JsonValue last = model.model().json().get("did");
            home = last instanceof JsonNumber num ? num.longValue() : 1;
        }
        long due = -1;
        for (CardRow x : kept) {
            if (x.type == 0) {
                due = Math.max(0, x.odue != 0 ? x.odue : x.due);
                break;
            }
        }
        if (due < 0) {
            due = nextPos[0]++;
        }
        List<CardRow> out = new ArrayList<>(missing.size());
        long id = ids.reserve(missing.size());
        for (int ord : missing) {
            long override = model.isCloze() ? 0 : model.deckOverride(ord);
            long did = override != 0 && (decks.containsKey(override) || missingDecks.contains(override))
                    ? usable(override, decks, missingDecks)
                    : usable(home, decks, missingDecks);
            out.add(CardRow.newCard(id++, n.id, did, ord, due, nowSecs));
        }
        return out;
    }

    /** A normal deck (or one that will be recovered as one), else Default. */
    private static long usable(long id, Map<Long, Decks.Stored> decks, Set<Long> missingDecks) {
        Decks.Stored d = decks.get(id);
        return (d != null && d.isNormal()) || (d == null && missingDecks.contains(id)) ? id : 1;
    }

    // ---- reads ----------------------------------------------------------------------------------

    private int today() {
        long crt = ProfileStore.creationTime(c, p).orElse(nowSecs);
        JsonValue offset = config("creationOffset");
        JsonValue rollover = config("rollover");
        return CollectionDay.of(
                        crt,
                        offset instanceof JsonNumber n ? n.intValue() : null,
                        rollover instanceof JsonNumber r ? r.longValue() : null)
                .at(nowSecs, ZoneId.systemDefault())
                .today();
    }

    /** A config key's value; null when it is missing or cannot be read. */
    private JsonValue config(String key) {
        try {
            return CollectionConfigs.value(em, p, key).map(ConfigValue::json).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private long nextPos() {
        JsonValue v = config("nextPos");
        return v instanceof JsonNumber n ? n.longValue() : 1;
    }

    private Map<Long, Decks.Stored> decks() {
        return new HashMap<>(Decks.stored(em, p));
    }

    private Map<Long, ModelInfo> models() {
        Map<Long, ModelInfo> out = new HashMap<>();
        for (NoteType type : NoteTypes.all(em, p)) {
            out.put(type.id(), new ModelInfo(NoteTypes.model(type)));
        }
        return out;
    }

    private List<String> missingMedia(Set<String> referenced) {
        if (referenced.isEmpty()) {
            return List.of();
        }
        Set<String> present = new HashSet<>(MediaStore.names(em, p));
        List<String> out = new ArrayList<>();
        for (String name : referenced) {
            String decoded = Html.decodeEntities(name);
            if (!present.contains(name)
                    && !present.contains(decoded)
                    && !present.contains(Normalizer.normalize(decoded, Normalizer.Form.NFC))) {
                out.add(name);
            }
        }
        return out;
    }

    // ---- writes ---------------------------------------------------------------------------------

    /** Decks whose preset is gone use the Default preset (1), in the column and in the deck's JSON. */
    private void fixPresets(Map<Long, Decks.Stored> decks) {
        Set<Long> presets = DeckConfigs.ids(em, p);
        if (!presets.contains(1L)) {
            return;
        }
        List<Decks.Stored> fix = new ArrayList<>();
        for (Decks.Stored d : decks.values()) {
            if (d.isNormal() && !presets.contains(d.confId())) {
                fix.add(d);
            }
        }
        if (fix.isEmpty()) {
            return;
        }
        for (Decks.Stored d : fix) {
            String data = Decks.useDefaultPreset(em, p, d.id(), nowSecs);
            decks.put(d.id(), new Decks.Stored(d.id(), d.kind(), Decks.DEFAULT_PRESET_ID, d.nameKey(), data));
        }
        report.add(CheckReport.Kind.PRESETS_MISSING, fix.size());
    }

    /** Anki's recover_missing_deck: a normal deck with the lost id, named {@code recovered<id>}. */
    private void recoverDecks(List<Long> missing, Map<Long, Decks.Stored> decks) {
        Set<String> names = new HashSet<>();
        decks.values().forEach(d -> names.add(d.nameKey()));
        for (long id : missing) {
            String name = "recovered" + id;
            while (names.contains(DeckName.key(name))) {
                name += "+";
            }
            names.add(DeckName.key(name));
            Decks.recover(em, p, id, name, nowSecs);
        }
    }

    /**
     * The tag list from the notes: a registered tag that no note uses (nor a child of it) goes, a tag a note uses
     * that is not registered is registered with the note's spelling. Collapsed states of kept tags stay.
     */
    private void rebuildTags(Map<String, String> used) {
        Map<String, String> registered = TagRegistry.registered(c, p);
        Set<String> keep = new HashSet<>(used.keySet());
        for (String k : used.keySet()) {
            int i = k.lastIndexOf("::");
            while (i > 0) {
                keep.add(k.substring(0, i));
                i = k.lastIndexOf("::", i - 1);
            }
        }
        List<String> remove = new ArrayList<>();
        for (String k : registered.keySet()) {
            if (!keep.contains(k)) {
                remove.add(k);
            }
        }
        List<String> add = new ArrayList<>();
        for (Map.Entry<String, String> e : used.entrySet()) {
            if (!registered.containsKey(e.getKey())) {
                add.add(e.getValue());
            }
        }
        TagRegistry.unregister(c, p, remove);
        TagRegistry.register(c, p, add);
        report.add(CheckReport.Kind.TAGS_REBUILT, remove.size() + add.size());
    }

    private void setNextPos(long value) {
        CollectionConfigs.set(em, p, "nextPos", ConfigValue.of(value), System.currentTimeMillis());
    }
}
