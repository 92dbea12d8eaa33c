package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.scheduler.StudyQueue.Candidate;
import dev.ankiconnect.scheduler.StudyQueue.Left;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reviewer's choice of the next card (ANKI-MODEL 7.5), without a database. */
class StudyQueueTest {

    static final long NOW = 1_700_000_000L;
    static final int TODAY = 500;
    static final long CUTOFF = NOW + 1200;
    static final Set<Long> DECKS = Set.of(1L, 2L);
    static final Left ROOM = new Left(20, 200, 200);

    static Candidate learning(long id, long due) {
        return new Candidate(id, 1, CardQueue.LEARNING.code(), due, 0);
    }

    static Candidate dayLearning(long id, long due) {
        return new Candidate(id, 1, CardQueue.DAY_LEARNING.code(), due, 0);
    }

    static Candidate review(long id, long due) {
        return new Candidate(id, 1, CardQueue.REVIEW.code(), due, 0);
    }

    static Candidate fresh(long id, long deck, long position, int ord) {
        return new Candidate(id, deck, CardQueue.NEW.code(), position, ord);
    }

    static Optional<Long> next(List<Candidate> cards, Left left) {
        return next(cards, DECKS, DECKS, left);
    }

    static Optional<Long> next(List<Candidate> cards, Set<Long> newDecks, Set<Long> reviewDecks, Left left) {
        return StudyQueue.next(cards, newDecks, reviewDecks, left, NOW, TODAY, CUTOFF)
                .map(Candidate::id);
    }

    @Test
    void learningDueNowComesFirst() {
        List<Candidate> cards = List.of(
                fresh(1, 1, 1, 0), review(2, TODAY - 3), dayLearning(3, TODAY), learning(4, NOW - 5), learning(5, NOW));
        assertEquals(Optional.of(4L), next(cards, ROOM));
    }

    @Test
    void thenInterdayLearningThenReviewsThenNew() {
        assertEquals(
                Optional.of(3L), next(List.of(fresh(1, 1, 1, 0), review(2, TODAY - 3), dayLearning(3, TODAY)), ROOM));
        assertEquals(Optional.of(2L), next(List.of(fresh(1, 1, 1, 0), review(2, TODAY - 3)), ROOM));
        assertEquals(Optional.of(1L), next(List.of(fresh(1, 1, 1, 0)), ROOM));
    }

    @Test
    void reviewsByDueDayThenId() {
        assertEquals(
                Optional.of(7L), next(List.of(review(9, TODAY), review(8, TODAY - 1), review(7, TODAY - 1)), ROOM));
    }

    @Test
    void cardsNotDueYetAreNotShown() {
        assertEquals(Optional.empty(), next(List.of(review(2, TODAY + 1), dayLearning(3, TODAY + 1)), ROOM));
        assertEquals(Optional.empty(), next(List.of(learning(4, CUTOFF)), ROOM));
    }

    @Test
    void newCardsByPositionThenTemplate() {
        assertEquals(Optional.of(12L), next(List.of(fresh(11, 1, 5, 1), fresh(12, 2, 5, 0), fresh(13, 1, 6, 0)), ROOM));
    }

    @Test
    void limitsCloseTheirKinds() {
        List<Candidate> cards = List.of(fresh(1, 1, 1, 0), review(2, TODAY), dayLearning(3, TODAY));
        assertEquals(Optional.of(2L), next(cards, new Left(20, 5, 0)), "interday learning used up its room");
        assertEquals(Optional.of(1L), next(cards, new Left(20, 0, 0)), "reviews used up: new cards");
        assertEquals(Optional.empty(), next(cards, new Left(0, 0, 0)), "nothing left today");
        // a deck whose limit is used up offers none of its cards of that kind
        assertEquals(Optional.empty(), next(List.of(fresh(1, 1, 1, 0)), Set.of(2L), DECKS, ROOM));
        assertEquals(Optional.empty(), next(List.of(review(2, TODAY)), DECKS, Set.of(2L), ROOM));
    }

    @Test
    void learningAheadOnlyWhenNothingElseIsLeft() {
        Candidate soon = learning(4, NOW + 600);
        assertEquals(Optional.of(1L), next(List.of(soon, fresh(1, 1, 1, 0)), ROOM));
        assertEquals(Optional.of(4L), next(List.of(soon, fresh(1, 1, 1, 0)), new Left(0, 0, 0)));
        assertEquals(Optional.of(4L), next(List.of(learning(5, NOW + 900), soon), ROOM), "the earliest first");
        // learning is never limited
        assertEquals(Optional.of(6L), next(List.of(learning(6, NOW)), new Left(0, 0, 0)));
    }

    @Test
    void openDecksStopAtADeckWithoutRoom() {
        // 1 -> 2 -> 3, 1 -> 4
        Map<Long, List<Long>> children = Map.of(1L, List.of(2L, 4L), 2L, List.of(3L));
        assertEquals(Set.of(1L, 2L, 3L, 4L), StudyQueue.open(1, children, d -> true));
        assertEquals(Set.of(1L, 4L), StudyQueue.open(1, children, d -> d != 2));
        assertTrue(StudyQueue.open(1, children, d -> d != 1).isEmpty(), "the reviewed deck's own limit holds for all");
    }
}
