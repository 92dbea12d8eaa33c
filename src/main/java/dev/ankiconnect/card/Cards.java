package dev.ankiconnect.card;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.deck.DeckIndex;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.notetype.ModelCache;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.scheduler.CardQueue;
import dev.ankiconnect.scheduler.Preset;
import dev.ankiconnect.scheduler.Scheduler;
import dev.ankiconnect.scheduler.SchedulerContext;
import dev.ankiconnect.scheduler.SchedulingCard;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.search.run.NoteSearch;
import dev.ankiconnect.settings.PresetSettings;
import dev.ankiconnect.template.CardRenderer;
import dev.ankiconnect.template.CardTemplate;
import dev.ankiconnect.template.RenderedCard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Card reads and the card edits that need no scheduler: info, ease, suspension, raw values. */
@ApplicationScoped
public class Cards {

    @Inject
    CardStore store;

    @Inject
    CardNotes notes;

    @Inject
    ModelCache models;

    @Inject
    Decks deckStore;

    @Inject
    dev.ankiconnect.deck.DeckConfigs deckConfigs;

    @Inject
    NoteSearch search;

    public CardRow require(long id) {
        CardRow c = store.byIds(List.of(id)).get(id);
        if (c == null) {
            throw new NotFoundException(NotFoundException.Kind.CARD, id);
        }
        return c;
    }

    /** AnkiConnect's cardsInfo entries, {} for unknown ids, in the order asked. */
    public List<JsonValue> info(List<Long> ids) {
        Map<Long, CardRow> rows = store.byIds(ids);
        List<Long> nids = new ArrayList<>();
        rows.values().forEach(c -> nids.add(c.nid));
        Map<Long, CardNotes.Row> noteRows = notes.byIds(nids);
        Map<Long, ModelInfo> byId = models.all();
        DeckIndex decks = new DeckIndex(deckStore.all());
        Timing timing = rows.isEmpty() ? null : timing();
        Map<Long, SchedulerContext> contexts = new java.util.HashMap<>();
        // database work first, serially; then the pure rendering and scheduling per card in parallel
        int size = ids.size();
        SchedulerContext[] sched = new SchedulerContext[size];
        for (int i = 0; i < size; i++) {
            CardRow c = rows.get(ids.get(i));
            if (c != null) {
                sched[i] = context(decks, c.homeDeck(), timing, contexts);
            }
        }
        JsonValue[] out = new JsonValue[size];
        java.util.stream.IntStream.range(0, size).parallel().forEach(i -> {
            CardRow c = rows.get(ids.get(i));
            CardNotes.Row n = c == null ? null : noteRows.get(c.nid);
            ModelInfo m = n == null ? null : byId.get(n.mid());
            out[i] = m == null ? JsonValue.EMPTY_JSON_OBJECT : entry(c, n, m, decks, sched[i]);
        });
        return java.util.Arrays.asList(out);
    }

    private static JsonValue entry(CardRow c, CardNotes.Row n, ModelInfo m, DeckIndex decks, SchedulerContext sched) {
        String deckName = decks.name(c.did);
        RenderedCard r = render(m, n, c, decks.name(c.homeDeck()));
        JsonArrayBuilder next = Json.PROVIDER.createArrayBuilder();
        nextReviews(c, sched).forEach(next::add);
        return Json.PROVIDER
                .createObjectBuilder()
                .add("cardId", c.id)
                .add("fields", m.fieldsObject(n.fields()))
                .add("fieldOrder", c.ord)
                .add("question", r.question())
                .add("answer", r.answer())
                .add("modelName", m.name())
                .add("ord", c.ord)
                .add("deckName", deckName == null ? "Default" : deckName)
                .add("css", m.css())
                .add("factor", c.factor)
                .add("interval", c.ivl)
                .add("note", c.nid)
                .add("type", c.type)
                .add("queue", c.queue)
                .add("due", c.due)
                .add("reps", c.reps)
                .add("lapses", c.lapses)
                .add("left", c.left)
                .add("mod", c.mtime)
                .add("nextReviews", next)
                .add("flags", c.flags)
                .build();
    }

    /**
     * guiCurrentCard's object for a card, as AnkiConnect's reviewer reports it: cardsInfo's rendering, fields and
     * next-review labels, with the answer buttons (the v3 scheduler always offers four) and the template's name.
     * Empty when the card no longer exists.
     */
    public java.util.Optional<jakarta.json.JsonObject> reviewerInfo(long id) {
        JsonValue v = info(List.of(id)).get(0);
        if (!(v instanceof jakarta.json.JsonObject o) || o.isEmpty()) {
            return java.util.Optional.empty();
        }
        CardRow c = store.byIds(List.of(id)).get(id);
        CardNotes.Row n = c == null ? null : notes.byIds(List.of(c.nid)).get(c.nid);
        ModelInfo m = n == null ? null : models.all().get(n.mid());
        CardTemplate t = m == null ? null : m.template(c.ord);
        return java.util.Optional.of(Json.PROVIDER
                .createObjectBuilder()
                .add("cardId", o.get("cardId"))
                .add("fields", o.get("fields"))
                .add("fieldOrder", o.get("fieldOrder"))
                .add("question", o.get("question"))
                .add("answer", o.get("answer"))
                .add(
                        "buttons",
                        Json.PROVIDER.createArrayBuilder().add(1).add(2).add(3).add(4))
                .add("nextReviews", o.get("nextReviews"))
                .add("modelName", o.get("modelName"))
                .add("deckName", o.get("deckName"))
                .add("css", o.get("css"))
                .add("template", t == null ? "" : t.name())
                .build());
    }

    static RenderedCard render(ModelInfo m, CardNotes.Row n, CardRow c, String homeDeckName) {
        CardTemplate t = m.template(c.ord);
        if (t == null) {
            // a card kept when its template went (a note type change, as in Anki): Anki's renderer refuses it
            throw new Refusal(Refusal.Kind.MISSING_TEMPLATE);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = m.fieldNames();
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), i < n.fields().length ? n.fields()[i] : "");
        }
        return CardRenderer.render(new dev.ankiconnect.template.CardRenderInput(
                t,
                m.isCloze(),
                fields,
                n.tagList(),
                m.name(),
                homeDeckName,
                c.id,
                c.ord,
                c.flags,
                m.css(),
                m.latexSvg()));
    }

    private Timing timing() {
        try {
            return search.timing();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** SM-2 context with the preset of the card's home deck, one per preset and call. */
    private SchedulerContext context(DeckIndex decks, long homeDeck, Timing timing, Map<Long, SchedulerContext> cache) {
        if (timing == null) {
            return null;
        }
        dev.ankiconnect.deck.Deck deck = decks.byId(homeDeck);
        long confId = deck == null ? 1 : deck.confId();
        return cache.computeIfAbsent(confId, id -> {
            Preset preset = Preset.defaults();
            dev.ankiconnect.deck.DeckConfig conf = deckConfigs.byId(id).orElse(null);
            if (conf != null && conf.config() != null) {
                try {
                    preset = PresetSettings.decode(conf.config()).scheduler();
                } catch (RuntimeException e) {
                    preset = Preset.defaults();
                }
            }
            return SchedulerContext.sm2(preset, timing);
        });
    }

    /** The four answer-button labels; [] when the state cannot be previewed. */
    static List<String> nextReviews(CardRow c, SchedulerContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        try {
            SchedulingCard card = new SchedulingCard.Builder()
                    .id(c.id)
                    .type(c.type)
                    .queue(c.queue)
                    .due((int) c.due)
                    .ivl(c.ivl)
                    .factor(c.factor)
                    .reps(c.reps)
                    .lapses(c.lapses)
                    .left(c.left)
                    .odue((int) c.odue)
                    .odid(c.odid)
                    .build();
            return Scheduler.nextReviewTexts(card, ctx);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public List<JsonValue> modTimes(List<Long> ids) {
        Map<Long, CardRow> rows = store.byIds(ids);
        List<JsonValue> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            CardRow c = rows.get(id);
            out.add(
                    c == null
                            ? JsonValue.EMPTY_JSON_OBJECT
                            : Json.PROVIDER
                                    .createObjectBuilder()
                                    .add("cardId", c.id)
                                    .add("mod", c.mtime)
                                    .build());
        }
        return out;
    }

    /** Distinct note ids of the cards, ascending; unknown cards are ignored. */
    public List<Long> toNotes(List<Long> ids) {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        store.byIds(ids).values().forEach(c -> out.add(c.nid));
        return new ArrayList<>(out);
    }

    public Map<Long, CardRow> byIds(List<Long> ids) {
        return store.byIds(ids);
    }

    /** Writes a card back with a new modification time, as Anki's card.flush(). */
    public void save(CardRow c) {
        c.mtime = System.currentTimeMillis() / 1000;
        c.usn = -1;
        store.update(c);
    }

    /** Suspends (queue -1) or restores the queue from the card type (ANKI-MODEL 1.5). */
    public void setSuspended(List<Long> ids, boolean suspend) {
        for (CardRow c : store.byIds(ids).values()) {
            if (suspend) {
                if (CardQueue.SUSPENDED.is(c.queue)) {
                    continue;
                }
                c.queue = CardQueue.SUSPENDED.code();
            } else {
                if (!CardQueue.SUSPENDED.is(c.queue)) {
                    continue;
                }
                c.queue = CardQueue.restoredFor(c.type, c.due).code();
            }
            save(c);
        }
    }
}
