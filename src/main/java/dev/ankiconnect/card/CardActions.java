package dev.ankiconnect.card;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.scheduler.CardQueue;
import dev.ankiconnect.search.Target;
import dev.ankiconnect.search.run.NoteSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The card actions that need no scheduler. */
@ApplicationScoped
public class CardActions implements ActionGroup {

    /** Keys setSpecificValueOfCard refuses unless warning_check is true. */
    static final Set<String> PROTECTED = Set.of(
            "did", "id", "ivl", "lapses", "left", "mod", "nid", "odid", "odue", "ord", "queue", "reps", "type", "usn");

    @Inject
    Cards cards;

    @Inject
    NoteSearch search;

    /** findCards {query}: card ids matching an Anki search, ascending; no query gives []. */
    @ReadOnly
    @Action(optional = {"query"})
    public List<Long> findCards(Params p) {
        if (!p.has("query")) {
            return List.of();
        }
        return search.find(p.string("query"), Target.CARDS);
    }

    @ReadOnly
    @Action("cards")
    public List<JsonValue> cardsInfo(Params p) {
        return cards.info(p.longList("cards"));
    }

    @ReadOnly
    @Action("cards")
    public List<Long> cardsToNotes(Params p) {
        return cards.toNotes(p.longList("cards"));
    }

    @ReadOnly
    @Action("cards")
    public List<JsonValue> cardsModTime(Params p) {
        return cards.modTimes(p.longList("cards"));
    }

    /** getEaseFactors {cards}: factor per card, null for unknown ids. */
    @ReadOnly
    @Action("cards")
    public List<Integer> getEaseFactors(Params p) {
        List<Long> ids = p.longList("cards");
        Map<Long, CardRow> rows = cards.byIds(ids);
        List<Integer> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            CardRow c = rows.get(id);
            out.add(c == null ? null : c.factor);
        }
        return out;
    }

    /** setEaseFactors {cards, easeFactors}: true per card set, false for unknown ids. */
    @Action({"cards", "easeFactors"})
    public List<Boolean> setEaseFactors(Params p) {
        List<Long> ids = p.longList("cards");
        List<Long> factors = p.longList("easeFactors");
        Map<Long, CardRow> rows = cards.byIds(ids);
        List<Boolean> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            CardRow c = rows.get(ids.get(i));
            if (c == null) {
                out.add(false);
                continue;
            }
            if (i >= factors.size()) {
                throw new Refusal(Refusal.Kind.INDEX_OUT_OF_RANGE);
            }
            out.add(true);
            c.factor = (int) (long) factors.get(i);
            cards.save(c);
        }
        return out;
    }

    /** setSpecificValueOfCard: raw card values; [true], or false for refused input. */
    @Action(
            value = {"card", "keys", "newValues"},
            optional = {"warning_check"})
    public Object setSpecificValueOfCard(Params p) {
        JsonValue card = p.value("card");
        if (card instanceof JsonArray) {
            return false;
        }
        if (!(p.value("keys") instanceof JsonArray keys) || !(p.value("newValues") instanceof JsonArray values)) {
            return false;
        }
        if (keys.size() != values.size()) {
            return false;
        }
        boolean warningCheck = p.value("warning_check") == JsonValue.TRUE;
        for (JsonValue k : keys) {
            if (k instanceof JsonString s && PROTECTED.contains(s.getString()) && !warningCheck) {
                return false;
            }
        }
        List<Object> result = new ArrayList<>();
        try {
            long id = cardId(card);
            CardRow c = cards.require(id);
            for (int i = 0; i < keys.size(); i++) {
                set(c, keys.get(i) instanceof JsonString s ? s.getString() : "", values.get(i));
            }
            cards.save(c);
            result.add(true);
        } catch (dev.ankiconnect.api.ApiException | Refusal e) {
            result.add(List.of(false, dev.ankiconnect.api.ApiErrors.message(e)));
        }
        return result;
    }

    /** The card parameter: a number or a numeric string, as the original's lookup takes; else a TypeError-style text. */
    private static long cardId(JsonValue card) {
        if (card instanceof JsonNumber n) {
            return n.longValue();
        }
        if (card instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString().trim());
            } catch (NumberFormatException e) {
                throw new Refusal(Refusal.Kind.INT_LITERAL, dev.ankiconnect.api.PythonRepr.repr(s));
            }
        }
        throw new Refusal(
                Refusal.Kind.CARD_NOT_INTEGER,
                dev.ankiconnect.api.PythonRepr.repr(card == null ? JsonValue.NULL : card));
    }

    private static void set(CardRow c, String key, JsonValue value) {
        if (key.equals("data")) {
            c.data = value instanceof JsonString s ? s.getString() : value.toString();
            return;
        }
        long v = number(key, value);
        switch (key) {
            case "did" -> c.did = v;
            case "ivl" -> c.ivl = (int) v;
            case "lapses" -> c.lapses = (int) v;
            case "left" -> c.left = (int) v;
            case "odid" -> c.odid = v;
            case "odue" -> c.odue = v;
            case "ord" -> c.ord = (int) v;
            case "queue" -> c.queue = (int) v;
            case "reps" -> c.reps = (int) v;
            case "type" -> c.type = (int) v;
            case "due" -> c.due = v;
            case "factor" -> c.factor = (int) v;
            case "flags" -> c.flags = (int) v;
            default -> {
                // Python's setattr on an unknown attribute changes nothing that is stored
            }
        }
    }

    private static long number(String key, JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.longValue();
        }
        if (value instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString().trim());
            } catch (NumberFormatException e) {
                throw new Refusal(Refusal.Kind.INVALID_CARD_VALUE, key, s.getString());
            }
        }
        throw new Refusal(Refusal.Kind.INVALID_CARD_VALUE, key, null);
    }

    /** suspend {cards, suspend=true}: false when every card already was in that state. */
    @Action(value = "cards", optional = "suspend")
    public boolean suspend(Params p) {
        return suspend(p.longList("cards"), p.bool("suspend", true));
    }

    /**
     * AnkiConnect removes cards already in the wanted state from the list while iterating over
     * it, so the element after a removed one is not examined; this reproduces that.
     */
    boolean suspend(List<Long> ids, boolean suspend) {
        List<Long> list = new ArrayList<>(ids);
        int index = 0;
        while (index < list.size()) {
            Long card = list.get(index++);
            if (suspended(card) == suspend) {
                list.remove(card);
            }
        }
        if (list.isEmpty()) {
            return false;
        }
        cards.setSuspended(list, suspend);
        return true;
    }

    /** unsuspend {cards}: null, as the implementation returns nothing. */
    @Action("cards")
    public Object unsuspend(Params p) {
        suspend(p.longList("cards"), false);
        return null;
    }

    @ReadOnly
    @Action("card")
    public boolean suspended(Params p) {
        return suspended(p.longValue("card"));
    }

    private boolean suspended(long id) {
        return cards.require(id).queue == -1;
    }

    /** areSuspended {cards}: true/false per card, null for unknown ids. */
    @ReadOnly
    @Action("cards")
    public List<Boolean> areSuspended(Params p) {
        List<Long> ids = p.longList("cards");
        Map<Long, CardRow> rows = cards.byIds(ids);
        List<Boolean> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            CardRow c = rows.get(id);
            out.add(c == null ? null : CardQueue.SUSPENDED.is(c.queue));
        }
        return out;
    }
}
