package dev.ankiconnect.review;

import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Chunks;
import dev.ankiconnect.db.ProfileScopedId;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code revlog} table of the active profile, through JPA ({@link Revlog}): the reads and writes of review history
 * that are not a card's scheduling (those stay with {@link Reviews}).
 */
@ApplicationScoped
public class RevlogStore {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    CardStore cards;

    /** The ids of every review-log row. */
    public List<Long> ids() {
        return tx.em()
                .createQuery("select r.id from Revlog r where r.profileId = :profile", Long.class)
                .setParameter("profile", profile.id())
                .getResultList();
    }

    /** The number of rows with an id (a unix ms time) above {@code sinceMillis}. */
    public long countSince(long sinceMillis) {
        return tx.em()
                .createQuery("select count(r) from Revlog r where r.profileId = :profile and r.id > :since", Long.class)
                .setParameter("profile", profile.id())
                .setParameter("since", sinceMillis)
                .getSingleResult();
    }

    /** The rows of these cards (at most a chunk of ids), oldest first. */
    public List<Revlog> ofCards(List<Long> cardIds) {
        return tx.em()
                .createQuery(
                        "select r from Revlog r where r.profileId = :p and r.cid in :c order by r.id", Revlog.class)
                .setParameter("p", profile.id())
                .setParameter("c", cardIds)
                .getResultList();
    }

    /** Adds a row; its profile is the active one. */
    public void add(Revlog row) {
        tx.em().persist(row.profileId(profile.id()));
    }

    /** The rows of one card, oldest first. */
    public List<Revlog> ofCard(long cardId) {
        return tx.em()
                .createNamedQuery("Revlog.byCard", Revlog.class)
                .setParameter("profile", profile.id())
                .setParameter("cid", cardId)
                .getResultList();
    }

    /** The rows of the cards now in a deck with an id above {@code startId}, oldest first. */
    public List<Revlog> ofDeckAfter(long deckId, long startId) {
        List<Revlog> out = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(cards.idsInDeck(deckId))) {
            out.addAll(tx.em()
                    .createQuery(
                            "select r from Revlog r where r.profileId = :p and r.cid in :c and r.id > :start",
                            Revlog.class)
                    .setParameter("p", profile.id())
                    .setParameter("c", chunk)
                    .setParameter("start", startId)
                    .getResultList());
        }
        out.sort(java.util.Comparator.comparingLong(Revlog::id));
        return out;
    }

    /** The newest row id among the cards now in a deck, 0 if none. */
    public long latestOfDeck(long deckId) {
        long max = 0;
        for (List<Long> chunk : Chunks.of(cards.idsInDeck(deckId))) {
            Long m = tx.em()
                    .createQuery("select max(r.id) from Revlog r where r.profileId = :p and r.cid in :c", Long.class)
                    .setParameter("p", profile.id())
                    .setParameter("c", chunk)
                    .getSingleResult();
            if (m != null && m > max) {
                max = m;
            }
        }
        return max;
    }

    /** True when a row has this id. */
    public boolean exists(long id) {
        return tx.em().find(Revlog.class, new ProfileScopedId(profile.id(), id)) != null;
    }

    /** Removes one row (guiUndo takes back the answer that added it); false when there is none. */
    public boolean delete(long id) {
        Revlog row = tx.em().find(Revlog.class, new ProfileScopedId(profile.id(), id));
        if (row == null) {
            return false;
        }
        tx.em().remove(row);
        return true;
    }

    /** How many reviews there were and the time they took (ms). */
    public record Reviewed(long count, long timeMillis) {}

    /**
     * The reviews with an id above {@code sinceMillis} of the cards now in these decks (all existing cards when empty):
     * the period's rows first, then their cards' decks, so the cost follows the reviews, not the collection.
     */
    public Reviewed reviewedSince(long sinceMillis, List<Long> deckIds) {
        List<Revlog> rows = tx.em()
                .createQuery("select r from Revlog r where r.profileId = :p and r.id > :since", Revlog.class)
                .setParameter("p", profile.id())
                .setParameter("since", sinceMillis)
                .getResultList();
        java.util.Set<Long> cids = new java.util.HashSet<>();
        rows.forEach(r -> cids.add(r.cid()));
        Map<Long, Long> deckOf = cards.decksOf(cids);
        java.util.Set<Long> decks = new java.util.HashSet<>(deckIds);
        long count = 0;
        long time = 0;
        for (Revlog r : rows) {
            Long did = deckOf.get(r.cid());
            if (did != null && (decks.isEmpty() || decks.contains(did))) {
                count++;
                time += r.time();
            }
        }
        return new Reviewed(count, time);
    }

    /** One review log row, as getReviewsOfCards shows it. */
    public record LogRow(long id, int usn, int ease, long ivl, long lastIvl, int factor, long time, int type) {}

    /**
     * The review logs of many cards at once, oldest first per card: a few chunked IN queries on the
     * {@code (profile_id, cid)} index instead of one query per card. Cards without reviews are absent.
     */
    public Map<Long, List<LogRow>> logs(java.util.Collection<Long> cardIds) {
        Map<Long, List<LogRow>> out = new java.util.HashMap<>();
        dev.ankiconnect.db.Sql.selectIn(
                dev.ankiconnect.db.Sql.connection(tx),
                profile.id(),
                "SELECT cid, id, usn, ease, ivl, last_ivl, factor, taken, rtype FROM revlog"
                        + dev.ankiconnect.db.Sql.index("IX_REVLOG_CID"),
                "cid",
                cardIds,
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new LogRow(
                                rs.getLong(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getInt(7),
                                rs.getLong(8),
                                rs.getInt(9))));
        for (List<LogRow> rows : out.values()) {
            rows.sort(java.util.Comparator.comparingLong(LogRow::id));
        }
        return out;
    }
}
