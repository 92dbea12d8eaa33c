package dev.ankiconnect.deck;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The deck actions. */
@ApplicationScoped
public class DeckActions implements ActionGroup {

    @Inject
    Decks decks;

    @Inject
    DeckConfigs presets;

    @Inject
    DeckStats stats;

    /** deckNames: every deck name, parents included, in Anki's order. */
    @ReadOnly
    @Action
    public List<String> deckNames() {
        return decks.names();
    }

    /** deckNamesAndIds: {name: id} for every deck, in deckNames order. */
    @ReadOnly
    @Action
    public Map<String, Long> deckNamesAndIds() {
        Map<String, Long> out = new LinkedHashMap<>();
        decks.all().forEach(d -> out.put(d.name(), d.id()));
        return out;
    }

    /** getDecks {cards}: {deck name: [card ids]}; unknown cards are listed under Default. */
    @ReadOnly
    @Action("cards")
    public Map<String, List<Long>> getDecks(Params p) {
        return decks.decksOfCards(p.longList("cards"));
    }

    /** createDeck {deck}: creates the deck and its missing parents; returns its id, new or existing. */
    @Action("deck")
    public long createDeck(Params p) {
        return decks.getOrCreate(p.string("deck")).id();
    }

    /** changeDeck {cards, deck}: moves the cards (out of filtered decks first) into the deck, created if missing. */
    @Action({"cards", "deck"})
    public Object changeDeck(Params p) {
        decks.moveCards(p.longList("cards"), p.string("deck"));
        return null;
    }

    /** deleteDecks {decks, cardsToo=false}: needs a true cardsToo; removes each existing deck with children and cards. */
    @Action(value = "decks", optional = "cardsToo")
    public Object deleteDecks(Params p) {
        if (!PythonTruth.truthy(p.value("cardsToo"))) {
            throw new Refusal(Refusal.Kind.DECK_DELETE_CARDS_TOO);
        }
        for (String name : p.stringList("decks")) {
            // Checked per name, so a child already removed with its parent is skipped.
            decks.exactly(name).ifPresent(decks::remove);
        }
        return null;
    }

    /** getDeckConfig {deck}: the preset of the deck (a filtered deck's own dictionary); false for an unknown name. */
    @ReadOnly
    @Action("deck")
    public Object getDeckConfig(Params p) {
        Optional<Deck> deck = decks.exactly(p.string("deck"));
        return deck.isPresent() ? presets.forDeck(deck.get()) : false;
    }

    /** saveDeckConfig {config}: overwrites an existing preset; false when its id is unknown or Anki would reject it. */
    @Action("config")
    public boolean saveDeckConfig(Params p) {
        JsonObject config = p.object("config");
        JsonValue id = config.get("id");
        if (id == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, "id");
        }
        // AnkiConnect stores str(id) first, then compares int(that) with the preset ids.
        String text = id instanceof JsonString s ? s.getString() : PythonRepr.repr(id);
        long configId = PythonInt.of(jakarta.json.Json.createValue(text));
        return presets.save(config, configId);
    }

    /** setDeckConfigId {decks, configId}: points every deck at the preset (not checked to exist); false if a deck is unknown. */
    @Action({"decks", "configId"})
    public boolean setDeckConfigId(Params p) {
        long configId = PythonInt.of(p.value("configId"));
        List<Deck> targets = new ArrayList<>();
        for (String name : p.stringList("decks")) {
            Optional<Deck> deck = decks.exactly(name);
            if (deck.isEmpty()) {
                return false;
            }
            targets.add(deck.get());
        }
        targets.forEach(d -> decks.setConfig(d, configId));
        return true;
    }

    /** cloneDeckConfigId {name, cloneFrom="1"}: id of a new preset copied from cloneFrom; false if that does not exist. */
    @Action(value = "name", optional = "cloneFrom")
    public Object cloneDeckConfigId(Params p) {
        JsonValue from = p.json().containsKey("cloneFrom") ? p.value("cloneFrom") : jakarta.json.Json.createValue("1");
        long sourceId = PythonInt.of(from);
        String name = p.string("name");
        return presets.byId(sourceId)
                .<Object>map(source -> presets.cloneOf(source, name))
                .orElse(false);
    }

    /** removeDeckConfigId {configId}: removes the preset (its decks fall back to preset 1); false if it does not exist. */
    @Action("configId")
    public boolean removeDeckConfigId(Params p) {
        long configId = PythonInt.of(p.value("configId"));
        Optional<DeckConfig> config = presets.byId(configId);
        if (config.isEmpty()) {
            return false;
        }
        if (configId == Decks.DEFAULT_PRESET_ID) {
            // Anki's backend refuses; its InvalidInput error reaches AnkiConnect localised.
            throw new Refusal(Refusal.Kind.DEFAULT_PRESET_DELETE);
        }
        presets.remove(config.get());
        return true;
    }

    /** getDeckStats {decks}: {deck id: counts} in deck-tree order; unknown names are created (as Anki's lookup does). */
    @ReadOnly
    @Action("decks")
    public Map<Long, Map<String, Object>> getDeckStats(Params p) {
        Set<Long> ids = new HashSet<>();
        for (Deck d : decks.getOrCreateAll(p.stringList("decks"))) {
            ids.add(d.id());
        }
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        stats.lines(ids).forEach(line -> out.put(line.deckId(), line.toMap()));
        return out;
    }

    /** deckNameFromId {deckId}: the deck's name; unknown ids give the Default deck's name, as Anki's getter does. */
    @ReadOnly
    @Action("deckId")
    public String deckNameFromId(Params p) {
        return decks.byIdOrDefault(p.longValue("deckId")).name();
    }
}
