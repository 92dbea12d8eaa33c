package dev.ankiconnect.scheduler;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which card the reviewer shows next (ANKI-MODEL 7.5), as a pure choice among candidates the caller read: intraday
 * learning due now, then interday learning, then reviews (both while the review limit leaves room), then new cards
 * (while the new limit does), then learning due within the learn-ahead time ({@code collapseTime}) when nothing else
 * is left; nothing when the deck is done for now. Suspended and buried cards are never candidates (their queues are
 * none of these). Simplifications against Anki: interday learning and new cards are not mixed into the reviews (Anki's
 * option "show after reviews" order), reviews come by due day then id (not randomised within a day), new cards by
 * position then template across the decks that have room (not deck by deck).
 */
public final class StudyQueue {

    private StudyQueue() {}

    /** A card that could be shown: its id, deck ({@code did}), queue, due and template ordinal. */
    public record Candidate(long id, long deckId, int queue, long due, int ord) {}

    /**
     * What the reviewed deck (with its descendants, after their limits) still allows today: as getDeckStats counts
     * them for the deck. Intraday learning is never limited.
     */
    public record Left(int newCards, int reviews, int interday) {}

    private static final Comparator<Candidate> BY_DUE =
            Comparator.comparingLong(Candidate::due).thenComparingLong(Candidate::id);

    private static final Comparator<Candidate> NEW_ORDER = Comparator.comparingLong(Candidate::due)
            .thenComparingInt(Candidate::ord)
            .thenComparingLong(Candidate::id);

    /**
     * The next card, if any.
     *
     * @param cards       candidates (any subset that includes the first of each kind; the rest are ignored)
     * @param newDecks    decks whose new cards may be shown (the reviewed deck's subtree through decks with new room)
     * @param reviewDecks decks whose reviews and interday learning may be shown (likewise, with review room)
     * @param left        what the reviewed deck allows
     * @param now         Unix seconds
     * @param today       the collection's day number
     * @param learnAheadCutoff {@code now + collapseTime}: learning due before it may be shown when nothing else is left
     */
    public static Optional<Candidate> next(
            List<Candidate> cards,
            Set<Long> newDecks,
            Set<Long> reviewDecks,
            Left left,
            long now,
            int today,
            long learnAheadCutoff) {
        Optional<Candidate> learningNow = first(cards, c -> learning(c) && c.due() <= now, BY_DUE);
        if (learningNow.isPresent()) {
            return learningNow;
        }
        if (left.interday() > 0) {
            Optional<Candidate> c = first(
                    cards,
                    x -> x.queue() == CardQueue.DAY_LEARNING.code()
                            && x.due() <= today
                            && reviewDecks.contains(x.deckId()),
                    BY_DUE);
            if (c.isPresent()) {
                return c;
            }
        }
        if (left.reviews() > 0) {
            Optional<Candidate> c = first(
                    cards,
                    x -> x.queue() == CardQueue.REVIEW.code() && x.due() <= today && reviewDecks.contains(x.deckId()),
                    BY_DUE);
            if (c.isPresent()) {
                return c;
            }
        }
        if (left.newCards() > 0) {
            Optional<Candidate> c =
                    first(cards, x -> x.queue() == CardQueue.NEW.code() && newDecks.contains(x.deckId()), NEW_ORDER);
            if (c.isPresent()) {
                return c;
            }
        }
        return first(cards, c -> learning(c) && c.due() < learnAheadCutoff, BY_DUE);
    }

    private static boolean learning(Candidate c) {
        return c.queue() == CardQueue.LEARNING.code() || c.queue() == CardQueue.PREVIEW.code();
    }

    private static Optional<Candidate> first(
            List<Candidate> cards, Predicate<Candidate> which, Comparator<Candidate> order) {
        return cards.stream().filter(which).min(order);
    }

    /**
     * The decks of {@code top}'s subtree whose cards of a kind may be shown: {@code top} and each descendant reached
     * through decks that all have room (a deck whose limit is used up closes its own cards and its subtree's, as in
     * Anki, where a parent's limit also holds for its children when it is studied).
     *
     * @param children each deck's children
     * @param hasRoom  whether a deck's capped count of that kind is above zero
     */
    public static Set<Long> open(long top, Map<Long, List<Long>> children, Predicate<Long> hasRoom) {
        Set<Long> out = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            long d = todo.pop();
            if (!hasRoom.test(d) || !out.add(d)) {
                continue;
            }
            children.getOrDefault(d, List.of()).forEach(todo::push);
        }
        return out;
    }
}
