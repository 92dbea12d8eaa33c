package dev.ankiconnect.card;

import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Batched JDBC access to the cards of the active profile. */
@ApplicationScoped
public class CardStore {

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
        long stamp = Sql.stamp(Sql.connection(tx), p);
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
        try {
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
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
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
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement("UPDATE cards SET did = ?, mtime = ?, usn = ?, "
                        + "ctype = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ?, remaining = ?, odue = ?, "
                        + "odid = ?, flags = ?, data = ? WHERE profile_id = ? AND id = ?")) {
            ps.setLong(1, c.did);
            ps.setLong(2, c.mtime);
            ps.setInt(3, c.usn);
            ps.setInt(4, c.type);
            ps.setInt(5, c.queue);
            ps.setLong(6, c.due);
            ps.setInt(7, c.ivl);
            ps.setInt(8, c.factor);
            ps.setInt(9, c.reps);
            ps.setInt(10, c.lapses);
            ps.setInt(11, c.left);
            ps.setLong(12, c.odue);
            ps.setLong(13, c.odid);
            ps.setInt(14, c.flags);
            ps.setString(15, c.data == null ? "" : c.data);
            ps.setLong(16, profile.id());
            ps.setLong(17, c.id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Deletes the cards of these notes. */
    public void deleteByNotes(Collection<Long> nids) {
        Sql.deleteIn(tx, profile.id(), "cards", "nid", nids);
    }

    /** Card ids of these notes, grouped by note, each list in ordinal order. */
    public Map<Long, List<Long>> idsByNotes(Collection<Long> nids) {
        // Sorted here rather than with ORDER BY: Derby would pass every row through its sorter.
        Map<Long, List<long[]>> found = new HashMap<>(nids.size() * 2);
        try {
            Sql.selectIn(
                    Sql.connection(tx),
                    profile.id(),
                    "SELECT nid, id, ord FROM cards" + Sql.index("IX_CARDS_NID_ONLY"),
                    "nid",
                    nids,
                    rs -> found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2))
                            .add(new long[] {rs.getInt(3), rs.getLong(2)}));
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
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
}
