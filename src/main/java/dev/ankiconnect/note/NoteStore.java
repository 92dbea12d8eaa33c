package dev.ankiconnect.note;

import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.DeckNotes;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.ProfileStore;
import dev.ankiconnect.search.run.FirstFieldKeys;
import dev.ankiconnect.text.FirstFieldKey;
import dev.ankiconnect.text.NoteFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Batched JDBC access to the notes of the active profile. */
@ApplicationScoped
public class NoteStore implements FirstFieldKeys, DeckNotes {

    /** notes.sfld is VARCHAR(8000). */
    static final int SFLD_MAX = 8000;

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    CardStore cards;

    public void insert(List<NoteRow> notes) {
        if (notes.isEmpty()) {
            return;
        }
        long p = profile.id();
        // the change record's stamp, set here rather than by the insert trigger (which skips a stamped row): on Derby
        // the trigger's second write of each row made adding notes several times slower
        long stamp = ProfileStore.stamp(Sql.connection(tx), p);
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement("INSERT INTO notes (profile_id, id, guid, mid, "
                        + "mtime, usn, tags, flds, sfld, csum, flags, data, fkey, stamp)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (NoteRow r : notes) {
                ps.setLong(1, p);
                ps.setLong(2, r.id);
                ps.setString(3, r.guid);
                ps.setLong(4, r.mid);
                ps.setLong(5, r.mtime);
                ps.setInt(6, r.usn);
                ps.setString(7, r.tags);
                ps.setString(8, r.flds());
                ps.setString(9, sfld(r.sfld));
                ps.setLong(10, r.csum);
                ps.setInt(11, r.flags);
                ps.setString(12, r.data == null ? "" : r.data);
                ps.setLong(13, FirstFieldKey.of(r.fields.length == 0 ? "" : r.fields[0]));
                ps.setLong(14, stamp);
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

    static String sfld(String s) {
        return s.length() > SFLD_MAX ? s.substring(0, SFLD_MAX) : s;
    }

    /** Notes by id; missing ids are absent. */
    public Map<Long, NoteRow> byIds(Collection<Long> ids) {
        Map<Long, NoteRow> out = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return out;
        }
        Sql.selectIn(
                Sql.connection(tx),
                profile.id(),
                "SELECT id, guid, mid, mtime, usn, tags, flds, sfld, csum FROM notes" + Sql.index("IX_NOTES_ID"),
                "id",
                ids,
                rs -> {
                    NoteRow r = read(rs);
                    out.put(r.id, r);
                });
        return out;
    }

    static NoteRow read(ResultSet rs) throws SQLException {
        NoteRow r = new NoteRow();
        r.id = rs.getLong(1);
        r.guid = rs.getString(2);
        r.mid = rs.getLong(3);
        r.mtime = rs.getLong(4);
        r.usn = rs.getInt(5);
        r.tags = rs.getString(6);
        r.fields = NoteFields.split(Sql.text(rs, 7));
        r.sfld = rs.getString(8);
        r.csum = rs.getLong(9);
        return r;
    }

    /** Notes by id with flags and data too (package export), in id order; missing ids are absent. */
    public java.util.SortedMap<Long, NoteRow> complete(Collection<Long> ids) {
        java.util.SortedMap<Long, NoteRow> out = new java.util.TreeMap<>();
        Sql.selectIn(
                Sql.connection(tx),
                profile.id(),
                "SELECT id, guid, mid, mtime, usn, tags, flds, sfld, csum, flags, data FROM notes"
                        + Sql.index("IX_NOTES_ID"),
                "id",
                ids,
                rs -> {
                    NoteRow r = read(rs);
                    r.flags = rs.getInt(10);
                    r.data = rs.getString(11);
                    out.put(r.id, r);
                });
        return out;
    }

    /** The notes of one note type. */
    public List<NoteRow> ofType(long mid) {
        return Sql.list(
                Sql.connection(tx),
                "SELECT id, guid, mid, mtime, usn, tags, flds, sfld, csum FROM notes WHERE profile_id = ? AND mid = ?",
                List.of(profile.id(), mid),
                NoteStore::read);
    }

    /** A note's identity as package import matches it: guid, id, note type and modification time. */
    public record Key(String guid, long id, long mid, long mtime) {}

    /** The guid, id, note type and modification time of every note of the profile. */
    public List<Key> keys() {
        return Sql.list(
                Sql.connection(tx),
                "SELECT guid, id, mid, mtime FROM notes WHERE profile_id = ?",
                List.of(profile.id()),
                rs -> new Key(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    public NoteRow byId(long id) {
        return byIds(List.of(id)).get(id);
    }

    /** Writes fields, tags, note type and the derived columns back. */
    public void update(Collection<NoteRow> notes) {
        if (notes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement("UPDATE notes SET mid = ?, mtime = ?, usn = ?, "
                        + "tags = ?, flds = ?, sfld = ?, csum = ?, fkey = ? WHERE profile_id = ? AND id = ?")) {
            for (NoteRow r : notes) {
                ps.setLong(1, r.mid);
                ps.setLong(2, r.mtime);
                ps.setInt(3, r.usn);
                ps.setString(4, r.tags);
                ps.setString(5, r.flds());
                ps.setString(6, sfld(r.sfld));
                ps.setLong(7, r.csum);
                ps.setLong(8, FirstFieldKey.of(r.fields.length == 0 ? "" : r.fields[0]));
                ps.setLong(9, profile.id());
                ps.setLong(10, r.id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Updates only tags and modification time. */
    public void updateTags(Collection<NoteRow> notes) {
        if (notes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement("UPDATE notes SET mtime = ?, usn = ?, tags = ? WHERE profile_id = ? AND id = ?")) {
            for (NoteRow r : notes) {
                ps.setLong(1, r.mtime);
                ps.setInt(2, r.usn);
                ps.setString(3, r.tags);
                ps.setLong(4, profile.id());
                ps.setLong(5, r.id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    public void delete(Collection<Long> ids) {
        Sql.deleteIn(tx, profile.id(), "notes", "id", ids);
    }

    /** The ids of the notes of one note type. */
    public List<Long> idsOfType(long mid) {
        return Sql.longs(
                Sql.connection(tx),
                "SELECT id FROM notes WHERE profile_id = ? AND mid = ?",
                List.of(profile.id(), mid));
    }

    @Override
    public void deleteWithoutCards(Collection<Long> nids) {
        Map<Long, List<Long>> withCards = cards.idsByNotes(nids);
        List<Long> orphans = new ArrayList<>();
        for (Long nid : new java.util.LinkedHashSet<>(nids)) {
            if (!withCards.containsKey(nid)) {
                orphans.add(nid);
            }
        }
        delete(orphans);
    }

    /** Ids (ascending) of every note, or of those whose tags contain the lower-cased text. */
    public List<Long> idsWithTagText(String lowerText) {
        String pattern =
                "%" + lowerText.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Sql.longs(
                Sql.connection(tx),
                "SELECT id FROM notes WHERE profile_id = ? AND LOWER(tags) LIKE ? ESCAPE '\\' ORDER BY id",
                List.of(profile.id(), pattern));
    }

    /** Note type ids that have at least one note. */
    public Set<Long> usedNoteTypes() {
        return new HashSet<>(Sql.longs(
                Sql.connection(tx), "SELECT DISTINCT mid FROM notes WHERE profile_id = ?", List.of(profile.id())));
    }

    /** Note ids whose first field has this key (after filling in keys that are missing). */
    @Override
    public List<Long> idsWithFirstFieldKey(long key) {
        Connection c = Sql.connection(tx);
        fillMissingKeys(c);
        return Sql.longs(
                c,
                "SELECT id FROM notes" + Sql.index("IX_NOTES_FKEY") + "WHERE profile_id = ? AND fkey = ? ORDER BY id",
                List.of(profile.id(), key));
    }

    /** Notes written by code that does not know fkey (raw SQL imports) get it here. */
    private void fillMissingKeys(Connection c) {
        Map<Long, Long> keys = new HashMap<>();
        Sql.each(
                c,
                "SELECT id, flds FROM notes" + Sql.index("IX_NOTES_FKEY") + "WHERE profile_id = ? AND fkey IS NULL",
                List.of(profile.id()),
                rs -> keys.put(rs.getLong(1), FirstFieldKey.ofFlds(Sql.text(rs, 2))));
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET fkey = ? WHERE profile_id = ? AND id = ?")) {
            for (Map.Entry<Long, Long> e : keys.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setLong(2, profile.id());
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Hands {@code each} the tag list of every note of profile {@code profileId} that has tags (TagRegistry). */
    static void tagLists(Connection c, long profileId, Consumer<String> each) {
        Sql.each(
                c,
                "SELECT tags FROM notes WHERE profile_id = ? AND tags <> ''",
                List.of(profileId),
                rs -> each.accept(rs.getString(1)));
    }

    // ---- the duplicate check (DuplicateIndex): on the caller's connection ----

    /** A note found by its first field's checksum: id, note type, checksum and the stored fields. */
    public record ChecksumMatch(long id, long mid, long csum, String fields) {}

    /** Hands {@code each} the notes of profile {@code profileId} whose first-field checksum is one of {@code csums}. */
    public static void byChecksums(Connection c, long profileId, Collection<Long> csums, Consumer<ChecksumMatch> each) {
        Sql.selectIn(
                c,
                profileId,
                "SELECT id, mid, csum, flds FROM notes" + Sql.index("IX_NOTES_CSUM_ONLY"),
                "csum",
                csums,
                rs -> each.accept(new ChecksumMatch(rs.getLong(1), rs.getLong(2), rs.getLong(3), Sql.text(rs, 4))));
    }

    // ---- Check Database (check.CollectionCheck): on the caller's connection, also without CDI (admin.sh) ----

    /**
     * Hands every note of profile {@code profileId} to {@code each}, streamed in one pass: the columns Check Database
     * reads (id, mid, tags, fields, sfld, csum; a missing tags, flds or sfld text reads as empty).
     */
    public static void scanForCheck(Connection c, long profileId, Consumer<NoteRow> each) {
        Sql.each(
                c,
                "SELECT id, mid, tags, flds, sfld, csum FROM notes WHERE profile_id = ?",
                List.of(profileId),
                rs -> each.accept(readForCheck(rs)));
    }

    /** The current row, selected as in {@link #scanForCheck}. */
    private static NoteRow readForCheck(ResultSet rs) throws SQLException {
        NoteRow n = new NoteRow();
        n.id = rs.getLong(1);
        n.mid = rs.getLong(2);
        n.tags = Sql.text(rs, 3);
        n.fields = NoteFields.split(Sql.text(rs, 4));
        n.sfld = Sql.text(rs, 5);
        n.csum = rs.getLong(6);
        return n;
    }

    /**
     * Writes back what Check Database repairs of these notes (tags, fields, sfld, csum and the first-field key), with
     * {@code usn} -1 and the modification time kept, as in Anki's check; in JDBC batches.
     */
    public static void repairForCheck(Connection c, long profileId, List<NoteRow> notes) {
        if (notes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET tags = ?, flds = ?, sfld = ?, csum = ?, "
                + "fkey = ?, usn = -1 WHERE profile_id = ? AND id = ?")) {
            Sql.batch(ps, notes.size(), i -> {
                NoteRow n = notes.get(i);
                ps.setString(1, n.tags);
                ps.setString(2, n.flds());
                ps.setString(3, sfld(n.sfld));
                ps.setLong(4, n.csum);
                ps.setLong(5, FirstFieldKey.of(n.fields.length == 0 ? "" : n.fields[0]));
                ps.setLong(6, profileId);
                ps.setLong(7, n.id);
            });
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }
}
