package dev.ankiconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.PythonJsonWriter;
import dev.ankiconnect.db.Database;
import dev.ankiconnect.db.Work;
import dev.ankiconnect.deck.DeckJson;
import dev.ankiconnect.notetype.StockNoteTypes;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin check PROFILE} against a real (embedded Derby) database whose collection was broken on purpose. */
class AdminCheckTest {

    @TempDir
    Path dir;

    private AdminRun admin(Path config, String... args) {
        return AdminRun.of(config, args);
    }

    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T db(Path config, Sql<T> work) throws Exception {
        try (Database db = Database.open(Admin.loadConfig(config.toString()))) {
            return Work.own(db.emf()).write(em -> {
                try {
                    return work.run(em.unwrap(Connection.class));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void checkRepairsTheNamedProfileAndPrintsTheSummary() throws Exception {
        Path config = dir.resolve("ankiconnect.properties");
        Files.writeString(config, "dataDir=" + dir.resolve("data").toString().replace("\\", "/") + "\n");
        long now = System.currentTimeMillis() / 1000;
        db(config, c -> {
            exec(
                    c,
                    "INSERT INTO profiles (id, name, crt, created_ms, mtime, scm, gen) VALUES (7, 'Checked', ?, ?, ?, ?, 0)",
                    now - 86400 * 3,
                    now * 1000,
                    now * 1000,
                    now * 1000);
            exec(
                    c,
                    "INSERT INTO decks (profile_id, id, name, name_key, kind, conf_id, mtime, usn, data) "
                            + "VALUES (7, 1, 'Default', 'default', 0, 1, ?, 0, ?)",
                    now,
                    PythonJsonWriter.write(DeckJson.normalDeck(1, "Default", now)));
            exec(
                    c,
                    "INSERT INTO deck_configs (profile_id, id, name, mtime, usn, config) VALUES (7, 1, 'Default', ?, 0, ?)",
                    now,
                    PythonJsonWriter.write(DeckJson.defaultPreset(1, now)));
            AtomicLong ids = new AtomicLong(100);
            JsonObject basic = StockNoteTypes.create(ids::getAndIncrement, now).get(0);
            exec(
                    c,
                    "INSERT INTO notetypes (profile_id, id, name, name_key, kind, mtime, usn, config) "
                            + "VALUES (7, 100, 'Basic', 'basic', 0, ?, 0, ?)",
                    now,
                    PythonJsonWriter.write(basic));
            // three fields for a two-field note type, no cards, a picture that is not there
            exec(
                    c,
                    "INSERT INTO notes (profile_id, id, guid, mid, mtime, usn, tags, flds, sfld, csum, flags, data) "
                            + "VALUES (7, 10, 'g', 100, ?, 0, ' t1 ', ?, 'x', 0, 0, '')",
                    now,
                    "x\u001fy <img src=\"pic.png\">\u001fz");
            // a card of a note that is gone
            exec(
                    c,
                    "INSERT INTO cards (profile_id, id, nid, did, ord, mtime, usn, ctype, queue, due, ivl, factor, reps, "
                            + "lapses, remaining, odue, odid, flags, data) VALUES (7, 20, 999, 1, 0, ?, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                    now);
            exec(
                    c,
                    "INSERT INTO tags (profile_id, tag, tag_key, usn, collapsed) VALUES (7, 'ghost', 'ghost', 0, ?)",
                    false);
            return null;
        });

        AdminRun run = admin(config, "check", "Checked");
        assertEquals(0, run.status(), run.err());
        String first = run.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith("profile Checked: "), run.out());
        for (String part : List.of(
                "cardsMissingNote=1",
                "fieldCountMismatch=1",
                "cardsGenerated=1",
                "tagListChanges=3",
                "missing media files: 1")) {
            assertTrue(first.contains(part), part + " in " + first);
        }
        assertTrue(run.out().contains("\nmissing media file: pic.png\n"), run.out());

        db(config, c -> {
            assertEquals(
                    List.of("x\u001fy <img src=\"pic.png\">; z"),
                    strings(c, "SELECT flds FROM notes WHERE profile_id = 7"));
            assertEquals(List.of(" db-check t1 "), strings(c, "SELECT tags FROM notes WHERE profile_id = 7"));
            assertEquals(List.of("10"), strings(c, "SELECT nid FROM cards WHERE profile_id = 7"));
            assertEquals(
                    List.of("db-check", "t1"),
                    strings(c, "SELECT tag FROM tags WHERE profile_id = 7 ORDER BY tag_key"));
            // a repair counts as a write: running servers re-read their search copies
            assertEquals(List.of("1"), strings(c, "SELECT gen FROM profiles WHERE id = 7"));
            return null;
        });

        AdminRun again = admin(config, "check", "Checked");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().startsWith("profile Checked: no problems fixed; missing media files: 1\n"), again.out());
        db(config, c -> {
            assertEquals(List.of("1"), strings(c, "SELECT gen FROM profiles WHERE id = 7"));
            return null;
        });

        AdminRun unknown = admin(config, "check", "Nobody");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("no profile named 'Nobody'"), unknown.err());
        assertEquals(2, admin(config, "check").status());
        assertEquals(1, admin(config, "check", "Checked", "extra").status());
    }
}
