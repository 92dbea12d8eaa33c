package dev.ankiconnect.deck;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.ProfileScopedId;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.settings.PresetSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Options presets ("deck config groups") of the active profile. */
@ApplicationScoped
public class DeckConfigs {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    Decks decks;

    public Optional<DeckConfig> byId(long id) {
        return Optional.ofNullable(tx.em().find(DeckConfig.class, new ProfileScopedId(profile.id(), id)));
    }

    public List<DeckConfig> all() {
        return tx.em()
                .createNamedQuery("DeckConfig.all", DeckConfig.class)
                .setParameter("profile", profile.id())
                .getResultList();
    }

    /** The preset's v11 JSON; the columns (id, name, mod, usn) are authoritative. */
    public static JsonObject json(DeckConfig config) {
        return settings(config).json();
    }

    /** The preset's settings; the columns (id, name, mod, usn) are authoritative. */
    public static PresetSettings settings(DeckConfig config) {
        return PresetSettings.decode(config.config())
                .withColumns(config.id(), config.name(), config.mtime(), config.usn());
    }

    /**
     * Anki's {@code config_dict_for_deck_id}: a filtered deck answers with its own dictionary, a
     * normal deck with its preset (preset 1 when the deck's preset is gone), marked {@code dyn: false}.
     */
    public JsonObject forDeck(Deck deck) {
        if (deck.isFiltered()) {
            return Decks.json(deck);
        }
        DeckConfig config =
                byId(deck.confId()).or(() -> byId(Decks.DEFAULT_PRESET_ID)).orElseThrow();
        return Json.PROVIDER.createObjectBuilder(json(config)).add("dyn", false).build();
    }

    /**
     * Stores a preset given as v11 JSON over an existing one. Returns false (changing nothing)
     * when Anki would refuse to read it (see {@link PresetValidation}).
     */
    public boolean save(JsonObject given, long id) {
        Optional<DeckConfig> existing = byId(id);
        if (existing.isEmpty()) {
            return false;
        }
        Optional<JsonObject> checked = PresetValidation.normalize(given);
        if (checked.isEmpty()) {
            return false;
        }
        long now = System.currentTimeMillis() / 1000;
        PresetSettings settings = new PresetSettings(checked.get()).withId(id, now);
        existing.get().name(settings.name()).mtime(now).usn(-1).config(settings.encode());
        return true;
    }

    /** Anki's {@code add_config_returning_id}: a copy of {@code source} under a new id and name. */
    public long cloneOf(DeckConfig source, String name) {
        long id = ids.next();
        long now = System.currentTimeMillis() / 1000;
        PresetSettings settings = settings(source).withColumns(id, name, now, -1);
        tx.em()
                .persist(new DeckConfig()
                        .profileId(profile.id())
                        .id(id)
                        .name(name)
                        .mtime(now)
                        .usn(-1)
                        .config(settings.encode()));
        return id;
    }

    /** Removes a preset; decks that used it fall back to preset 1. */
    public void remove(DeckConfig config) {
        for (Deck deck : decks.all()) {
            if (!deck.isFiltered() && deck.confId() == config.id()) {
                decks.setConfig(deck, Decks.DEFAULT_PRESET_ID);
            }
        }
        tx.em().remove(config);
    }

    /**
     * Adds a preset as an import does, when its id is free: the id, name and modification time come from
     * {@code json}, which is stored with its id. An existing preset of that id is kept; answers whether one was added.
     */
    public boolean addIfAbsent(long id, JsonObject json) {
        if (byId(id).isPresent()) {
            return false;
        }
        tx.em()
                .persist(new DeckConfig()
                        .profileId(profile.id())
                        .id(id)
                        .name(json.getString("name", "Default"))
                        .mtime(json.get("mod") instanceof jakarta.json.JsonNumber m ? m.longValue() : 0)
                        .usn(-1)
                        .config(dev.ankiconnect.settings.SettingsCodec.text(dev.ankiconnect.api.Json.PROVIDER
                                .createObjectBuilder(json)
                                .add("id", id)
                                .build())));
        return true;
    }

    /** The ids of the profile's presets, on the caller's EntityManager (Check Database, also without CDI). */
    public static java.util.Set<Long> ids(jakarta.persistence.EntityManager em, long profileId) {
        return new java.util.HashSet<>(
                em.createQuery("select c.id from DeckConfig c where c.profileId = :profile", Long.class)
                        .setParameter("profile", profileId)
                        .getResultList());
    }
}
