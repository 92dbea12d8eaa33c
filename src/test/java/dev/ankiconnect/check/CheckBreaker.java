package dev.ankiconnect.check;

import dev.ankiconnect.db.DatabaseHolder;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test-only servlet, added to the WAR of {@link CheckDatabaseIT} alone: breaks the collection of a profile on purpose,
 * with fixed statements chosen by {@code what} (ids as query parameters, numbers only), through the application's
 * own database in a transaction of its own; reads rows back as JSON; and answers what Check Database logged. The
 * test JVM hosts the server, so a second database engine on the same files is not an option.
 */
@WebServlet(urlPatterns = CheckBreaker.PATH)
public class CheckBreaker extends HttpServlet {

    static final String PATH = "/_test/break";

    /** What {@link CollectionCheck} logged since deployment. */
    static final List<String> LOGGED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final Logger CHECK_LOG = Logger.getLogger(CollectionCheck.class.getName());

    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGGED.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    static {
        CHECK_LOG.addHandler(CAPTURE);
    }

    @Inject
    DatabaseHolder database;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder out = Json.createObjectBuilder();
        int status = 200;
        EntityManager em = database.get().emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            long p = profileId(c, request.getParameter("profile"));
            run(c, p, request, out);
            em.getTransaction().commit();
        } catch (Exception e) {
            status = 500;
            out = Json.createObjectBuilder().add("error", String.valueOf(e));
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
        byte[] body = out.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static long number(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null) {
            throw new IllegalArgumentException("query parameter " + name + " is missing");
        }
        return Long.parseLong(v);
    }

    private void run(Connection c, long p, HttpServletRequest r, JsonObjectBuilder out) throws SQLException {
        String what = r.getParameter("what");
        switch (String.valueOf(what)) {
            // ---- breakages, one per repair
            case "deleteNote" -> update(c, "DELETE FROM notes WHERE profile_id = ? AND id = ?", p, number(r, "note"));
            case "deleteCardsOfNote" ->
                update(c, "DELETE FROM cards WHERE profile_id = ? AND nid = ?", p, number(r, "note"));
            case "copyCard" ->
                update(
                        c,
                        "INSERT INTO cards (profile_id, id, nid, did, ord, mtime, usn, ctype, queue, due, "
                                + "ivl, factor, reps, lapses, remaining, odue, odid, flags, data) SELECT profile_id, id + ?, nid, did, ?, "
                                + "mtime, usn, ctype, queue, due, ivl, factor, reps, lapses, remaining, odue, odid, flags, data "
                                + "FROM cards WHERE profile_id = ? AND id = ?",
                        number(r, "offset"),
                        number(r, "ord"),
                        p,
                        number(r, "card"));
            case "fields" -> {
                String flds = switch (r.getParameter("count")) {
                    case "4" -> "a\u001fb\u001fc\u001fd";
                    case "1" -> "a";
                    default -> throw new IllegalArgumentException("count 4 or 1");
                };
                update(
                        c,
                        "UPDATE notes SET flds = '" + flds + "' WHERE profile_id = ? AND id = ?",
                        p,
                        number(r, "note"));
            }
            case "newDue" ->
                update(c, "UPDATE cards SET due = 2000005 WHERE profile_id = ? AND id = ?", p, number(r, "card"));
            case "reviewInNewQueue" ->
                update(
                        c,
                        "UPDATE cards SET ctype = 2, queue = 0, ivl = 5, due = 10, factor = 2500 "
                                + "WHERE profile_id = ? AND id = ?",
                        p,
                        number(r, "card"));
            case "reviewZeroInterval" ->
                update(
                        c,
                        "UPDATE cards SET ctype = 2, queue = 2, ivl = 0, due = 10, factor = 2500 "
                                + "WHERE profile_id = ? AND id = ?",
                        p,
                        number(r, "card"));
            case "reviewFarAway" ->
                update(
                        c,
                        "UPDATE cards SET ctype = 2, queue = 2, ivl = 3, due = 500000, factor = 2500 "
                                + "WHERE profile_id = ? AND id = ?",
                        p,
                        number(r, "card"));
            case "originalDeck" ->
                update(c, "UPDATE cards SET odid = 1, odue = 55 WHERE profile_id = ? AND id = ?", p, number(r, "card"));
            case "missingDeck" ->
                update(c, "UPDATE cards SET did = 987654 WHERE profile_id = ? AND id = ?", p, number(r, "card"));
            case "missingPreset" ->
                update(c, "UPDATE decks SET conf_id = 424242 WHERE profile_id = ? AND id = ?", p, number(r, "deck"));
            case "ghostTag" ->
                update(
                        c,
                        "INSERT INTO tags (profile_id, tag, tag_key, usn, collapsed) VALUES (?, 'Ghost-Tag', "
                                + "'ghost-tag', -1, ?)",
                        p,
                        false);
            case "unregisterTag" -> {
                PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE profile_id = ? AND tag_key = ?");
                ps.setLong(1, p);
                ps.setString(2, r.getParameter("tag").toLowerCase(java.util.Locale.ROOT));
                ps.executeUpdate();
                ps.close();
            }
            // ---- reads
            case "card" -> {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT did, ord, ctype, queue, due, ivl, odue, odid FROM cards "
                                + "WHERE profile_id = ? AND id = ?")) {
                    ps.setLong(1, p);
                    ps.setLong(2, number(r, "card"));
                    try (ResultSet rs = ps.executeQuery()) {
                        boolean found = rs.next();
                        out.add("exists", found);
                        if (found) {
                            out.add("did", rs.getLong(1))
                                    .add("ord", rs.getInt(2))
                                    .add("type", rs.getInt(3))
                                    .add("queue", rs.getInt(4))
                                    .add("due", rs.getLong(5))
                                    .add("ivl", rs.getInt(6))
                                    .add("odue", rs.getLong(7))
                                    .add("odid", rs.getLong(8));
                        }
                    }
                }
            }
            case "cardsOfNote" -> {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT id FROM cards WHERE profile_id = ? AND nid = ? ORDER BY id")) {
                    ps.setLong(1, p);
                    ps.setLong(2, number(r, "note"));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                out.add("cards", ids);
            }
            case "deck" -> {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT name, conf_id, kind FROM decks WHERE profile_id = ? AND id = ?")) {
                    ps.setLong(1, p);
                    ps.setLong(2, number(r, "deck"));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add("exists", true)
                                    .add("name", rs.getString(1))
                                    .add("conf", rs.getLong(2))
                                    .add("kind", rs.getInt(3));
                        } else {
                            out.add("exists", false);
                        }
                    }
                }
            }
            case "tags" -> {
                JsonArrayBuilder tags = Json.createArrayBuilder();
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT tag FROM tags WHERE profile_id = ? ORDER BY tag_key")) {
                    ps.setLong(1, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tags.add(rs.getString(1));
                        }
                    }
                }
                out.add("tags", tags);
            }
            case "log" -> {
                JsonArrayBuilder lines = Json.createArrayBuilder();
                new ArrayList<>(LOGGED).forEach(lines::add);
                out.add("log", lines);
            }
            default -> throw new IllegalArgumentException("unknown breakage or read: " + what);
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            if (ps.executeUpdate() == 0 && !sql.startsWith("INSERT")) {
                throw new IllegalStateException("the breakage changed no row: " + sql);
            }
        }
    }

    private static long profileId(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM profiles WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no profile named " + name);
                }
                return rs.getLong(1);
            }
        }
    }
}
