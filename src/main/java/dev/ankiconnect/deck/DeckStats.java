package dev.ankiconnect.deck;

import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.scheduler.DailyLimits;
import dev.ankiconnect.scheduler.Timing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Today's due counts of the deck tree, as Anki's deck list (and AnkiConnect's getDeckStats) shows them. */
@ApplicationScoped
public class DeckStats {

    /**
     * One deck's line in getDeckStats; {@code interdayCount} is the part of {@code learnCount} that is interday
     * learning (limited by the review limit, as reviews are), for the reviewer's queue (gui).
     */
    public record Line(
            long deckId, String name, int newCount, int learnCount, int reviewCount, long total, int interdayCount) {

        /** The JSON object AnkiConnect returns for a deck. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("deck_id", deckId);
            m.put("name", name);
            m.put("new_count", newCount);
            m.put("learn_count", learnCount);
            m.put("review_count", reviewCount);
            m.put("total_in_deck", total);
            return m;
        }
    }

    /** Raw counts of the cards whose {@code did} is one deck. */
    record Raw(int fresh, int review, int interday, int intraday, long total) {
        static final Raw NONE = new Raw(0, 0, 0, 0, 0);
    }

    /** Capped counts handed up to the parent; interday learning kept apart because it is capped again there. */
    private record Capped(int fresh, int review, int interday, int intraday) {}

    @Inject
    DeckCards cards;

    @Inject
    CollectionConfigs config;

    @Inject
    CollectionClock clock;

    @Inject
    Decks decks;

    @Inject
    DeckConfigs presets;

    /** Lines for the wanted decks, in deck-tree order (parents first, siblings by name). */
    public List<Line> lines(Set<Long> wanted) {
        Timing timing = clock.now();
        return lines(wanted, timing, rawCounts(timing, null));
    }

    /**
     * Lines for a deck and its descendants ({@code subtree}, all of them), reading the counts of their cards only: a
     * deck's line depends on its own cards and its descendants' alone, so the cost is the subtree's (the reviewer's
     * queue, gui).
     */
    public List<Line> subtreeLines(Set<Long> subtree) {
        Timing timing = clock.now();
        return lines(subtree, timing, rawCounts(timing, subtree));
    }

    private List<Line> lines(Set<Long> wanted, Timing timing, Map<Long, Raw> raw) {
        boolean ignoreReviewLimit = config.getBool("newCardsIgnoreReviewLimit");
        List<Deck> all = decks.all();
        Map<String, List<Deck>> children = new HashMap<>();
        List<Deck> roots = new ArrayList<>();
        Map<String, Deck> byKey = new HashMap<>();
        all.forEach(d -> byKey.put(DeckName.key(d.name()), d));
        for (Deck d : all) {
            DeckName parent = DeckName.of(d.name()).parent();
            if (parent != null && byKey.containsKey(parent.key())) {
                children.computeIfAbsent(parent.key(), k -> new ArrayList<>()).add(d);
            } else {
                roots.add(d);
            }
        }
        List<Line> out = new ArrayList<>();
        Map<Long, Line> lines = new HashMap<>();
        for (Deck root : roots) {
            count(root, children, raw, timing, ignoreReviewLimit, lines);
        }
        // Anki walks the tree depth-first; all() is already in that order.
        for (Deck d : all) {
            if (wanted.contains(d.id())) {
                out.add(lines.get(d.id()));
            }
        }
        return out;
    }

    private Capped count(
            Deck deck,
            Map<String, List<Deck>> children,
            Map<Long, Raw> raw,
            Timing timing,
            boolean ignoreReviewLimit,
            Map<Long, Line> lines) {
        // 100,000 decks take a while: the request's time budget (requestTimeoutMs) is checked for each
        dev.ankiconnect.search.Deadline.check();
        Raw own = raw.getOrDefault(deck.id(), Raw.NONE);
        int fresh = own.fresh();
        int review = own.review();
        int interday = own.interday();
        int intraday = own.intraday();
        for (Deck child : children.getOrDefault(DeckName.key(deck.name()), List.of())) {
            Capped c = count(child, children, raw, timing, ignoreReviewLimit, lines);
            fresh += c.fresh();
            review += c.review();
            interday += c.interday();
            intraday += c.intraday();
        }
        DailyLimits limits = limits(deck, timing.today(), ignoreReviewLimit);
        DailyLimits.Counts counts = limits.cap(intraday, interday, review, fresh, ignoreReviewLimit);
        int cappedInterday = Math.min(interday, limits.review());
        lines.put(
                deck.id(),
                new Line(
                        deck.id(),
                        DeckName.of(deck.name()).leaf(),
                        counts.newCount(),
                        counts.learnCount(),
                        counts.reviewCount(),
                        own.total(),
                        cappedInterday));
        return new Capped(counts.newCount(), counts.reviewCount(), cappedInterday, intraday);
    }

    /** Today's remaining limits of a deck: today-override, deck override or preset, less what was studied. */
    DailyLimits limits(Deck deck, int today, boolean ignoreReviewLimit) {
        if (deck.isFiltered()) {
            return DailyLimits.FILTERED;
        }
        JsonObject json = Decks.json(deck);
        JsonObject preset = presets.forDeck(deck);
        int reviewLimit = limit(json, "reviewLimit", today, perDay(preset.get("rev"), 200));
        int newLimit = limit(json, "newLimit", today, perDay(preset.get("new"), 20));
        return DailyLimits.remaining(
                reviewLimit,
                newLimit,
                studied(json, "revToday", today),
                studied(json, "newToday", today),
                ignoreReviewLimit);
    }

    private static int limit(JsonObject deck, String key, int today, int presetValue) {
        JsonValue todayLimit = deck.get(key + "Today");
        if (todayLimit instanceof JsonObject o
                && o.get("today") instanceof JsonNumber d
                && d.intValue() == today
                && o.get("limit") instanceof JsonNumber l) {
            return l.intValue();
        }
        if (deck.get(key) instanceof JsonNumber n) {
            return n.intValue();
        }
        return presetValue;
    }

    /** The {@code perDay} limit of a preset's {@code new} or {@code rev} section. */
    private static int perDay(JsonValue section, int fallback) {
        if (section instanceof JsonObject o && o.get("perDay") instanceof JsonNumber n) {
            return n.intValue();
        }
        return fallback;
    }

    private static int studied(JsonObject deck, String key, int today) {
        if (deck.get(key) instanceof JsonArray a
                && a.size() == 2
                && a.get(0) instanceof JsonNumber day
                && a.get(1) instanceof JsonNumber n
                && day.intValue() == today) {
            return n.intValue();
        }
        return 0;
    }

    /** Raw counts of every deck, or of these decks only (null: all). */
    private Map<Long, Raw> rawCounts(Timing timing, Set<Long> only) {
        long cutoff = timing.learnAheadCutoff((int) config.getLong("collapseTime", 1200));
        Map<Long, Raw> out = new HashMap<>();
        for (DeckCards.Counts r : only == null
                ? cards.countsByDeck(timing.today(), cutoff)
                : cards.countsInDecks(timing.today(), cutoff, only)) {
            out.put(
                    r.did(),
                    new Raw((int) r.fresh(), (int) r.review(), (int) r.dayLearning(), (int) r.learning(), r.total()));
        }
        return out;
    }
}
