package dev.ankiconnect.review;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.card.CardRow;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.scheduler.CardType;
import dev.ankiconnect.scheduler.Timing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The card actions that schedule: answering, due checks, intervals, reset, relearn, due dates. */
@ApplicationScoped
public class SchedulerActions implements ActionGroup {

    @Inject
    Reviews reviews;

    @Inject
    RevlogStore revlog;

    @Inject
    CollectionClock clock;

    /** answerCards {answers: [{cardId, ease}]}: true per answered card, false for unknown ids. */
    @Action("answers")
    public List<Boolean> answerCards(Params p) {
        List<long[]> answers = new ArrayList<>();
        for (JsonValue v : p.array("answers")) {
            if (!(v instanceof JsonObject o)) {
                throw new Refusal(Refusal.Kind.ANSWER_SHAPE, v);
            }
            if (!o.containsKey("cardId")) {
                throw new Refusal(Refusal.Kind.KEY_ERROR, "cardId");
            }
            if (!o.containsKey("ease")) {
                throw new Refusal(Refusal.Kind.KEY_ERROR, "ease");
            }
            Params answer = new Params("answerCards", o);
            answers.add(new long[] {answer.longValue("cardId"), answer.longValue("ease")});
        }
        return reviews.answer(answers);
    }

    /** areDue {cards}: new cards are due; others by their last review (AnkiConnect's rule). */
    @ReadOnly
    @Action("cards")
    public List<Boolean> areDue(Params p) {
        Timing timing = clock.now();
        List<Boolean> out = new ArrayList<>();
        for (long id : p.longList("cards")) {
            Optional<CardRow> card = reviews.card(id);
            if (card.isPresent() && card.get().type == CardType.NEW.code()) {
                out.add(true);
                continue;
            }
            List<Revlog> log = card.isPresent() ? revlog.ofCard(id) : List.of();
            if (log.isEmpty()) {
                throw new Refusal(Refusal.Kind.INDEX_OUT_OF_RANGE);
            }
            Revlog last = log.get(log.size() - 1);
            if (last.ivl() >= -1200) {
                out.add(reviews.isDue(card.get(), timing));
            } else {
                // A learning step longer than 20 minutes: due once that many seconds have passed.
                out.add(last.id() / 1000 - last.ivl() <= timing.now());
            }
        }
        return out;
    }

    /** getIntervals {cards, complete=false}: the last logged interval, or all of them; 0 for new cards. */
    @ReadOnly
    @Action(value = "cards", optional = "complete")
    public List<Object> getIntervals(Params p) {
        boolean complete = p.bool("complete", false);
        List<Object> out = new ArrayList<>();
        for (long id : p.longList("cards")) {
            Optional<CardRow> card = reviews.card(id);
            if (card.isPresent() && card.get().type == CardType.NEW.code()) {
                out.add(0);
                continue;
            }
            List<Integer> ivls = new ArrayList<>();
            if (card.isPresent()) {
                revlog.ofCard(id).forEach(r -> ivls.add(r.ivl()));
            }
            if (complete) {
                out.add(ivls);
            } else if (ivls.isEmpty()) {
                throw new Refusal(Refusal.Kind.INDEX_OUT_OF_RANGE);
            } else {
                out.add(ivls.get(ivls.size() - 1));
            }
        }
        return out;
    }

    /** forgetCards {cards}: reset to new, keeping reps and lapses, restoring the original position. */
    @Action("cards")
    public Object forgetCards(Params p) {
        reviews.forget(p.longList("cards"));
        return null;
    }

    /** relearnCards {cards}: type relearning, queue learning. */
    @Action("cards")
    public Object relearnCards(Params p) {
        reviews.relearn(p.longList("cards"));
        return null;
    }

    /** setDueDate {cards, days}: Anki's set-due-date syntax ("0", "1!", "3-7"); true. */
    @Action({"cards", "days"})
    public boolean setDueDate(Params p) {
        reviews.setDueDate(p.longList("cards"), p.string("days"));
        return true;
    }
}
