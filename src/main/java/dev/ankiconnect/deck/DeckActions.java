package dev.ankiconnect.deck;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deck actions. */
@ApplicationScoped
public class DeckActions implements ActionGroup {

    @Inject
    Decks decks;

    /** deckNames: every deck name, parents included. */
    @Action
    public List<String> deckNames() {
        return decks.names();
    }

    /** deckNamesAndIds: {name: id} for every deck. */
    @Action
    public Map<String, Long> deckNamesAndIds() {
        Map<String, Long> out = new LinkedHashMap<>();
        decks.all().forEach(d -> out.put(d.name(), d.id()));
        return out;
    }

    /** createDeck {deck}: creates the deck and its missing parents; returns its id, new or existing. */
    @Action("deck")
    public long createDeck(Params p) {
        return decks.getOrCreate(p.string("deck")).id();
    }
}
