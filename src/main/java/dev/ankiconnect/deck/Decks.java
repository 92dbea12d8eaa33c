package dev.ankiconnect.deck;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.api.PythonJsonWriter;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.ProfileScopedId;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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

    /** A new collection has the Default deck (id 1) and the Default preset (id 1). */
    void seed(@Observes CollectionCreated created) {
        long secs = created.nowMs() / 1000;
        created.em().persist(deckEntity(created.profileId(), DeckJson.normalDeck(DEFAULT_DECK_ID, "Default", secs)));
        JsonObject preset = DeckJson.defaultPreset(DEFAULT_PRESET_ID, "Default", secs);
        created.em().persist(new DeckConfig().profileId(created.profileId()).id(DEFAULT_PRESET_ID).name("Default")
                .mtime(secs).usn(-1).config(PythonJsonWriter.write(preset)));
    }

    public Optional<Deck> byName(String name) {
        return tx.em().createNamedQuery("Deck.byName", Deck.class)
                .setParameter("profile", profile.id()).setParameter("key", DeckName.of(name).key())
                .getResultStream().findFirst();
    }

    public Optional<Deck> byId(long id) {
        return Optional.ofNullable(tx.em().find(Deck.class, new ProfileScopedId(profile.id(), id)));
    }

    /** The deck of that name, or AnkiConnect's {@code deck was not found: X}. */
    public Deck require(String name) {
        return byName(name).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.DECK, name));
    }

    /** All decks, ordered by name (so parents come before their children). */
    public List<Deck> all() {
        return tx.em().createNamedQuery("Deck.all", Deck.class).setParameter("profile", profile.id()).getResultList();
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        all().forEach(d -> out.add(d.name()));
        return out;
    }

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
                if (parent != null && parent.kind() == 1) {
                    throw new dev.ankiconnect.api.InvalidInputException("A filtered deck cannot have subdecks.");
                }
                long id = ids.next();
                parent = deckEntity(profile.id(), DeckJson.normalDeck(id, spelled.human(), System.currentTimeMillis() / 1000));
                tx.em().persist(parent);
            }
        }
        return parent;
    }

    /** The deck's v11 JSON (stored in {@code data}, with the columns authoritative). */
    public static JsonObject json(Deck deck) {
        JsonObject stored = PythonJsonReader.read(Json.PROVIDER, deck.data()).asJsonObject();
        return Json.PROVIDER.createObjectBuilder(stored).add("id", deck.id()).add("name", deck.name())
                .add("mod", deck.mtime()).build();
    }

    static Deck deckEntity(long profileId, JsonObject json) {
        String name = json.getString("name");
        return new Deck().profileId(profileId).id(json.getJsonNumber("id").longValueExact()).name(name)
                .nameKey(DeckName.key(name)).kind(json.getInt("dyn", 0)).confId(json.getInt("conf", 1))
                .mtime(json.getJsonNumber("mod").longValue()).usn(-1).data(PythonJsonWriter.write(json));
    }
}
