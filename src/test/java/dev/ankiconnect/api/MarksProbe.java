package dev.ankiconnect.api;

import dev.ankiconnect.db.DatabaseHolder;
import dev.ankiconnect.dispatch.ActionRegistry;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test-only servlet, added to the WAR of {@link ActionMarksIT} alone: for one profile (query parameter
 * {@code profile}, by name) it answers its write counter {@code gen}, a digest of every row of every table that
 * holds its data (the profile's own row without {@code gen}), apart from them a digest of its reviewer's window
 * ({@code window}), and which registered actions are marked
 * {@link ReadOnly}. It reads the application's own database through the application's persistence unit, in a
 * transaction of its own that is always rolled back. On PostgreSQL it also answers {@code xid}, a fresh
 * transaction id: the ids two probes take differ by more than one when something in between wrote, even a write
 * that was rolled back (a {@code @ReadOnly} action's).
 *
 * <p>The tables come from the database's metadata, not from a list: a table this probe does not know how to
 * scope makes it answer HTTP 500 naming the table, so a new table cannot escape the test.
 *
 * <p>The application's filter sits in front of every path, so requests need a valid AnkiConnect body (any
 * action name); this servlet ignores the body.
 */
@WebServlet(urlPatterns = MarksProbe.PATH)
public class MarksProbe extends HttpServlet {

    static final String PATH = "/_test/marks";

    /** Tables whose rows carry {@code profile_id}: the collection's data. */
    static final Set<String> PROFILE_SCOPED = Set.of(
            "col_config",
            "decks",
            "deck_configs",
            "notetypes",
            "notes",
            "cards",
            "revlog",
            "tags",
            "media",
            "collection_locks",
            "graves",
            // PostgreSQL: the tag postings, kept by a trigger on notes (db/changes/search-6.xml)
            "note_tags");

    /** Server tables outside any collection: digested whole (a change there is a change too). */
    static final Set<String> SERVER_WIDE = Set.of("users", "api_keys");

    /**
     * The reviewer's window of each profile (gui.GuiStateStore): no collection data, so digested apart, under
     * {@code window} (the profile's row): a window move must change it without moving {@code gen}.
     */
    static final Set<String> WINDOW = Set.of("gui_state", "gui_dialogs");

    /** Liquibase's own bookkeeping. */
    static final Set<String> IGNORED = Set.of("databasechangelog", "databasechangeloglock");

    @Inject
    DatabaseHolder database;

    @Inject
    ActionRegistry registry;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String profile = request.getParameter("profile");
        JsonObjectBuilder out = Json.createObjectBuilder();
        int status = 200;
        try {
            if (profile == null) {
                throw new IllegalArgumentException("query parameter profile is missing");
            }
            state(profile, out);
        } catch (Exception e) {
            status = 500;
            out = Json.createObjectBuilder().add("error", String.valueOf(e));
        }
        byte[] body = out.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void state(String profileName, JsonObjectBuilder out) throws SQLException, IOException {
        JsonObjectBuilder marks = Json.createObjectBuilder();
        for (String name : registry.names()) {
            marks.add(name, registry.find(name).orElseThrow().readOnly());
        }
        out.add("readOnly", marks);
        EntityManager em = database.get().emf().createEntityManager();
        try {
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            long profileId;
            try (PreparedStatement s = c.prepareStatement("SELECT id, gen FROM profiles WHERE name = ?")) {
                s.setString(1, profileName);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no profile named " + profileName);
                    }
                    profileId = rs.getLong(1);
                    out.add("profileId", profileId).add("gen", rs.getLong(2));
                }
            }
            if (c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres")) {
                // Takes the next transaction id of the cluster: one more than the last one any transaction took.
                // A transaction takes one only when it writes or locks a row, even if it is rolled back, so
                // between two probes the ids show whether anything in between wrote at all.
                try (PreparedStatement s = c.prepareStatement("SELECT txid_current()");
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    out.add("xid", rs.getLong(1));
                }
            }
            JsonObjectBuilder tables = Json.createObjectBuilder();
            JsonObjectBuilder window = Json.createObjectBuilder();
            for (Map.Entry<String, String> t : tables(c).entrySet()) {
                String key = t.getKey();
                String quoted = "\"" + t.getValue() + "\"";
                String sql;
                Set<String> skip = Set.of();
                if (IGNORED.contains(key)) {
                    continue;
                } else if (WINDOW.contains(key)) {
                    requireColumn(c, t.getValue(), "profile_id");
                    try (PreparedStatement s =
                            c.prepareStatement("SELECT * FROM " + quoted + " WHERE profile_id = ?")) {
                        s.setLong(1, profileId);
                        try (ResultSet rs = s.executeQuery()) {
                            window.add(key, digest(rs, Set.of()));
                        }
                    }
                    continue;
                } else if (PROFILE_SCOPED.contains(key)) {
                    requireColumn(c, t.getValue(), "profile_id");
                    sql = "SELECT * FROM " + quoted + " WHERE profile_id = ?";
                } else if (key.equals("profiles")) {
                    requireColumn(c, t.getValue(), "gen");
                    sql = "SELECT * FROM " + quoted + " WHERE id = ?";
                    skip = Set.of("gen");
                } else if (SERVER_WIDE.contains(key)) {
                    sql = "SELECT * FROM " + quoted;
                } else {
                    throw new IllegalStateException(
                            "table " + t.getValue() + " is unknown to " + MarksProbe.class.getName()
                                    + ": say how it is scoped (a profile's data, server-wide, or ignored)");
                }
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    if (sql.endsWith("?")) {
                        s.setLong(1, profileId);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        tables.add(key, digest(rs, skip));
                    }
                }
            }
            out.add("tables", tables);
            out.add("window", window);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Every base table of the connection's schema: lower-case name to the name as the database spells it. */
    private static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                out.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (!out.containsKey("notes") || !out.containsKey("profiles")) {
            throw new IllegalStateException("schema " + c.getSchema() + " has no collection tables: " + out.keySet());
        }
        return out;
    }

    private static void requireColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM \"" + table + "\" WHERE 1 = 0");
                ResultSet rs = s.executeQuery()) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                if (m.getColumnName(i).equalsIgnoreCase(column)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("table " + table + " has no column " + column + ": the probe cannot scope it");
    }

    /** Row count and a digest of the rows, independent of their order. */
    private static JsonObjectBuilder digest(ResultSet rs, Set<String> skip) throws SQLException, IOException {
        ResultSetMetaData m = rs.getMetaData();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            MessageDigest row = sha256();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                String column = m.getColumnName(i).toLowerCase(Locale.ROOT);
                if (skip.contains(column)) {
                    continue;
                }
                row.update(column.getBytes(StandardCharsets.UTF_8));
                row.update((byte) 0);
                row.update(value(rs, i));
                row.update((byte) 1);
            }
            rows.add(HexFormat.of().formatHex(row.digest()));
        }
        rows.sort(null);
        MessageDigest all = sha256();
        rows.forEach(r -> all.update(r.getBytes(StandardCharsets.US_ASCII)));
        return Json.createObjectBuilder()
                .add("rows", rows.size())
                .add("digest", HexFormat.of().formatHex(all.digest()));
    }

    private static byte[] value(ResultSet rs, int i) throws SQLException, IOException {
        Object v = rs.getObject(i);
        if (v == null) {
            return new byte[] {(byte) 0xff};
        }
        if (v instanceof byte[] bytes) {
            return bytes;
        }
        if (v instanceof java.sql.Array array) {
            // By its elements: the driver's own text of an array differs once it reads the column in binary
            // (PostgreSQL's JDBC driver switches after a statement's fifth run), with the same values.
            return java.util.Arrays.deepToString((Object[]) array.getArray()).getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof Blob blob) {
            try (InputStream in = blob.getBinaryStream()) {
                return in.readAllBytes();
            }
        }
        if (v instanceof Clob clob) {
            StringBuilder sb = new StringBuilder();
            try (Reader r = clob.getCharacterStream()) {
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) {
                    sb.append(buf, 0, n);
                }
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return v.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
