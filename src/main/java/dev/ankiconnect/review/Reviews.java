package dev.ankiconnect.review;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.card.Card;
import dev.ankiconnect.db.Chunks;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.ProfileScopedId;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.Deck;
import dev.ankiconnect.deck.DeckConfig;
import dev.ankiconnect.deck.DeckName;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.note.Note;
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
import dev.ankiconnect.tag.Tag;
import dev.ankiconnect.text.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    public Optional<Card> card(long id) {
        return Optional.ofNullable(tx.em().find(Card.class, new ProfileScopedId(profile.id(), id)));
    }

    /** The scheduling context of a card: its home deck's preset and the collection settings. */
    SchedulerContext context(Card card, Timing timing, Map<Long, SchedulerContext> cache) {
        long home = card.odid() != 0 ? card.odid() : card.did();
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
                    config.getBool("fsrs", false),
                    config.getBool("fsrsShortTermWithStepsEnabled", false),
                    deckRetention,
                    clock.collapseTimeSecs(),
                    FuzzSource.ANKI);
        });
    }

    /**
     * Answers cards in order. Unknown ids give false; each answer sees the effects of the ones
     * before it (a sibling buried by an earlier answer is answered from its buried state).
     */
    public List<Boolean> answer(List<long[]> answers) {
        Timing timing = clock.now();
        Map<Long, SchedulerContext> contexts = new HashMap<>();
        Map<Long, Card> cards = load(answers.stream().map(a -> a[0]).toList());
        Map<Long, Map<String, Long>> studied = new HashMap<>();
        List<Boolean> out = new ArrayList<>(answers.size());
        for (long[] a : answers) {
            Card card = cards.get(a[0]);
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
            AnswerResult result = Scheduler.answer(SchedulingRows.card(card), rating, ctx, now, 0);
            SchedulingRows.apply(result.card(), card, now / 1000);
            if (result.leftFilteredDeck()) {
                card.did(result.homeDeckId());
            }
            revlog.add(SchedulingRows.revlog(profile.id(), result.revlog()));
            if (result.leech()) {
                tagNote(card.nid(), "leech");
            }
            burySiblings(card, ctx.preset(), result.previousQueue());
            studied.computeIfAbsent(card.did(), d -> new HashMap<>())
                    .merge(counterKey(result.previousQueue()), 1L, Long::sum);
            out.add(true);
        }
        studied.forEach((deckId, counts) -> countStudied(deckId, counts, timing.today()));
        return out;
    }

    /** The cards with these ids that exist, loaded in a few queries rather than one each. */
    private Map<Long, Card> load(List<Long> cardIds) {
        Map<Long, Card> out = new HashMap<>();
        List<Long> distinct = cardIds.stream().distinct().toList();
        for (List<Long> chunk : Chunks.of(distinct)) {
            tx.em()
                    .createQuery("select c from Card c where c.profileId = :profile and c.id in :ids", Card.class)
                    .setParameter("profile", profile.id())
                    .setParameter("ids", chunk)
                    .getResultList()
                    .forEach(c -> out.put(c.id(), c));
        }
        return out;
    }

    /** Resets cards to new (Anki's "reset": restore position, keep counts, log a manual row). */
    public void forget(List<Long> cardIds) {
        long nextPos = config.getLong("nextPos", 1);
        long start = nextPos;
        for (Card card : existing(cardIds)) {
            long now = ids.next();
            CardOps.Rescheduled r = CardOps.forget(SchedulingRows.card(card), (int) nextPos, true, false, now);
            SchedulingRows.apply(r.card(), card, now / 1000);
            revlog.add(SchedulingRows.revlog(profile.id(), r.revlog()));
            if (r.positionUsed()) {
                nextPos++;
            }
        }
        if (nextPos != start) {
            config.set("nextPos", Json.PROVIDER.createValue(nextPos));
        }
    }

    /** AnkiConnect's raw update: type relearning, queue learning, nothing else. */
    public void relearn(List<Long> cardIds) {
        for (Card card : existing(cardIds)) {
            card.type(CardType.RELEARNING.code()).queue(CardQueue.LEARNING.code());
        }
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
        boolean fsrs = config.getBool("fsrs", false);
        for (Card card : existing(cardIds)) {
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
    }

    /** Anki's {@code is:due}: review/day-learning due today, or learning due within learn-ahead. */
    public boolean isDue(Card card, Timing timing) {
        int q = card.queue();
        if (q == CardQueue.REVIEW.code() || q == CardQueue.DAY_LEARNING.code()) {
            return card.due() <= timing.today();
        }
        if (q == CardQueue.LEARNING.code() || q == CardQueue.PREVIEW.code()) {
            return card.due() <= timing.now() + clock.collapseTimeSecs();
        }
        return false;
    }

    private List<Card> existing(List<Long> cardIds) {
        List<Card> out = new ArrayList<>();
        for (Long id : cardIds) {
            card(id).ifPresent(out::add);
        }
        return out;
    }

    private void burySiblings(Card answered, Preset preset, int previousQueue) {
        Set<CardOps.BuryKind> kinds = CardOps.siblingsToBury(preset, previousQueue);
        if (kinds.isEmpty()) {
            return;
        }
        List<Card> siblings = tx.em()
                .createNamedQuery("Card.byNote", Card.class)
                .setParameter("profile", profile.id())
                .setParameter("nid", answered.nid())
                .getResultList();
        for (Card sibling : siblings) {
            if (sibling.id() == answered.id()) {
                continue;
            }
            for (CardOps.BuryKind kind : kinds) {
                if (sibling.queue() == CardOps.queueOf(kind)) {
                    sibling.queue(CardQueue.BURIED_SIBLING.code()).usn(-1);
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
        Note note = tx.em().find(Note.class, new ProfileScopedId(profile.id(), noteId));
        if (note == null) {
            return;
        }
        List<String> tags = new ArrayList<>(Tags.split(note.tags()));
        tags.add(tag);
        note.tags(Tags.joinForStorage(Tags.canonicalize(tags)))
                .mtime(System.currentTimeMillis() / 1000)
                .usn(-1);
        String key = tag.toLowerCase(Locale.ROOT);
        if (tx.em().find(Tag.class, new dev.ankiconnect.db.ProfileScopedName(profile.id(), key)) == null) {
            tx.em()
                    .persist(new Tag()
                            .profileId(profile.id())
                            .tagKey(key)
                            .tag(tag)
                            .usn(-1)
                            .collapsed(false));
        }
    }
}
