package dev.ankiconnect.card;

import dev.ankiconnect.db.Chunks;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.DeckCards;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.ProfileStore;
import dev.ankiconnect.scheduler.CardQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one store of the {@code cards} table: every read and write of the active profile's cards, in batched JDBC
 * (see package-info for why). Writes set {@code mtime} and {@code usn} as the caller decides (Anki's -1 for a local
 * change); inserts set the change record's stamp themselves, updates and deletes leave it to the triggers.
 */
@ApplicationScoped
public class CardStore implements DeckCards {

    static final String COLUMNS = "id, nid, did, ord, mtime, usn, ctype, queue, due, ivl, factor, reps, lapses, "
            + "remaining, odue, odid, flags, data";

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    public void insert(List<CardRow> cards) {
        if (cards.isEmpty()) {
            return;
        }
        long p = profile.id();
        // the change record's stamp, set here rather than by the insert trigger (see NoteStore.insert)
        long stamp = ProfileStore.stamp(Sql.connection(tx), p);
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement(
                        "INSERT INTO cards (profile_id, " + COLUMNS + ", stamp) VALUES (" + Sql.marks(20) + ")")) {
            int n = 0;
            for (CardRow c : cards) {
                ps.setLong(1, p);
                ps.setLong(2, c.id);
                ps.setLong(3, c.nid);
                ps.setLong(4, c.did);
                ps.setInt(5, c.ord);
                ps.setLong(6, c.mtime);
                ps.setInt(7, c.usn);
                ps.setInt(8, c.type);
                ps.setInt(9, c.queue);
                ps.setLong(10, c.due);
                ps.setInt(11, c.ivl);
                ps.setInt(12, c.factor);
                ps.setInt(13, c.reps);
                ps.setInt(14, c.lapses);
                ps.setInt(15, c.left);
                ps.setLong(16, c.odue);
                ps.setLong(17, c.odid);
                ps.setInt(18, c.flags);
                ps.setString(19, c.data == null ? "" : c.data);
                ps.setLong(20, stamp);
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Cards by id (missing ids are absent from the map). */
    public Map<Long, CardRow> byIds(Collection<Long> ids) {
        Map<Long, CardRow> out = new HashMap<>(ids.size() * 2);
        select("id", ids, out::put);
        return out;
    }

    /** One card by id. */
    public Optional<CardRow> byId(long id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    /** The cards of one note, in ordinal order. */
    public List<CardRow> byNote(long nid) {
        return byNotes(List.of(nid)).getOrDefault(nid, List.of());
    }

    /** Cards of these notes, grouped by note, each list in ordinal order. */
    public Map<Long, List<CardRow>> byNotes(Collection<Long> nids) {
        Map<Long, List<CardRow>> out = new HashMap<>(nids.size() * 2);
        select(
                "nid",
                nids,
                (id, c) -> out.computeIfAbsent(c.nid, k -> new ArrayList<>()).add(c));
        for (List<CardRow> l : out.values()) {
            l.sort((a, b) -> Integer.compare(a.ord, b.ord));
        }
        return out;
    }

    private interface Sink {
        void accept(long id, CardRow c);
    }

    private void select(String column, Collection<Long> keys, Sink sink) {
        if (keys.isEmpty()) {
            return;
        }
        Sql.selectIn(
                Sql.connection(tx),
                profile.id(),
                "SELECT " + COLUMNS + " FROM cards"
                        + Sql.index(column.equals("id") ? "IX_CARDS_ID" : "IX_CARDS_NID_ONLY"),
                column,
                keys,
                rs -> {
                    CardRow c = read(rs);
                    sink.accept(c.id, c);
                });
    }

    static CardRow read(ResultSet rs) throws SQLException {
        CardRow c = new CardRow();
        c.id = rs.getLong(1);
        c.nid = rs.getLong(2);
        c.did = rs.getLong(3);
        c.ord = rs.getInt(4);
        c.mtime = rs.getLong(5);
        c.usn = rs.getInt(6);
        c.type = rs.getInt(7);
        c.queue = rs.getInt(8);
        c.due = rs.getLong(9);
        c.ivl = rs.getInt(10);
        c.factor = rs.getInt(11);
        c.reps = rs.getInt(12);
        c.lapses = rs.getInt(13);
        c.left = rs.getInt(14);
        c.odue = rs.getLong(15);
        c.odid = rs.getLong(16);
        c.flags = rs.getInt(17);
        c.data = rs.getString(18);
        return c;
    }

    /** Writes every column of the card back (mtime and usn as set by the caller). */
    public void update(CardRow c) {
        updateAll(List.of(c));
    }

    /** Writes every column but id and nid of these cards back, in one batch (mtime and usn as set by the caller). */
    public void updateAll(Collection<CardRow> cards) {
        if (cards.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement("UPDATE cards SET did = ?, ord = ?, mtime = ?, usn = ?, "
                        + "ctype = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ?, remaining = ?, odue = ?, "
                        + "odid = ?, flags = ?, data = ? WHERE profile_id = ? AND id = ?")) {
            long p = profile.id();
            int n = 0;
            for (CardRow c : cards) {
                ps.setLong(1, c.did);
                ps.setInt(2, c.ord);
                ps.setLong(3, c.mtime);
                ps.setInt(4, c.usn);
                ps.setInt(5, c.type);
                ps.setInt(6, c.queue);
                ps.setLong(7, c.due);
                ps.setInt(8, c.ivl);
                ps.setInt(9, c.factor);
                ps.setInt(10, c.reps);
                ps.setInt(11, c.lapses);
                ps.setInt(12, c.left);
                ps.setLong(13, c.odue);
                ps.setLong(14, c.odid);
                ps.setInt(15, c.flags);
                ps.setString(16, c.data == null ? "" : c.data);
                ps.setLong(17, p);
                ps.setLong(18, c.id);
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Deletes these cards (the delete trigger writes their graves). */
    public void delete(Collection<Long> ids) {
        Sql.deleteIn(tx, profile.id(), "cards", "id", ids);
    }

    /** Deletes the cards of these notes. */
    public void deleteByNotes(Collection<Long> nids) {
        Sql.deleteIn(tx, profile.id(), "cards", "nid", nids);
    }

    /** Card ids of these notes, grouped by note, each list in ordinal order. */
    public Map<Long, List<Long>> idsByNotes(Collection<Long> nids) {
        // Sorted here rather than with ORDER BY: Derby would pass every row through its sorter.
        Map<Long, List<long[]>> found = new HashMap<>(nids.size() * 2);
        Sql.selectIn(
                Sql.connection(tx),
                profile.id(),
                "SELECT nid, id, ord FROM cards" + Sql.index("IX_CARDS_NID_ONLY"),
                "nid",
                nids,
                rs -> found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                        .add(new long[] {rs.getInt(3), rs.getLong(2)}));
        Map<Long, List<Long>> out = new HashMap<>(found.size() * 2);
        for (Map.Entry<Long, List<long[]>> e : found.entrySet()) {
            List<long[]> cards = e.getValue();
            cards.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            List<Long> ids = new ArrayList<>(cards.size());
            for (long[] c : cards) {
                ids.add(c[1]);
            }
            out.put(e.getKey(), ids);
        }
        return out;
    }

    /** A card's identity as package import matches it: its id, note and ordinal. */
    public record Key(long id, long nid, int ord) {}

    /** The id, note and ordinal of every card of the profile. */
    public List<Key> keys() {
        return Sql.list(
                Sql.connection(tx),
                "SELECT id, nid, ord FROM cards WHERE profile_id = ?",
                List.of(profile.id()),
                rs -> new Key(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
    }

    /** The ids of the cards now in a deck (not those whose home it is). */
    public List<Long> idsInDeck(long did) {
        return Sql.longs(
                Sql.connection(tx),
                "SELECT id FROM cards WHERE profile_id = ? AND did = ?",
                List.of(profile.id(), did));
    }

    /** The cards in these decks or with one of them as home deck, by id. */
    public List<CardRow> inDecks(Collection<Long> dids) {
        if (dids.isEmpty()) {
            return new ArrayList<>();
        }
        List<Long> list = List.copyOf(new java.util.LinkedHashSet<>(dids));
        String in = Sql.marks(list.size());
        return Sql.list(
                Sql.connection(tx),
                "SELECT " + COLUMNS + " FROM cards WHERE profile_id = ? AND (did IN (" + in + ") OR odid IN (" + in
                        + "))",
                Sql.params(profile.id(), list, list),
                CardStore::read);
    }

    @Override
    public Map<Long, Long> decksOf(Collection<Long> cardIds) {
        Map<Long, Long> out = new HashMap<>(cardIds.size() * 2);
        Sql.selectIn(
                Sql.connection(tx),
                profile.id(),
                "SELECT id, did FROM cards" + Sql.index("IX_CARDS_ID"),
                "id",
                cardIds,
                rs -> out.put(rs.getLong(1), rs.getLong(2)));
        return out;
    }

    @Override
    public void moveToDeck(List<Long> cardIds, long did, long nowSecs) {
        try {
            for (List<Long> chunk : Chunks.of(cardIds)) {
                String in = " AND id IN (" + Sql.marks(chunk.size()) + ")";
                try (PreparedStatement ps = Sql.connection(tx).prepareStatement(RETURN_HOME + in)) {
                    ps.setLong(1, nowSecs);
                    ps.setLong(2, profile.id());
                    bindFrom(ps, 3, chunk);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = Sql.connection(tx)
                        .prepareStatement("UPDATE cards SET did = ?, mtime = ?, usn = -1 WHERE profile_id = ?" + in)) {
                    ps.setLong(1, did);
                    ps.setLong(2, nowSecs);
                    ps.setLong(3, profile.id());
                    bindFrom(ps, 4, chunk);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    private static final String RETURN_HOME = "UPDATE cards SET did = odid, due = odue, odid = 0, odue = 0, "
            + "mtime = ?, usn = -1 WHERE profile_id = ? AND odid <> 0";

    private static void bindFrom(PreparedStatement ps, int first, List<Long> values) throws SQLException {
        int i = first;
        for (Long v : values) {
            ps.setLong(i++, v);
        }
    }

    @Override
    public void returnHome(long filteredDid, long nowSecs) {
        try (PreparedStatement ps = Sql.connection(tx).prepareStatement(RETURN_HOME + " AND did = ?")) {
            ps.setLong(1, nowSecs);
            ps.setLong(2, profile.id());
            ps.setLong(3, filteredDid);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    @Override
    public List<Long> deleteInDeck(long did) {
        List<Long> nids = Sql.longs(
                Sql.connection(tx),
                "SELECT DISTINCT nid FROM cards WHERE profile_id = ? AND (did = ? OR odid = ?)",
                List.of(profile.id(), did, did));
        try {
            try (PreparedStatement ps = Sql.connection(tx)
                    .prepareStatement("DELETE FROM cards WHERE profile_id = ? AND (did = ? OR odid = ?)")) {
                ps.setLong(1, profile.id());
                ps.setLong(2, did);
                ps.setLong(3, did);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
        return nids;
    }

    /**
     * The reviewer's candidates ({@code scheduler.StudyQueue}): of the given decks' cards, the first learning card due
     * before {@code learnAheadCutoff}, and of their open decks the first interday learning card and review due by
     * {@code today} and the first new card. At most four rows (per 500 decks), each read through the (profile, did,
     * queue, due) index: the cost is that of the due cards of those decks, never of the collection.
     */
    public List<dev.ankiconnect.scheduler.StudyQueue.Candidate> studyCandidates(
            Collection<Long> decks,
            Collection<Long> reviewDecks,
            Collection<Long> newDecks,
            int today,
            long learnAheadCutoff) {
        List<dev.ankiconnect.scheduler.StudyQueue.Candidate> out = new ArrayList<>();
        firstCandidate(
                out,
                decks,
                "queue IN (" + CardQueue.LEARNING.code() + ", " + CardQueue.PREVIEW.code() + ") AND due < ?",
                learnAheadCutoff,
                "due, id");
        firstCandidate(
                out,
                reviewDecks,
                "queue = " + CardQueue.DAY_LEARNING.code() + " AND due <= ?",
                (long) today,
                "due, id");
        firstCandidate(
                out, reviewDecks, "queue = " + CardQueue.REVIEW.code() + " AND due <= ?", (long) today, "due, id");
        firstCandidate(out, newDecks, "queue = " + CardQueue.NEW.code(), null, "due, ord, id");
        return out;
    }

    private void firstCandidate(
            List<dev.ankiconnect.scheduler.StudyQueue.Candidate> out,
            Collection<Long> decks,
            String condition,
            Long bound,
            String order) {
        // the first of each chunk of decks: the queue takes the first among them
        for (List<Long> list : Chunks.of(new java.util.LinkedHashSet<>(decks))) {
            firstCandidateIn(out, list, condition, bound, order);
        }
    }

    private void firstCandidateIn(
            List<dev.ankiconnect.scheduler.StudyQueue.Candidate> out,
            List<Long> list,
            String condition,
            Long bound,
            String order) {
        List<Object> params = new ArrayList<>(Sql.params(profile.id(), list));
        if (bound != null) {
            params.add(bound);
        }
        Sql.first(
                        Sql.connection(tx),
                        "SELECT id, did, queue, due, ord FROM cards WHERE profile_id = ? AND did IN ("
                                + Sql.marks(list.size()) + ") AND " + condition + " ORDER BY " + order
                                + " FETCH FIRST 1 ROWS ONLY",
                        params,
                        rs -> new dev.ankiconnect.scheduler.StudyQueue.Candidate(
                                rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getInt(5)))
                .ifPresent(out::add);
    }

    @Override
    public List<Counts> countsByDeck(long today, long cutoff) {
        return Sql.list(
                Sql.connection(tx),
                COUNTS + "WHERE profile_id = ? GROUP BY did",
                List.of(today, today, cutoff, cutoff, profile.id()),
                CardStore::readCounts);
    }

    @Override
    public List<Counts> countsInDecks(long today, long cutoff, Collection<Long> dids) {
        List<Counts> out = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(new java.util.LinkedHashSet<>(dids))) {
            List<Object> params = new ArrayList<>(List.of(today, today, cutoff, cutoff, profile.id()));
            params.addAll(chunk);
            out.addAll(Sql.list(
                    Sql.connection(tx),
                    COUNTS + "WHERE profile_id = ? AND did IN (" + Sql.marks(chunk.size()) + ") GROUP BY did",
                    params,
                    CardStore::readCounts));
        }
        return out;
    }

    private static Counts readCounts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
    }

    /** The deck list's counts per deck, to be followed by a WHERE clause and GROUP BY did. */
    private static final String COUNTS = "SELECT did, "
            + "SUM(CASE WHEN queue = " + CardQueue.NEW.code() + " THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN queue = " + CardQueue.REVIEW.code() + " AND due <= ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN queue = " + CardQueue.DAY_LEARNING.code()
            + " AND due <= ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN (queue = " + CardQueue.LEARNING.code() + " AND due < ?) OR (queue = "
            + CardQueue.PREVIEW.code() + " AND due <= ?) THEN 1 ELSE 0 END), "
            + "COUNT(*) FROM cards ";

    /** What the collection report shows of the cards of some decks (all cards when {@code dids} is empty). */
    public record Report(
            Map<Integer, Long> byQueue,
            Number averageInterval,
            Number longestInterval,
            Number averageEase,
            long notes) {}

    /** The collection report's card figures for the cards whose deck is one of {@code dids} (all when empty). */
    public Report report(List<Long> dids) {
        String scope = dids.isEmpty() ? "" : " AND did IN (" + Sql.marks(dids.size()) + ")";
        Map<Integer, Long> byQueue = new java.util.LinkedHashMap<>();
        Number[] intervals = new Number[3];
        long[] notes = new long[1];
        List<Object> params = Sql.params(profile.id(), dids);
        Sql.each(
                Sql.connection(tx),
                "SELECT queue, COUNT(*) FROM cards WHERE profile_id = ?" + scope + " GROUP BY queue",
                params,
                rs -> byQueue.merge(rs.getInt(1), rs.getLong(2), Long::sum));
        Sql.each(
                Sql.connection(tx),
                "SELECT AVG(ivl), MAX(ivl), AVG(factor) FROM cards WHERE profile_id = ? AND ctype = "
                        + dev.ankiconnect.scheduler.CardType.REVIEW.code() + scope,
                params,
                rs -> {
                    intervals[0] = (Number) rs.getObject(1);
                    intervals[1] = (Number) rs.getObject(2);
                    intervals[2] = (Number) rs.getObject(3);
                });
        Sql.each(
                Sql.connection(tx),
                "SELECT COUNT(DISTINCT nid) FROM cards WHERE profile_id = ?" + scope,
                params,
                rs -> notes[0] = rs.getLong(1));
        return new Report(byQueue, intervals[0], intervals[1], intervals[2], notes[0]);
    }
    // ---- the duplicate check (note.DuplicateIndex) and the admin tool: on the caller's connection ----

    /** Hands {@code each} the note id and deck id of every card of these notes of profile {@code profileId}. */
    public static void decksOfNotes(Connection c, long profileId, Collection<Long> nids, NoteDeck each) {
        Sql.selectIn(
                c,
                profileId,
                "SELECT nid, did FROM cards" + Sql.index("IX_CARDS_NID_ONLY"),
                "nid",
                nids,
                rs -> each.accept(rs.getLong(1), rs.getLong(2)));
    }

    /** A card's note id and deck id. */
    @FunctionalInterface
    public interface NoteDeck {
        void accept(long nid, long did);
    }

    /** The largest card id of profile {@code profileId}, 0 when it has no card. */
    public static long maxId(Connection c, long profileId) {
        return Sql.first(c, "SELECT MAX(id) FROM cards WHERE profile_id = ?", List.of(profileId), rs -> rs.getLong(1))
                .orElse(0L);
    }

    // ---- Check Database (check.CollectionCheck): on the caller's connection, also without CDI (admin.sh) ----

    /**
     * Hands every card of profile {@code profileId} to {@code each}, streamed in one pass: the columns Check Database
     * reads (id, nid, did, ord, type, queue, due, ivl, odue, odid; the others are left at their defaults).
     */
    public static void scanForCheck(Connection c, long profileId, Consumer<CardRow> each) {
        Sql.each(
                c,
                "SELECT id, nid, did, ord, ctype, queue, due, ivl, odue, odid FROM cards WHERE profile_id = ?",
                List.of(profileId),
                rs -> each.accept(readForCheck(rs)));
    }

    /** The current row, selected as in {@link #scanForCheck}. */
    private static CardRow readForCheck(ResultSet rs) throws SQLException {
        CardRow card = new CardRow();
        card.id = rs.getLong(1);
        card.nid = rs.getLong(2);
        card.did = rs.getLong(3);
        card.ord = rs.getInt(4);
        card.type = rs.getInt(5);
        card.queue = rs.getInt(6);
        card.due = rs.getLong(7);
        card.ivl = rs.getInt(8);
        card.odue = rs.getLong(9);
        card.odid = rs.getLong(10);
        return card;
    }

    /** Deletes these cards of profile {@code profileId}, in JDBC batches (the delete trigger writes their graves). */
    public static void deleteForCheck(Connection c, long profileId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM cards WHERE profile_id = ? AND id = ?")) {
            Sql.batch(ps, ids.size(), i -> {
                ps.setLong(1, profileId);
                ps.setLong(2, ids.get(i));
            });
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /**
     * Writes back the properties Check Database repairs (ord, queue, due, ivl, odue, odid) of these cards, with
     * {@code mtime} {@code nowSecs} and {@code usn} -1, in JDBC batches.
     */
    public static void repairForCheck(Connection c, long profileId, List<CardRow> cards, long nowSecs) {
        if (cards.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE cards SET ord = ?, queue = ?, due = ?, ivl = ?, "
                + "odue = ?, odid = ?, mtime = ?, usn = -1 WHERE profile_id = ? AND id = ?")) {
            Sql.batch(ps, cards.size(), i -> {
                CardRow x = cards.get(i);
                ps.setInt(1, x.ord);
                ps.setInt(2, x.queue);
                ps.setLong(3, x.due);
                ps.setInt(4, x.ivl);
                ps.setLong(5, x.odue);
                ps.setLong(6, x.odid);
                ps.setLong(7, nowSecs);
                ps.setLong(8, profileId);
                ps.setLong(9, x.id);
            });
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /**
     * Inserts the new cards Check Database generates (id, nid, did, ord, mtime and due from the row; a new card's
     * defaults; {@code usn} -1), in JDBC batches. The stamp is left to the insert trigger.
     */
    public static void insertForCheck(Connection c, long profileId, List<CardRow> cards) {
        if (cards.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO cards (profile_id, id, nid, did, ord, mtime, usn, ctype, "
                        + "queue, due, ivl, factor, reps, lapses, remaining, odue, odid, flags, data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')")) {
            Sql.batch(ps, cards.size(), i -> {
                CardRow x = cards.get(i);
                ps.setLong(1, profileId);
                ps.setLong(2, x.id);
                ps.setLong(3, x.nid);
                ps.setLong(4, x.did);
                ps.setInt(5, x.ord);
                ps.setLong(6, x.mtime);
                ps.setLong(7, x.due);
            });
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }
}
