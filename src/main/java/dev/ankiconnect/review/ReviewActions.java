package dev.ankiconnect.review;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The review-log actions: reading, exporting by deck and inserting review history. */
@ApplicationScoped
public class ReviewActions implements ActionGroup {

    @Inject
    ActiveProfile profile;

    @Inject
    Decks decks;

    @Inject
    Reviews reviews;

    @Inject
    RevlogStore revlog;

    /** cardReviews {deck, startID}: 9-element rows of the reviews of cards in that deck after startID. */
    @ReadOnly
    @Action({"deck", "startID"})
    public List<List<Long>> cardReviews(Params p) {
        long deckId = decks.getOrCreate(p.string("deck")).id();
        List<Revlog> rows = revlog.ofDeckAfter(deckId, p.longValue("startID"));
        List<List<Long>> out = new ArrayList<>(rows.size());
        for (Revlog r : rows) {
            out.add(List.of(
                    r.id(),
                    r.cid(),
                    (long) r.usn(),
                    (long) r.ease(),
                    (long) r.ivl(),
                    (long) r.lastIvl(),
                    (long) r.factor(),
                    (long) r.time(),
                    (long) r.type()));
        }
        return out;
    }

    /** getLatestReviewID {deck}: the newest review id among the deck's cards, 0 if none. */
    @ReadOnly
    @Action("deck")
    public long getLatestReviewID(Params p) {
        long deckId = decks.getOrCreate(p.string("deck")).id();
        return revlog.latestOfDeck(deckId);
    }

    /** getReviewsOfCards {cards}: {cardId: [{id, usn, ease, ivl, lastIvl, factor, time, type}]}. */
    @ReadOnly
    @Action("cards")
    public Map<String, List<JsonObject>> getReviewsOfCards(Params p) {
        Map<String, List<JsonObject>> out = new LinkedHashMap<>();
        List<Long> wanted = new ArrayList<>();
        for (JsonValue v : p.array("cards")) {
            if (v instanceof JsonNumber n && n.isIntegral()) {
                wanted.add(n.longValue());
            }
        }
        // one set-based read for all the cards, not a query per card
        Map<Long, List<RevlogStore.LogRow>> logs = revlog.logs(wanted);
        for (JsonValue v : p.array("cards")) {
            String key = PythonRepr.str(v);
            List<JsonObject> rows = new ArrayList<>();
            if (v instanceof JsonNumber n && n.isIntegral()) {
                for (RevlogStore.LogRow r : logs.getOrDefault(n.longValue(), List.of())) {
                    rows.add(Json.PROVIDER
                            .createObjectBuilder()
                            .add("id", r.id())
                            .add("usn", r.usn())
                            .add("ease", r.ease())
                            .add("ivl", r.ivl())
                            .add("lastIvl", r.lastIvl())
                            .add("factor", r.factor())
                            .add("time", r.time())
                            .add("type", r.type())
                            .build());
                }
            }
            out.put(key, rows);
        }
        return out;
    }

    /** insertReviews {reviews: [[id, cid, usn, ease, ivl, lastIvl, factor, time, type]]}: adds history. */
    @Action("reviews")
    public Object insertReviews(Params p) {
        List<Revlog> rows = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (JsonValue v : p.array("reviews")) {
            if (!(v instanceof JsonArray a) || a.size() != 9) {
                throw new Refusal(Refusal.Kind.REVIEW_SHAPE, PythonRepr.repr(v));
            }
            long[] n = new long[9];
            for (int i = 0; i < 9; i++) {
                if (!(a.get(i) instanceof JsonNumber num) || !num.isIntegral()) {
                    throw new Refusal(Refusal.Kind.REVIEW_SHAPE, PythonRepr.repr(v));
                }
                n[i] = num.longValue();
            }
            // Checked up front: a failed insert would leave the transaction unusable.
            if (!seen.add(n[0]) || revlog.exists(n[0])) {
                throw new Refusal(Refusal.Kind.REVIEW_ID_TAKEN);
            }
            rows.add(new Revlog()
                    .id(n[0])
                    .cid(n[1])
                    .usn((int) n[2])
                    .ease((int) n[3])
                    .ivl((int) n[4])
                    .lastIvl((int) n[5])
                    .factor((int) n[6])
                    .time((int) n[7])
                    .type((int) n[8]));
        }
        rows.forEach(revlog::add);
        return null;
    }
}
