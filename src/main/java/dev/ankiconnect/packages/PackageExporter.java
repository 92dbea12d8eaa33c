package dev.ankiconnect.packages;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgMediaFile;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.ApkgRevlogEntry;
import dev.ankiconnect.apkg.CollectionInfo;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Chunks;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckConfig;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.media.MediaStore;
import dev.ankiconnect.note.NoteRow;
import dev.ankiconnect.note.NoteStore;
import dev.ankiconnect.notetype.NoteType;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.profile.Profile;
import dev.ankiconnect.profile.ProfileStore;
import dev.ankiconnect.review.Revlog;
import dev.ankiconnect.settings.SettingsCodec;
import dev.ankiconnect.text.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gathers a deck and its subdecks into an {@link AnkiPackage}, as Anki's deck export does: their
 * cards (and cards of filtered decks whose home deck is among them), those cards' notes and note
 * types, the decks' parents and presets, the media files the notes refer to, and with scheduling
 * the review history of the cards.
 */
@ApplicationScoped
public class PackageExporter {

    private static final String[] CONFIG_KEYS = {
        "creationOffset", "rollover", "schedVer", "sched2021", "nextPos", "collapseTime", "localOffset"
    };

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Decks decks;

    @Inject
    CardStore cardStore;

    @Inject
    NoteStore noteStore;

    @Inject
    dev.ankiconnect.deck.DeckConfigs deckConfigs;

    @Inject
    dev.ankiconnect.notetype.NoteTypes noteTypes;

    @Inject
    dev.ankiconnect.review.RevlogStore revlog;

    @Inject
    MediaStore mediaStore;

    @Inject
    CollectionConfigs config;

    /** The package of that deck, or empty when there is no deck of that name. */
    public Optional<AnkiPackage> gather(String deckName, boolean includeSched) {
        Optional<Deck> top = decks.byName(deckName);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        EntityManager em = tx.em();
        long p = profile.id();
        Profile prof = ProfileStore.find(em, p).orElseThrow();
        JsonObjectBuilder conf = Json.PROVIDER.createObjectBuilder();
        for (String key : CONFIG_KEYS) {
            config.get(key).ifPresent(v -> conf.add(key, v));
        }
        AnkiPackage pkg = new AnkiPackage(new CollectionInfo(prof.crt(), prof.mtime(), prof.scm(), 11, conf.build()));

        DeckName topName = DeckName.of(top.get().name());
        List<Deck> all = decks.all();
        Map<Long, Deck> byId = new LinkedHashMap<>();
        all.forEach(d -> byId.put(d.id(), d));
        Set<Long> selected = new LinkedHashSet<>();
        for (Deck d : all) {
            if (DeckName.of(d.name()).isSameOrBelow(topName)) {
                selected.add(d.id());
            }
        }

        // Cards in the selected decks, or whose home deck is one of them.
        Map<Long, CardRow> uniqueCards = new TreeMap<>();
        for (List<Long> batch : Chunks.of(selected)) {
            cardStore.inDecks(batch).forEach(c -> uniqueCards.put(c.id, c));
        }
        Set<Long> nids = new TreeSet<>();
        Set<Long> deckIds = new LinkedHashSet<>(selected);
        for (CardRow c : uniqueCards.values()) {
            nids.add(c.nid);
            deckIds.add(c.did);
            if (c.odid != 0) {
                deckIds.add(c.odid);
            }
            pkg.cards()
                    .add(new ApkgCard(
                            c.id, c.nid, c.did, c.ord, c.mtime, c.usn, c.type, c.queue, c.due, c.ivl, c.factor, c.reps,
                            c.lapses, c.left, c.odue, c.odid, c.flags, c.data));
        }

        // Notes, note types, tags and the media they refer to.
        Set<Long> mids = new TreeSet<>();
        Set<String> mediaNames = new TreeSet<>();
        Set<String> tags = new TreeSet<>(Tags.UNICASE_ORDER);
        for (List<Long> batch : Chunks.of(nids)) {
            for (NoteRow n : noteStore.complete(batch).values()) {
                mids.add(n.mid);
                pkg.notes()
                        .add(new ApkgNote(
                                n.id, n.guid, n.mid, n.mtime, n.usn, n.tags, n.flds(), n.sfld, n.csum, n.flags,
                                n.data));
                for (String f : n.fields) {
                    MergeRules.referencedNames(f, mediaNames);
                }
                tags.addAll(Tags.split(n.tags));
            }
        }
        for (long mid : mids) {
            NoteType t = noteTypes.byId(mid).orElseThrow();
            JsonObject json = parse(t.config());
            pkg.notetypes()
                    .put(
                            mid,
                            Json.PROVIDER
                                    .createObjectBuilder(json)
                                    .add("id", mid)
                                    .add("name", t.name())
                                    .add("mod", t.mtime())
                                    .build());
        }
        tags.forEach(t -> pkg.tags().put(t, 0));

        // Decks with their parents (so the hierarchy survives), and the presets of the normal ones.
        Map<String, Deck> byKey = new LinkedHashMap<>();
        all.forEach(d -> byKey.put(d.nameKey(), d));
        Set<Long> withParents = new TreeSet<>();
        for (long did : deckIds) {
            Deck d = byId.get(did);
            if (d == null) {
                continue;
            }
            withParents.add(did);
            for (DeckName parent = DeckName.of(d.name()).parent(); parent != null; parent = parent.parent()) {
                Deck pd = byKey.get(parent.key());
                if (pd != null) {
                    withParents.add(pd.id());
                }
            }
        }
        Set<Long> confIds = new TreeSet<>();
        for (long did : withParents) {
            Deck d = byId.get(did);
            pkg.decks().put(did, Decks.json(d));
            if (!d.isFiltered()) {
                confIds.add(d.confId());
            }
        }
        for (long confId : confIds) {
            DeckConfig c = deckConfigs.byId(confId).orElse(null);
            if (c != null) {
                pkg.deckConfigs()
                        .put(
                                confId,
                                Json.PROVIDER
                                        .createObjectBuilder(parse(c.config()))
                                        .add("id", confId)
                                        .add("name", c.name())
                                        .add("mod", c.mtime())
                                        .build());
            }
        }

        if (includeSched) {
            for (List<Long> batch : Chunks.of(uniqueCards.keySet())) {
                for (Revlog r : revlog.ofCards(batch)) {
                    pkg.revlog()
                            .add(new ApkgRevlogEntry(
                                    r.id(),
                                    r.cid(),
                                    r.usn(),
                                    r.ease(),
                                    r.ivl(),
                                    r.lastIvl(),
                                    r.factor(),
                                    r.time(),
                                    r.type()));
                }
            }
        }

        // Files whose name starts with "_" are shared by templates (fonts, scripts): Anki exports
        // those named in an exported note type's templates or styling.
        for (String name : mediaStore.names("_*")) {
            for (JsonObject nt : pkg.notetypes().values()) {
                if (nt.toString().contains(name)) { // templates and css are in the JSON text
                    mediaNames.add(name);
                    break;
                }
            }
        }
        for (String name : mediaNames) {
            mediaStore.content(name).ifPresent(bytes -> pkg.media().add(ApkgMediaFile.ofBytes(name, bytes)));
        }
        return Optional.of(pkg);
    }

    private static JsonObject parse(String json) {
        return SettingsCodec.object(json);
    }
}
