package dev.ankiconnect.note;

import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.text.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tags table of the active profile (Anki's tag registry), read and written with JDBC. */
@ApplicationScoped
public class TagRegistry {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    /** The registered tags, ready to canonicalise notes' tags against. */
    public TagSet load() {
        return new TagSet(all());
    }

    /** Registers the tags the set added. */
    public void save(TagSet set) {
        if (set.added().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = Sql.connection(tx)
                .prepareStatement(
                        "INSERT INTO tags (profile_id, tag, tag_key, usn, collapsed) VALUES (?, ?, ?, -1, ?)")) {
            for (String t : set.added()) {
                ps.setLong(1, profile.id());
                ps.setString(2, t);
                ps.setString(3, TagSet.key(t));
                ps.setBoolean(4, false);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Registers {@code tag} as spelled unless a tag of the same key (the lower-cased tag) is registered. */
    public void ensure(String tag) {
        Connection c = Sql.connection(tx);
        if (Sql.first(
                        c,
                        "SELECT 1 FROM tags WHERE profile_id = ? AND tag_key = ?",
                        List.of(profile.id(), TagSet.key(tag)),
                        rs -> true)
                .isEmpty()) {
            register(c, profile.id(), List.of(tag));
        }
    }

    /** Every registered tag, in Anki's case-insensitive order. */
    public List<String> all() {
        List<String> out = Sql.list(
                Sql.connection(tx),
                "SELECT tag FROM tags WHERE profile_id = ?",
                List.of(profile.id()),
                rs -> rs.getString(1));
        out.sort(Tags.UNICASE_ORDER);
        return out;
    }

    /** Unregisters tags no note uses (a tag stays while a note uses it or one of its children). */
    public void clearUnused() {
        Connection c = Sql.connection(tx);
        Set<String> used = new HashSet<>();
        NoteStore.tagLists(c, profile.id(), tags -> {
            for (String t : Tags.split(tags)) {
                String k = TagSet.key(t);
                used.add(k);
                int i = k.lastIndexOf("::");
                while (i > 0) {
                    used.add(k.substring(0, i));
                    i = k.lastIndexOf("::", i - 1);
                }
            }
        });
        List<String> unused = new ArrayList<>();
        for (String t : all()) {
            if (!used.contains(TagSet.key(t))) {
                unused.add(TagSet.key(t));
            }
        }
        if (unused.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM tags WHERE profile_id = ? AND tag_key = ?")) {
            for (String k : unused) {
                del.setLong(1, profile.id());
                del.setString(2, k);
                del.addBatch();
            }
            del.executeBatch();
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    // ---- Check Database (check.CollectionCheck): on the caller's connection, also without CDI (admin.sh) ----

    /** Profile {@code profileId}'s registered tags, key to spelling. */
    public static Map<String, String> registered(Connection c, long profileId) {
        Map<String, String> out = new LinkedHashMap<>();
        Sql.each(
                c,
                "SELECT tag_key, tag FROM tags WHERE profile_id = ?",
                List.of(profileId),
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    /** Unregisters the tags of these keys, in JDBC batches. */
    public static void unregister(Connection c, long profileId, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE profile_id = ? AND tag_key = ?")) {
            Sql.batch(ps, keys.size(), i -> {
                ps.setLong(1, profileId);
                ps.setString(2, keys.get(i));
            });
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** Registers these tags (spelled as given, not collapsed, {@code usn} -1), in JDBC batches. */
    public static void register(Connection c, long profileId, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tags (profile_id, tag, tag_key, usn, collapsed) VALUES (?, ?, ?, -1, ?)")) {
            Sql.batch(ps, tags.size(), i -> {
                ps.setLong(1, profileId);
                ps.setString(2, tags.get(i));
                ps.setString(3, TagSet.key(tags.get(i)));
                ps.setBoolean(4, false);
            });
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }
}
