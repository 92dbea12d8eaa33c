package dev.ankiconnect.review;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckConfig;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.note.NoteRow;
import dev.ankiconnect.note.NoteStore;
import dev.ankiconnect.note.TagRegistry;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.scheduler.AnswerResult;
import dev.ankiconnect.scheduler.CardOps;
import dev.ankiconnect.scheduler.CardQueue;
import dev.ankiconnect.scheduler.CardType;
import dev.ankiconnect.scheduler.DueDateSpec;
import dev.ankiconnect.scheduler.FuzzSource;
import dev.ankiconnect.scheduler.Preset;
import dev.ankiconnect.scheduler.Rating;
import dev.ankiconnect.scheduler.Scheduler;
import dev.ankiconnect.scheduler.SchedulerContext;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.settings.DeckSettings;
import dev.ankiconnect.settings.PresetSettings;
import dev.ankiconnect.text.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Scheduling operations on stored cards: answers (with sibling burying, leeches and the decks'
 * studied-today counters), reset to new, relearn and set due date, each writing revlog rows as
 * Anki does. The arithmetic is the pure {@code scheduler} package's.
 */
@ApplicationScoped
public class Reviews {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    CollectionClock clock;

    @Inject
    CollectionConfigs config;

    @Inject
    Ids ids;

    @Inject
    Decks decks;

    @Inject
    dev.ankiconnect.deck.DeckConfigs deckConfigs;

    @Inject
    RevlogStore revlog;

    @Inject
    CardStore cards;

    @Inject
    NoteStore notes;

    @Inject
    TagRegistry tagRegistry;

    public Optional<CardRow> card(long id) {
        return cards.byId(id);
    }

    /** The scheduling context of a card: its home deck's preset and the collection settings. */
    SchedulerContext context(CardRow card, Timing timing, Map<Long, SchedulerContext> cache) {
        long home = card.homeDeck();
        return cache.computeIfAbsent(home, id -> {
            Deck deck = decks.byId(id).orElse(null);
            long confId = deck == null ? Decks.DEFAULT_PRESET_ID : deck.confId();
            DeckConfig conf = deckConfigs
                    .byId(confId)
                    .or(() -> deckConfigs.byId(Decks.DEFAULT_PRESET_ID))
                    .orElse(null);
            Preset preset = conf == null
                    ? Preset.defaults()
                    : PresetSettings.decode(conf.config()).scheduler();
            Float deckRetention = deck != null && deck.data() != null
                    ? DeckSettings.decode(deck.data()).desiredRetention()
                    : null;
            return new SchedulerContext(
                    preset,
                    timing,
                    config.getBool("fsrs"),
                    config.getBool("fsrsShortTermWithStepsEnabled"),
                    deckRetention,
                    clock.collapseTimeSecs(),
                    FuzzSource.ANKI);
        });
    }

    /**
     * Answers cards in order: each entry is {cardId, ease} or {cardId, ease, takenMs} (the time spent on the card,
     * capped by its preset as Anki caps it; 0 when not given, as AnkiConnect's answerCards starts the timer right before
     * answering). Unknown ids give false; each answer sees the effects of the ones before it (a sibling buried by an
     * earlier answer is answered from its buried state).
     */
    public List<Boolean> answer(List<long[]> answers) {
        Timing timing = clock.now();
        Map<Long, SchedulerContext> contexts = new HashMap<>();
        // One object per card for the whole call, written back once at its end: a card answered twice, or buried as
        // a sibling before its own answer, is seen in the state the earlier answers left it in.
        Map<Long, CardRow> loaded = load(answers.stream().map(a -> a[0]).toList());
        Map<Long, CardRow> changed = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> studied = new HashMap<>();
        List<Boolean> out = new ArrayList<>(answers.size());
        for (long[] a : answers) {
            CardRow card = loaded.get(a[0]);
            if (card == null) {
                out.add(false);
                continue;
            }
            Rating rating;
            try {
                rating = Rating.fromEase((int) a[1]);
            } catch (IllegalArgumentException e) {
                throw new Refusal(e, Refusal.Kind.CAUSE_TEXT);
            }
            long now = ids.next();
            // One "today" for the whole call; learning steps count from the moment of each answer.
            SchedulerContext ctx = context(card, timing, contexts)
                    .withTiming(new Timing(now / 1000, timing.today(), timing.nextDayAt()));
            AnswerResult result =
                    Scheduler.answer(SchedulingRows.card(card), rating, ctx, now, a.length > 2 ? a[2] : 0);
            SchedulingRows.apply(result.card(), card, now / 1000);
            if (result.leftFilteredDeck()) {
                card.did = result.homeDeckId();
            }
            changed.put(card.id, card);
            revlog.add(SchedulingRows.revlog(profile.id(), result.revlog()));
            if (result.leech()) {
                tagNote(card.nid, "leech");
            }
            burySiblings(card, ctx.preset(), result.previousQueue(), loaded, changed);
            studied.computeIfAbsent(card.did, d -> new HashMap<>())
                    .merge(counterKey(result.previousQueue()), 1L, Long::sum);
            out.add(true);
        }
        cards.updateAll(changed.values());
        studied.forEach((deckId, counts) -> countStudied(deckId, counts, timing.today()));
        return out;
    }

    /** The cards with these ids that exist, loaded in a few queries rather than one each. */
    private Map<Long, CardRow> load(List<Long> cardIds) {
        return new HashMap<>(cards.byIds(cardIds));
    }

    /** Resets cards to new (Anki's "reset": restore position, keep counts, log a manual row). */
    public void forget(List<Long> cardIds) {
        long nextPos = config.getLong("nextPos", 1);
        long start = nextPos;
        List<CardRow> existing = existing(cardIds);
        for (CardRow card : existing) {
            long now = ids.next();
            CardOps.Rescheduled r = CardOps.forget(SchedulingRows.card(card), (int) nextPos, true, false, now);
            SchedulingRows.apply(r.card(), card, now / 1000);
            revlog.add(SchedulingRows.revlog(profile.id(), r.revlog()));
            if (r.positionUsed()) {
                nextPos++;
            }
        }
        cards.updateAll(distinct(existing));
        if (nextPos != start) {
            config.set("nextPos", Json.PROVIDER.createValue(nextPos));
        }
    }

    /** AnkiConnect's raw update: type relearning, queue learning, nothing else. */
    public void relearn(List<Long> cardIds) {
        List<CardRow> existing = existing(cardIds);
        for (CardRow card : existing) {
            card.type = CardType.RELEARNING.code();
            card.queue = CardQueue.LEARNING.code();
        }
        cards.updateAll(distinct(existing));
    }

    /** Anki's set due date: {@code days} like "0", "1!", "3-7". */
    public void setDueDate(List<Long> cardIds, String days) {
        DueDateSpec spec;
        try {
            spec = DueDateSpec.parse(days);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e, Refusal.Kind.CAUSE_TEXT);
        }
        Timing timing = clock.now();
        Map<Long, SchedulerContext> contexts = new HashMap<>();
        SplittableRandom random = new SplittableRandom();
        boolean fsrs = config.getBool("fsrs");
        List<CardRow> existing = existing(cardIds);
        for (CardRow card : existing) {
            long now = ids.next();
            Preset preset = context(card, timing, contexts).preset();
            CardOps.Rescheduled r = CardOps.setDueDate(
                    SchedulingRows.card(card),
                    spec.sampleDays(random),
                    spec.forceReset(),
                    preset.initialEase(),
                    fsrs,
                    timing,
                    now);
            SchedulingRows.apply(r.card(), card, now / 1000);
            revlog.add(SchedulingRows.revlog(profile.id(), r.revlog()));
        }
        cards.updateAll(distinct(existing));
    }

    /** Anki's {@code is:due}: review/day-learning due today, or learning due within learn-ahead. */
    public boolean isDue(CardRow card, Timing timing) {
        int q = card.queue;
        if (q == CardQueue.REVIEW.code() || q == CardQueue.DAY_LEARNING.code()) {
            return card.due <= timing.today();
        }
        if (q == CardQueue.LEARNING.code() || q == CardQueue.PREVIEW.code()) {
            return card.due <= timing.now() + clock.collapseTimeSecs();
        }
        return false;
    }

    /** The existing cards of these ids in the given order, a repeated id as the same object (its changes add up). */
    private List<CardRow> existing(List<Long> cardIds) {
        Map<Long, CardRow> byId = cards.byIds(cardIds);
        List<CardRow> out = new ArrayList<>();
        for (Long id : cardIds) {
            CardRow c = byId.get(id);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static Collection<CardRow> distinct(List<CardRow> cards) {
        Map<Long, CardRow> out = new LinkedHashMap<>();
        cards.forEach(c -> out.put(c.id, c));
        return out.values();
    }

    private void burySiblings(
            CardRow answered, Preset preset, int previousQueue, Map<Long, CardRow> loaded, Map<Long, CardRow> changed) {
        Set<CardOps.BuryKind> kinds = CardOps.siblingsToBury(preset, previousQueue);
        if (kinds.isEmpty()) {
            return;
        }
        for (CardRow stored : cards.byNote(answered.nid)) {
            if (stored.id == answered.id) {
                continue;
            }
            // a sibling this call loaded or changed already is taken in that state
            CardRow sibling = loaded.computeIfAbsent(stored.id, id -> stored);
            for (CardOps.BuryKind kind : kinds) {
                if (sibling.queue == CardOps.queueOf(kind)) {
                    sibling.queue = CardQueue.BURIED_SIBLING.code();
                    sibling.usn = -1;
                    changed.put(sibling.id, sibling);
                }
            }
        }
    }

    private static String counterKey(int previousQueue) {
        return previousQueue == CardQueue.NEW.code()
                ? "newToday"
                : previousQueue == CardQueue.REVIEW.code() ? "revToday" : "lrnToday";
    }

    /** Anki keeps per-deck "studied today" counters for the daily limits, on the deck and its parents. */
    private void countStudied(long deckId, Map<String, Long> counts, int today) {
        Deck deck = decks.byId(deckId).orElse(null);
        if (deck == null) {
            return;
        }
        DeckName name = DeckName.of(deck.name());
        for (DeckName n = name; n != null; n = n.parent()) {
            Deck d = n.equals(name) ? deck : decks.byName(n).orElse(null);
            if (d == null || d.data() == null) {
                continue;
            }
            d.data(DeckSettings.decode(d.data()).withCounted(today, counts).encode());
        }
    }

    private void tagNote(long noteId, String tag) {
        NoteRow note = notes.byId(noteId);
        if (note == null) {
            return;
        }
        List<String> tags = new ArrayList<>(Tags.split(note.tags));
        tags.add(tag);
        note.tags = Tags.joinForStorage(Tags.canonicalize(tags));
        note.mtime = System.currentTimeMillis() / 1000;
        note.usn = -1;
        notes.updateTags(List.of(note));
        tagRegistry.ensure(tag);
    }
}
