package dev.ankiconnect.deck;

import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.ProfileScopedId;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionCreated;
import dev.ankiconnect.settings.DeckSettings;
import dev.ankiconnect.settings.PresetSettings;
import dev.ankiconnect.text.NativeDeckName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The decks of the active profile: lookup by name or id, and creation with missing parents. */
@ApplicationScoped
public class Decks {

    public static final long DEFAULT_DECK_ID = 1;
    public static final long DEFAULT_PRESET_ID = 1;

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    DeckCards cards;

    @Inject
    DeckNotes notes;

    /** A new collection has the Default deck (id 1) and the Default preset (id 1). */
    void seed(@Observes CollectionCreated created) {
        long secs = created.nowMs() / 1000;
        created.em().persist(deckEntity(created.profileId(), DeckJson.normalDeck(DEFAULT_DECK_ID, "Default", secs)));
        JsonObject preset = DeckJson.defaultPreset(DEFAULT_PRESET_ID, secs);
        created.em()
                .persist(new DeckConfig()
                        .profileId(created.profileId())
                        .id(DEFAULT_PRESET_ID)
                        .name("Default")
                        .mtime(secs)
                        .usn(-1)
                        .config(new PresetSettings(preset).encode()));
    }

    public Optional<Deck> byName(String name) {
        return byName(DeckName.of(name));
    }

    public Optional<Deck> byName(DeckName name) {
        return tx.em()
                .createNamedQuery("Deck.byName", Deck.class)
                .setParameter("profile", profile.id())
                .setParameter("key", name.key())
                .getResultStream()
                .findFirst();
    }

    public Optional<Deck> byId(long id) {
        return Optional.ofNullable(tx.em().find(Deck.class, new ProfileScopedId(profile.id(), id)));
    }

    /** The deck of that name, or AnkiConnect's {@code deck was not found: X}. */
    public Deck require(String name) {
        return byName(name).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.DECK, name));
    }

    /** All decks in Anki's order: by native name (levels joined with \x1f), case-insensitively. */
    public List<Deck> all() {
        List<Deck> decks = new ArrayList<>(tx.em()
                .createNamedQuery("Deck.all", Deck.class)
                .setParameter("profile", profile.id())
                .getResultList());
        decks.sort(NATIVE_ORDER);
        return decks;
    }

    /** Anki sorts deck names as stored: {@code ::} is \x1f there, so "A::B" comes before "A B". */
    public static final Comparator<Deck> NATIVE_ORDER =
            Comparator.comparing(Decks::nativeKey, Decks::compareCodePoints);

    static String nativeKey(Deck deck) {
        return NativeDeckName.of(DeckName.key(deck.name()));
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Anki's deck getter: an unknown id (or none) gives the Default deck. */
    public Deck byIdOrDefault(Long id) {
        Optional<Deck> deck = id == null ? Optional.empty() : byId(id);
        return deck.or(() -> byId(DEFAULT_DECK_ID))
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.DECK, id));
    }

    /** True when a deck has exactly this human name (AnkiConnect's {@code name in deckNames()}). */
    public Optional<Deck> exactly(String name) {
        return byName(name).filter(d -> d.name().equals(name));
    }

    /** The deck and every deck below it. */
    public List<Deck> withDescendants(Deck deck) {
        DeckName top = DeckName.of(deck.name());
        List<Deck> out = new ArrayList<>();
        for (Deck d : all()) {
            if (DeckName.of(d.name()).isSameOrBelow(top)) {
                out.add(d);
            }
        }
        return out;
    }

    /** {name: [card ids]} for the given cards, unknown cards under the Default deck, input order kept. */
    public Map<String, List<Long>> decksOfCards(List<Long> cardIds) {
        Map<Long, Long> didOf = cards.decksOf(cardIds);
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (Long cid : cardIds) {
            String name = byIdOrDefault(didOf.get(cid)).name();
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(cid);
        }
        return out;
    }

    /** Moves cards into a deck (created if missing), first returning any from filtered decks. */
    public void moveCards(List<Long> cardIds, String deckName) {
        long did = getOrCreate(deckName).id();
        cards.moveToDeck(cardIds, did, System.currentTimeMillis() / 1000);
    }

    /**
     * Anki's deck removal: the deck and its children go, normal decks with their cards (and notes
     * left without cards), filtered decks by sending their cards home. The Default deck itself
     * stays, emptied and with its name reset.
     */
    public void remove(Deck deck) {
        for (Deck d : withDescendants(deck)) {
            if (d.isFiltered()) {
                cards.returnHome(d.id(), System.currentTimeMillis() / 1000);
            } else {
                notes.deleteWithoutCards(cards.deleteInDeck(d.id()));
            }
            if (d.id() == DEFAULT_DECK_ID) {
                d.name("Default")
                        .nameKey(DeckName.key("Default"))
                        .mtime(System.currentTimeMillis() / 1000)
                        .usn(-1)
                        .data(settings(d).withName("Default").encode());
            } else {
                tx.em().remove(d);
            }
        }
    }

    /** Points decks at another options preset (normal decks keep it in column and JSON). */
    public void setConfig(Deck deck, long configId) {
        long now = System.currentTimeMillis() / 1000;
        deck.confId(configId)
                .mtime(now)
                .usn(-1)
                .data(settings(deck).withPreset(configId, now).encode());
    }

    public List<String> names() {
        if (!tx.readOnly()) {
            return readNames();
        }
        // A read-only action reuses the names while the collection's write counter has not moved (any write,
        // on any instance, moves it): deckNames is what every dictionary lookup sends first.
        long id = profile.id();
        long gen = generation.current();
        NamesAt last = lastNames.get();
        if (last != null && last.profileId() == id && last.gen() == gen) {
            return last.names();
        }
        List<String> names = readNames();
        lastNames.set(new NamesAt(id, gen, names));
        return names;
    }

    private List<String> readNames() {
        List<String> out = new ArrayList<>();
        all().forEach(d -> out.add(d.name()));
        return List.copyOf(out);
    }

    private record NamesAt(long profileId, long gen, List<String> names) {}

    private final java.util.concurrent.atomic.AtomicReference<NamesAt> lastNames =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Inject
    dev.ankiconnect.profile.CollectionGeneration generation;

    /**
     * The deck of that name, created (with any missing parents, in the parents' spelling) when
     * it does not exist, as Anki's {@code decks.id(name)} does.
     */
    public Deck getOrCreate(String name) {
        DeckName wanted = DeckName.of(name);
        Deck parent = null;
        DeckName spelled = null;
        for (String level : wanted.levels()) {
            spelled = spelled == null ? new DeckName(List.of(level)) : spelled.child(level);
            Optional<Deck> existing = byName(spelled.human());
            if (existing.isPresent()) {
                parent = existing.get();
                // Adopt the existing spelling for the levels below it.
                spelled = DeckName.of(parent.name());
            } else {
                if (parent != null && parent.isFiltered()) {
                    // Anki refuses with its localised DeckIsFiltered text.
                    throw new Refusal(Refusal.Kind.FILTERED_DECK_CHILD);
                }
                tx.keepWrites();
                long id = ids.next();
                parent = deckEntity(
                        profile.id(), DeckJson.normalDeck(id, spelled.human(), System.currentTimeMillis() / 1000));
                tx.em().persist(parent);
            }
        }
        return parent;
    }

    /**
     * {@link #getOrCreate} for many names at once: the profile's decks are read with one query and the missing ones
     * created from that map, so 100,000 names cost one read and a batch of inserts rather than a query (and a
     * flush of everything persisted so far) per level of each name. Returns the deck of each name, in order.
     */
    public List<Deck> getOrCreateAll(List<String> names) {
        Map<String, Deck> byKey = new java.util.HashMap<>();
        for (Deck d : tx.em()
                .createNamedQuery("Deck.all", Deck.class)
                .setParameter("profile", profile.id())
                .getResultList()) {
            byKey.put(DeckName.key(d.name()), d);
        }
        List<Deck> out = new ArrayList<>(names.size());
        List<Deck> created = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        int done = 0;
        for (String name : names) {
            if ((done++ & 1023) == 0) {
                dev.ankiconnect.search.Deadline.check();
            }
            DeckName wanted = DeckName.of(name);
            Deck parent = null;
            DeckName spelled = null;
            for (String level : wanted.levels()) {
                spelled = spelled == null ? new DeckName(List.of(level)) : spelled.child(level);
                Deck existing = byKey.get(spelled.key());
                if (existing != null) {
                    parent = existing;
                    spelled = DeckName.of(parent.name());
                } else {
                    if (parent != null && parent.isFiltered()) {
                        throw new Refusal(Refusal.Kind.FILTERED_DECK_CHILD);
                    }
                    tx.keepWrites();
                    parent = deckEntity(profile.id(), DeckJson.normalDeck(ids.next(), spelled.human(), now));
                    created.add(parent);
                    byKey.put(spelled.key(), parent);
                }
            }
            out.add(parent);
        }
        insert(created);
        return out;
    }

    /**
     * Inserts new decks with batched JDBC on the action's connection: a persisted entity each would cost
     * EclipseLink's change tracking and a statement per row at commit (100,000 names took about a minute).
     */
    private void insert(List<Deck> created) {
        if (created.isEmpty()) {
            return;
        }
        try (java.sql.PreparedStatement ps = dev.ankiconnect.db.Sql.connection(tx)
                .prepareStatement("INSERT INTO decks (profile_id, id, name, name_key, kind, conf_id, mtime, usn, data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Deck d : created) {
                ps.setLong(1, d.profileId());
                ps.setLong(2, d.id());
                ps.setString(3, d.name());
                ps.setString(4, d.nameKey());
                ps.setInt(5, d.kind().code());
                ps.setLong(6, d.confId());
                ps.setLong(7, d.mtime());
                ps.setInt(8, d.usn());
                ps.setString(9, d.data());
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                    dev.ankiconnect.search.Deadline.checkLeavingTimeToUndo();
                }
            }
            ps.executeBatch();
        } catch (java.sql.SQLException e) {
            throw dev.ankiconnect.db.Sql.fail(e);
        }
    }

    /** The deck's v11 JSON (stored in {@code data}, with the columns authoritative). */
    public static JsonObject json(Deck deck) {
        return settings(deck).json();
    }

    /** The deck's settings (stored in {@code data}, with the columns authoritative). */
    public static DeckSettings settings(Deck deck) {
        return DeckSettings.decode(deck.data()).withColumns(deck.id(), deck.name(), deck.mtime());
    }

    static Deck deckEntity(long profileId, JsonObject json) {
        String name = json.getString("name");
        return new Deck()
                .profileId(profileId)
                .id(json.getJsonNumber("id").longValueExact())
                .name(name)
                .nameKey(DeckName.key(name))
                .kind(DeckKind.of(json.getInt("dyn", 0)))
                .confId(json.getInt("conf", 1))
                .mtime(json.getJsonNumber("mod").longValue())
                .usn(-1)
                .data(new DeckSettings(json).encode());
    }

    /** Adds a deck with these columns and stored settings, as an import does (its parents must exist). */
    public Deck add(long id, String name, DeckKind kind, long confId, long mtime, JsonObject data) {
        Deck deck = new Deck()
                .profileId(profile.id())
                .id(id)
                .name(name)
                .nameKey(DeckName.key(name))
                .kind(kind)
                .confId(confId)
                .mtime(mtime)
                .usn(-1)
                .data(dev.ankiconnect.settings.SettingsCodec.text(data));
        tx.em().persist(deck);
        return deck;
    }

    // ---- Check Database (check.CollectionCheck): on the caller's EntityManager, also without CDI (admin.sh) ----

    /**
     * A deck as stored, for Check Database: the raw {@code kind} code (any code but 0 is not a normal deck; the
     * entity cannot hold an unknown code, so this one read is native) and the JSON text as it is.
     */
    public record Stored(long id, int kind, long confId, String nameKey, String data) {

        public boolean isNormal() {
            return kind == DeckKind.NORMAL.code();
        }
    }

    /** Every deck of the profile, as stored, by id: one query. */
    public static Map<Long, Stored> stored(jakarta.persistence.EntityManager em, long profileId) {
        Map<Long, Stored> out = new HashMap<>();
        for (Object r : em.createNativeQuery("SELECT id, kind, conf_id, name_key, data FROM decks WHERE profile_id = ?")
                .setParameter(1, profileId)
                .getResultList()) {
            Object[] row = (Object[]) r;
            long id = ((Number) row[0]).longValue();
            out.put(
                    id,
                    new Stored(
                            id,
                            ((Number) row[1]).intValue(),
                            ((Number) row[2]).longValue(),
                            (String) row[3],
                            text(row[4])));
        }
        return out;
    }

    /** A {@code @Lob} column as text: Derby's driver may hand a native query a Clob. */
    private static String text(Object value) {
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw dev.ankiconnect.db.Sql.fail(e);
            }
        }
        return (String) value;
    }

    /**
     * Points a normal deck whose preset is gone at the Default preset, in the column and in its JSON ({@code conf},
     * {@code mod}); JSON that cannot be read stays as it is (the column is what the server reads first).
     *
     * @return the deck's stored JSON after the repair
     */
    public static String useDefaultPreset(jakarta.persistence.EntityManager em, long profileId, long id, long nowSecs) {
        Deck deck = em.find(Deck.class, new ProfileScopedId(profileId, id));
        String data = deck.data();
        try {
            data = DeckSettings.decode(deck.data())
                    .withPreset(DEFAULT_PRESET_ID, nowSecs)
                    .encode();
        } catch (RuntimeException e) {
            // unreadable JSON: kept
        }
        deck.confId(DEFAULT_PRESET_ID).data(data).mtime(nowSecs).usn(-1);
        return data;
    }

    /** Anki's recover_missing_deck: a normal deck with the lost id and this name, on the Default preset. */
    public static void recover(
            jakarta.persistence.EntityManager em, long profileId, long id, String name, long nowSecs) {
        em.persist(deckEntity(profileId, DeckJson.normalDeck(id, name, nowSecs)));
    }
}
