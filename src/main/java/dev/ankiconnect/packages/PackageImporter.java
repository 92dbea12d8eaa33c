package dev.ankiconnect.packages;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgMediaFile;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.ApkgRevlogEntry;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckKind;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.media.FileNames;
import dev.ankiconnect.media.MediaStore;
import dev.ankiconnect.note.NoteRow;
import dev.ankiconnect.note.NoteStore;
import dev.ankiconnect.notetype.NoteType;
import dev.ankiconnect.notetype.NoteTypes;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.review.Revlog;
import dev.ankiconnect.scheduler.CardQueue;
import dev.ankiconnect.scheduler.CardType;
import dev.ankiconnect.scheduler.CollectionDay;
import dev.ankiconnect.settings.SettingsCodec;
import dev.ankiconnect.text.NoteText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an .apkg into the active profile as Anki does (ANKI-MODEL 8.5), with scheduling and
 * deck configs, like AnkiConnect's importPackage: note types by id and schema, decks by name,
 * notes by guid (an existing note updated only when the imported one is newer), cards of added or
 * updated notes with day-based dues shifted, review history of imported cards, tags, and media
 * stored with Anki's renaming (references in the imported fields follow). Everything is written
 * in the action's transaction, so a failure leaves nothing behind.
 */
@ApplicationScoped
public class PackageImporter {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    MediaStore mediaStore;

    @Inject
    CollectionClock clock;

    @Inject
    Decks decks;

    @Inject
    dev.ankiconnect.deck.DeckConfigs deckConfigs;

    @Inject
    NoteTypes noteTypes;

    @Inject
    dev.ankiconnect.review.RevlogStore revlog;

    @Inject
    dev.ankiconnect.profile.CollectionConfigs config;

    @Inject
    dev.ankiconnect.note.TagRegistry tagRegistry;

    @Inject
    CardStore cardStore;

    @Inject
    NoteStore noteStore;

    /** What an import did, for logs and tests. */
    public record Summary(int notesAdded, int notesUpdated, int cardsAdded, int revlogAdded, int mediaStored) {}

    public Summary importPackage(AnkiPackage pkg) {
        EntityManager em = tx.em();
        long p = profile.id();
        long nowSecs = System.currentTimeMillis() / 1000;

        checkIds(pkg, System.currentTimeMillis());
        Set<Long> usedMids = new HashSet<>();
        pkg.notes().forEach(n -> usedMids.add(n.mid()));
        Map<Long, Long> midMap = importNoteTypes(em, p, pkg, usedMids, nowSecs);
        Map<Long, Long> confMap = importDeckConfigs(em, p, pkg);
        Map<Long, Long> didMap = importDecks(em, p, pkg, confMap, nowSecs);
        Map<String, String> renames = new HashMap<>();
        int mediaStored = importMedia(pkg, renames);

        // Notes, matched by guid.
        Map<String, ExistingNote> byGuid = new HashMap<>();
        Set<Long> noteIds = new HashSet<>();
        for (NoteStore.Key key : noteStore.keys()) {
            byGuid.put(key.guid(), new ExistingNote(key.id(), key.mid(), key.mtime()));
            noteIds.add(key.id());
        }
        // New and updated notes, written in two batches after the loop; a guid met twice changes the same row.
        Map<Long, NoteRow> addedRows = new LinkedHashMap<>();
        Map<Long, NoteRow> updatedRows = new LinkedHashMap<>();
        Map<Long, JsonObject> targetModels = new HashMap<>();
        Map<Long, Long> nidMap = new HashMap<>();
        Set<Long> updatedNids = new HashSet<>();
        dev.ankiconnect.note.TagSet tagSet = tagRegistry.load();
        int added = 0;
        int updated = 0;
        for (ApkgNote n : pkg.notes()) {
            Long mid = midMap.get(n.mid());
            if (mid == null) {
                throw new Refusal(Refusal.Kind.PACKAGE_MISSING_NOTETYPE, n.id(), n.mid());
            }
            JsonObject model = targetModels.computeIfAbsent(
                    mid, id -> parse(noteTypes.byId(id).orElseThrow().config()));
            List<String> fields = new ArrayList<>();
            for (String f : n.fields()) {
                fields.add(NoteText.normalizeField(MergeRules.renameReferences(f, renames)));
            }
            int nf = model.getJsonArray("flds").size();
            while (fields.size() < nf) {
                fields.add("");
            }
            ExistingNote existing = byGuid.get(n.guid());
            NoteRow entity;
            if (existing != null) {
                if (existing.mid() != mid.longValue() || existing.mtime() >= n.mod()) {
                    continue; // a conflicting note type, or not newer: the existing note stays
                }
                entity = addedRows.get(existing.id());
                if (entity == null) {
                    entity = updatedRows.computeIfAbsent(existing.id(), noteStore::byId);
                }
                updatedNids.add(entity.id);
                updated++;
            } else {
                long nid = MergeRules.freeId(n.id(), noteIds::contains);
                noteIds.add(nid);
                entity = new NoteRow();
                entity.id = nid;
                entity.guid = n.guid();
                entity.mid = mid;
                entity.flags = 0;
                entity.data = n.data() == null ? "" : n.data();
                addedRows.put(nid, entity);
                byGuid.put(n.guid(), new ExistingNote(nid, mid, n.mod()));
                added++;
            }
            // tags normalised and given the spelling already registered, as Anki's import does
            String tags = tagSet.storage(List.of(n.tags()));
            int sortf = Math.min(model.getInt("sortf", 0), fields.size() - 1);
            String sfld = NoteText.sortFieldValue(fields.get(Math.max(sortf, 0)));
            entity.fields = fields.toArray(String[]::new);
            entity.tags = tags;
            entity.mtime = n.mod();
            entity.usn = -1;
            entity.sfld = sfld;
            entity.csum = NoteText.fieldChecksum(fields.get(0));
            nidMap.put(n.id(), entity.id);
        }
        noteStore.insert(List.copyOf(addedRows.values()));
        noteStore.update(updatedRows.values());
        tagRegistry.save(tagSet);

        // Cards of added or updated notes.
        Set<Long> cardIds = new HashSet<>();
        Set<String> noteOrds = new HashSet<>();
        for (CardStore.Key key : cardStore.keys()) {
            cardIds.add(key.id());
            if (updatedNids.contains(key.nid())) {
                noteOrds.add(key.nid() + ":" + key.ord());
            }
        }
        List<CardRow> newCards = new ArrayList<>();
        int sourceToday = sourceToday(pkg, nowSecs);
        int targetToday = clock.now().today();
        Map<Long, Long> cidMap = new HashMap<>();
        long maxNewPosition = -1;
        for (ApkgCard c : pkg.cards()) {
            Long nid = nidMap.get(c.nid());
            if (nid == null || !noteOrds.add(nid + ":" + c.ord())) {
                continue;
            }
            long did = didMap.getOrDefault(c.did(), Decks.DEFAULT_DECK_ID);
            long odid = 0;
            long due = MergeRules.shiftDue(c.type(), c.queue(), c.due(), sourceToday, targetToday);
            long odue = MergeRules.shiftOriginalDue(c.type(), c.odue(), sourceToday, targetToday);
            if (c.odid() != 0) {
                Long home = didMap.get(c.odid());
                if (home != null) {
                    odid = home;
                } else {
                    // The home deck is not in the package: the card goes back to its home position.
                    did = Decks.DEFAULT_DECK_ID;
                    due = odue;
                    odue = 0;
                }
            }
            long cid = MergeRules.freeId(c.id(), cardIds::contains);
            cardIds.add(cid);
            CardRow card = new CardRow();
            card.id = cid;
            card.nid = nid;
            card.did = did;
            card.ord = c.ord();
            card.mtime = c.mod();
            card.usn = -1;
            card.type = c.type();
            card.queue = c.queue();
            card.due = due;
            card.ivl = c.ivl();
            card.factor = c.factor();
            card.reps = c.reps();
            card.lapses = c.lapses();
            card.left = c.left();
            card.odue = odue;
            card.odid = odid;
            card.flags = c.flags();
            card.data = c.data() == null ? "" : c.data();
            newCards.add(card);
            cidMap.put(c.id(), cid);
            if (CardType.NEW.is(c.type()) && c.queue() >= CardQueue.NEW.code() && due >= maxNewPosition) {
                maxNewPosition = due;
            }
        }
        cardStore.insert(newCards);
        // Cards added later come after the imported new cards.
        if (maxNewPosition >= 0 && config.getLong("nextPos", 1) <= maxNewPosition) {
            config.set("nextPos", Json.PROVIDER.createValue(maxNewPosition + 1));
        }

        // Review history of the imported cards, where the id is free.
        int revlogAdded = 0;
        if (!pkg.revlog().isEmpty() && !cidMap.isEmpty()) {
            Set<Long> revlogIds = new HashSet<>(revlog.ids());
            for (ApkgRevlogEntry r : pkg.revlog()) {
                Long cid = cidMap.get(r.cid());
                if (cid == null || !revlogIds.add(r.id())) {
                    continue;
                }
                revlog.add(new Revlog()
                        .id(r.id())
                        .cid(cid)
                        .usn(-1)
                        .ease(r.ease())
                        .ivl((int) r.ivl())
                        .lastIvl((int) r.lastIvl())
                        .factor(r.factor())
                        .time(r.time())
                        .type(r.type()));
                revlogAdded++;
            }
        }
        return new Summary(added, updated, cidMap.size(), revlogAdded, mediaStored);
    }

    /** Anki refuses a package whose note, card or review ids (creation times) lie more than a day ahead. */
    static void checkIds(AnkiPackage pkg, long nowMs) {
        long limit = nowMs + 86_400_000L;
        for (ApkgNote n : pkg.notes()) {
            if (n.id() > limit) {
                throw futureId("note", n.id());
            }
        }
        for (ApkgCard c : pkg.cards()) {
            if (c.id() > limit) {
                throw futureId("card", c.id());
            }
        }
        for (ApkgRevlogEntry r : pkg.revlog()) {
            if (r.id() > limit) {
                throw futureId("review", r.id());
            }
        }
    }

    private static Refusal futureId(String what, long id) {
        return new Refusal(Refusal.Kind.PACKAGE_FUTURE_ID, what, id);
    }

    /** A note the collection holds (or the import added), found by guid: id, note type and modification time. */
    private record ExistingNote(long id, long mid, long mtime) {}

    /** Anki's "today" of the package's collection at {@code nowSecs}. */
    static int sourceToday(AnkiPackage pkg, long nowSecs) {
        JsonObject conf = pkg.collection().conf();
        Integer offset = conf != null && conf.get("creationOffset") instanceof JsonNumber n ? n.intValue() : null;
        Long rollover = conf != null && conf.get("rollover") instanceof JsonNumber r ? r.longValue() : null;
        return CollectionDay.of(pkg.collection().crt(), offset, rollover)
                .at(nowSecs, ZoneId.systemDefault())
                .today();
    }

    private Map<Long, Long> importNoteTypes(EntityManager em, long p, AnkiPackage pkg, Set<Long> used, long nowSecs) {
        Map<Long, NoteType> byId = new HashMap<>();
        Map<String, Long> idByKey = new HashMap<>();
        for (NoteType t : noteTypes.all()) {
            byId.put(t.id(), t);
            idByKey.put(t.nameKey(), t.id());
        }
        Map<Long, Long> map = new HashMap<>();
        for (Map.Entry<Long, JsonObject> e : pkg.notetypes().entrySet()) {
            long id = e.getKey();
            if (!used.contains(id)) {
                continue;
            }
            JsonObject incoming = e.getValue();
            long incomingMod = incoming.get("mod") instanceof JsonNumber m ? m.longValue() : 0;
            NoteType target = byId.get(id);
            if (target != null && MergeRules.sameSchema(parse(target.config()), incoming)) {
                if (target.mtime() < incomingMod) {
                    String name =
                            MergeRules.uniqueName(incoming.getString("name", "Imported"), n -> taken(idByKey, n, id));
                    idByKey.remove(target.nameKey());
                    noteTypes.save(target, with(incoming, id, name, incomingMod, null));
                    idByKey.put(target.nameKey(), id);
                }
                map.put(id, id);
                continue;
            }
            if (target == null) {
                map.put(id, addNoteType(em, p, incoming, id, null, incomingMod, byId, idByKey));
                continue;
            }
            // Same id, other schema: reuse an earlier imported copy of it, else add a copy.
            Long copy = null;
            for (NoteType t : byId.values()) {
                JsonObject json = parse(t.config());
                if (json.get("originalId") instanceof JsonNumber o
                        && o.longValue() == id
                        && MergeRules.sameSchema(json, incoming)) {
                    copy = t.id();
                    break;
                }
            }
            if (copy == null) {
                copy = addNoteType(em, p, incoming, ids.next(), id, incomingMod, byId, idByKey);
            }
            map.put(id, copy);
        }
        return map;
    }

    private long addNoteType(
            EntityManager em,
            long p,
            JsonObject incoming,
            long id,
            Long originalId,
            long mod,
            Map<Long, NoteType> byId,
            Map<String, Long> idByKey) {
        String name = MergeRules.uniqueName(incoming.getString("name", "Imported"), n -> taken(idByKey, n, id));
        JsonObject json = with(incoming, id, name, mod, originalId);
        NoteType t = noteTypes.add(json);
        byId.put(id, t);
        idByKey.put(t.nameKey(), id);
        return id;
    }

    private static boolean taken(Map<String, Long> idByKey, String name, long id) {
        Long owner = idByKey.get(NoteTypes.key(name));
        return owner != null && owner != id;
    }

    private static JsonObject with(JsonObject json, long id, String name, long mod, Long originalId) {
        JsonObjectBuilder b = Json.PROVIDER
                .createObjectBuilder(json)
                .add("id", id)
                .add("name", name)
                .add("mod", mod)
                .add("usn", -1);
        if (originalId != null) {
            b.add("originalId", originalId);
        }
        return b.build();
    }

    /** Deck configs are added when their id is free; an existing one is kept. */
    private Map<Long, Long> importDeckConfigs(EntityManager em, long p, AnkiPackage pkg) {
        Map<Long, Long> map = new HashMap<>();
        for (Map.Entry<Long, JsonObject> e : pkg.deckConfigs().entrySet()) {
            long id = e.getKey();
            deckConfigs.addIfAbsent(id, e.getValue());
            map.put(id, id);
        }
        return map;
    }

    /**
     * Decks by name, parents first: an existing deck of the same kind takes the incoming one's
     * description (when not empty) and preset (unless 1); of the other kind, the incoming deck is
     * renamed {@code "<name> <unix secs>"} with its subdecks; a missing one is added with a new id.
     * The package's deck 1 is the profile's deck 1.
     */
    private Map<Long, Long> importDecks(
            EntityManager em, long p, AnkiPackage pkg, Map<Long, Long> confMap, long nowSecs) {
        Map<Long, Long> map = new HashMap<>();
        List<Map.Entry<Long, JsonObject>> sorted = new ArrayList<>(pkg.decks().entrySet());
        sorted.sort(Comparator.comparing(e ->
                DeckName.key(DeckName.of(e.getValue().getString("name", "")).human())));
        Map<String, String> renamedPrefixes = new HashMap<>();
        for (Map.Entry<Long, JsonObject> e : sorted) {
            long id = e.getKey();
            JsonObject json = e.getValue();
            if (id == Decks.DEFAULT_DECK_ID) {
                map.put(id, Decks.DEFAULT_DECK_ID);
                continue;
            }
            String name = DeckName.of(json.getString("name", "")).human();
            for (Map.Entry<String, String> r : renamedPrefixes.entrySet()) {
                if (DeckName.key(name).startsWith(r.getKey() + "::")) {
                    name = r.getValue() + name.substring(r.getKey().length());
                }
            }
            DeckKind kind = isFiltered(json) ? DeckKind.FILTERED : DeckKind.NORMAL;
            long conf = json.get("conf") instanceof JsonNumber c ? confMap.getOrDefault(c.longValue(), 1L) : 1L;
            Deck existing = decks.byName(name).orElse(null);
            if (existing != null && existing.kind() != kind) {
                String renamed = name + " " + nowSecs;
                renamedPrefixes.put(DeckName.key(name), renamed);
                name = renamed;
                existing = decks.byName(name).orElse(null);
            }
            if (existing != null) {
                JsonObject stored = parse(existing.data());
                JsonObjectBuilder b = Json.PROVIDER.createObjectBuilder(stored);
                String desc = json.getString("desc", "");
                if (!desc.isEmpty()) {
                    b.add("desc", desc);
                }
                if (kind == DeckKind.NORMAL && conf != 1) {
                    b.add("conf", conf);
                    existing.confId(conf);
                }
                existing.data(SettingsCodec.text(b.build())).mtime(nowSecs).usn(-1);
                map.put(id, existing.id());
                continue;
            }
            DeckName dn = DeckName.of(name);
            if (dn.parent() != null) {
                Deck parent = decks.getOrCreate(dn.parent().human());
                name = parent.name() + DeckName.SEPARATOR + dn.leaf();
            }
            long newId = ids.next();
            JsonObjectBuilder b = Json.PROVIDER
                    .createObjectBuilder(json)
                    .add("id", newId)
                    .add("name", name)
                    .add("mod", nowSecs)
                    .add("usn", -1)
                    .add("dyn", kind.code());
            if (kind == DeckKind.NORMAL) {
                b.add("conf", conf);
            }
            for (String counter : new String[] {"newToday", "revToday", "lrnToday", "timeToday"}) {
                JsonArrayBuilder zero =
                        Json.PROVIDER.createArrayBuilder().add(0).add(0);
                b.add(counter, zero);
            }
            // a later decks.byName / getOrCreate sees it: JPQL queries flush pending changes (FlushModeType.AUTO)
            decks.add(newId, name, kind, kind == DeckKind.NORMAL ? conf : 1, nowSecs, b.build());
            map.put(id, newId);
        }
        return map;
    }

    private static boolean isFiltered(JsonObject deck) {
        JsonValue dyn = deck.get("dyn");
        return dyn == JsonValue.TRUE || dyn instanceof JsonNumber n && n.intValue() != 0;
    }

    /** Stores every media file, noting package name to stored name for those stored under another name. */
    private int importMedia(AnkiPackage pkg, Map<String, String> renames) {
        int stored = 0;
        for (ApkgMediaFile m : pkg.media()) {
            String wanted = FileNames.normalize(m.name());
            if (wanted.isEmpty()) {
                continue;
            }
            if (m.size() >= 0) {
                mediaStore.checkSize(m.name(), m.size());
            }
            byte[] data;
            try {
                data = m.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read media file \"" + m.name() + "\" of the package: " + e.getMessage(), e);
            }
            String name = mediaStore.store(wanted, data, false);
            if (!name.equals(m.name())) {
                renames.put(m.name(), name);
            }
            stored++;
        }
        return stored;
    }

    private static JsonObject parse(String json) {
        return SettingsCodec.object(json);
    }
}
