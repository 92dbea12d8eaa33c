package dev.ankiconnect.apkg;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import org.sqlite.Collation;

/** Reads an Anki collection SQLite file (schema 11 or 18) into the model, and writes schema-11 files. */
final class CollectionDatabase {

    private CollectionDatabase() {}

    static Connection open(Path file, boolean readOnly) throws SQLException {
        loadNativeLibrary();
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        // The driver itself, not DriverManager: DriverManager only offers drivers visible to the
        // class loader that registered them, which in a servlet container (or a JVM that also
        // hosts a web application) need not be this one, and then fails with "No suitable driver".
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Connection c = new org.sqlite.JDBC().connect(url, props);
        if (c == null) {
            throw new SQLException("the SQLite driver refused " + url);
        }
        // schema 18 declares name/tag columns "collate unicase"; SQLite refuses statements touching
        // them unless a collation of that name exists
        Collation.create(c, "unicase", new Collation() {
            @Override
            protected int xCompare(String a, String b) {
                return a.compareToIgnoreCase(b);
            }
        });
        return c;
    }

    private static volatile boolean nativeLoaded;

    /**
     * Loads SQLite's native library with no context class loader. While loading it the driver runs a process
     * ({@code uname}); the JDK then starts its JVM-wide "process reaper" thread, which takes the current
     * thread's context class loader and keeps it as long as it lives: in a servlet container, the web
     * application's class loader, held after the application is undeployed. The driver finds the library
     * through its own class loader, not the context one.
     */
    private static void loadNativeLibrary() throws SQLException {
        if (nativeLoaded) {
            return;
        }
        Thread me = Thread.currentThread();
        ClassLoader context = me.getContextClassLoader();
        me.setContextClassLoader(null);
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            nativeLoaded = true;
        } catch (Exception e) {
            throw new SQLException("cannot load SQLite's native library: " + e.getMessage(), e);
        } finally {
            me.setContextClassLoader(context);
        }
    }

    /** Reads everything but media into {@code pkg}'s collection info, JSON maps and row lists. */
    static AnkiPackage read(Connection db) throws SQLException {
        AnkiPackage pkg;
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery("select crt, mod, scm, ver, conf, models, decks, dconf, tags from col")) {
            if (!rs.next()) {
                throw new SQLException("the col table is empty");
            }
            int ver = rs.getInt(4);
            boolean schema18 = ver >= 18;
            JsonObject conf = schema18 ? Schema18Converter.config(db) : JsonSupport.parseObject(rs.getString(5));
            pkg = new AnkiPackage(new CollectionInfo(rs.getLong(1), rs.getLong(2), rs.getLong(3), ver, conf));
            if (schema18) {
                pkg.notetypes().putAll(Schema18Converter.notetypes(db));
                pkg.decks().putAll(Schema18Converter.decks(db));
                pkg.deckConfigs().putAll(Schema18Converter.deckConfigs(db));
                pkg.tags().putAll(Schema18Converter.tags(db));
            } else {
                putById(JsonSupport.parseObject(rs.getString(6)), pkg.notetypes());
                putById(JsonSupport.parseObject(rs.getString(7)), pkg.decks());
                putById(JsonSupport.parseObject(rs.getString(8)), pkg.deckConfigs());
                JsonSupport.parseObject(rs.getString(9))
                        .forEach((tag, usn) ->
                                pkg.tags().put(tag, usn instanceof jakarta.json.JsonNumber n ? n.intValue() : 0));
            }
        }
        readNotes(db, pkg);
        readCards(db, pkg);
        readRevlog(db, pkg);
        readGraves(db, pkg);
        return pkg;
    }

    private static void putById(JsonObject byId, Map<Long, JsonObject> target) {
        for (Map.Entry<String, JsonValue> e : byId.entrySet()) {
            target.put(Long.parseLong(e.getKey()), e.getValue().asJsonObject());
        }
    }

    private static void readNotes(Connection db, AnkiPackage pkg) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "select id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes order by id")) {
            while (rs.next()) {
                // sfld has integer affinity, so numeric sort fields come back as numbers; getString renders them
                pkg.notes()
                        .add(new ApkgNote(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getInt(5),
                                rs.getString(6),
                                rs.getString(7),
                                nz(rs.getString(8)),
                                rs.getLong(9),
                                rs.getInt(10),
                                nz(rs.getString(11))));
            }
        }
    }

    private static void readCards(Connection db, AnkiPackage pkg) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery("select id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps,"
                                + " lapses, left, odue, odid, flags, data from cards order by id")) {
            while (rs.next()) {
                pkg.cards()
                        .add(new ApkgCard(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getInt(4),
                                rs.getLong(5),
                                rs.getInt(6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getLong(9),
                                rs.getInt(10),
                                rs.getInt(11),
                                rs.getInt(12),
                                rs.getInt(13),
                                rs.getInt(14),
                                rs.getLong(15),
                                rs.getLong(16),
                                rs.getInt(17),
                                nz(rs.getString(18))));
            }
        }
    }

    private static void readRevlog(Connection db, AnkiPackage pkg) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "select id, cid, usn, ease, ivl, lastIvl, factor, time, type from revlog order by id")) {
            while (rs.next()) {
                pkg.revlog()
                        .add(new ApkgRevlogEntry(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getInt(9)));
            }
        }
    }

    private static void readGraves(Connection db, AnkiPackage pkg) throws SQLException {
        // named columns: schema 11 orders them (usn, oid, type), schema 18 (oid, type, usn)
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select oid, type, usn from graves order by oid, type")) {
            while (rs.next()) {
                pkg.graves().add(new Grave(rs.getLong(1), rs.getInt(2), rs.getInt(3)));
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- writing schema 11 --------------------------------------------------------------------

    private static final String[] SCHEMA_11 = {
        "create table col (id integer primary key, crt integer not null, mod integer not null,"
                + " scm integer not null, ver integer not null, dty integer not null, usn integer not null,"
                + " ls integer not null, conf text not null, models text not null, decks text not null,"
                + " dconf text not null, tags text not null)",
        "create table notes (id integer primary key, guid text not null, mid integer not null,"
                + " mod integer not null, usn integer not null, tags text not null, flds text not null,"
                + " sfld integer not null, csum integer not null, flags integer not null, data text not null)",
        "create table cards (id integer primary key, nid integer not null, did integer not null,"
                + " ord integer not null, mod integer not null, usn integer not null, type integer not null,"
                + " queue integer not null, due integer not null, ivl integer not null, factor integer not null,"
                + " reps integer not null, lapses integer not null, left integer not null, odue integer not null,"
                + " odid integer not null, flags integer not null, data text not null)",
        "create table revlog (id integer primary key, cid integer not null, usn integer not null,"
                + " ease integer not null, ivl integer not null, lastIvl integer not null,"
                + " factor integer not null, time integer not null, type integer not null)",
        "create table graves (usn integer not null, oid integer not null, type integer not null)",
        "create index ix_notes_usn on notes (usn)",
        "create index ix_cards_usn on cards (usn)",
        "create index ix_revlog_usn on revlog (usn)",
        "create index ix_cards_nid on cards (nid)",
        "create index ix_cards_sched on cards (did, queue, due)",
        "create index ix_revlog_cid on revlog (cid)",
        "create index ix_notes_csum on notes (csum)",
    };

    /** Creates a fresh schema-11 collection in {@code file} holding the given content. */
    static void writeSchema11(
            Path file,
            CollectionInfo info,
            Map<Long, JsonObject> notetypes,
            Map<Long, JsonObject> decks,
            Map<Long, JsonObject> deckConfigs,
            Map<String, Integer> tags,
            Collection<ApkgNote> notes,
            Collection<ApkgCard> cards,
            Collection<ApkgRevlogEntry> revlog,
            Collection<Grave> graves)
            throws SQLException {
        try (Connection db = open(file, false)) {
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                for (String ddl : SCHEMA_11) {
                    st.execute(ddl);
                }
            }
            try (PreparedStatement ps =
                    db.prepareStatement("insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, info.crt());
                ps.setLong(2, info.mod());
                ps.setLong(3, info.scm());
                ps.setString(4, JsonSupport.write(info.conf()));
                ps.setString(5, JsonSupport.write(byId(notetypes)));
                ps.setString(6, JsonSupport.write(byId(decks)));
                ps.setString(7, JsonSupport.write(byId(deckConfigs)));
                JsonObjectBuilder t = JsonSupport.PROVIDER.createObjectBuilder();
                tags.forEach(t::add);
                ps.setString(8, JsonSupport.write(t.build()));
                ps.executeUpdate();
            }
            insertNotes(db, notes);
            insertCards(db, cards);
            insertRevlog(db, revlog);
            insertGraves(db, graves);
            db.commit();
        }
    }

    /** Creates a schema-18 collection: written as schema 11, then moved into the schema-18 tables. */
    static void writeSchema18(
            Path file,
            CollectionInfo info,
            Map<Long, JsonObject> notetypes,
            Map<Long, JsonObject> decks,
            Map<Long, JsonObject> deckConfigs,
            Map<String, Integer> tags,
            Collection<ApkgNote> notes,
            Collection<ApkgCard> cards,
            Collection<ApkgRevlogEntry> revlog,
            Collection<Grave> graves)
            throws SQLException {
        writeSchema11(file, info, notetypes, decks, deckConfigs, tags, notes, cards, revlog, graves);
        try (Connection db = open(file, false)) {
            db.setAutoCommit(false);
            Schema18Writer.upgrade(db, info, notetypes, decks, deckConfigs, tags);
            db.commit();
        }
    }

    private static JsonObject byId(Map<Long, JsonObject> map) {
        JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
        map.forEach((id, obj) -> b.add(Long.toString(id), obj));
        return b.build();
    }

    private static void insertNotes(Connection db, Collection<ApkgNote> notes) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ApkgNote n : notes) {
                ps.setLong(1, n.id());
                ps.setString(2, n.guid());
                ps.setLong(3, n.mid());
                ps.setLong(4, n.mod());
                ps.setInt(5, n.usn());
                ps.setString(6, n.tags());
                ps.setString(7, n.flds());
                ps.setString(8, n.sfld());
                ps.setLong(9, n.csum());
                ps.setInt(10, n.flags());
                ps.setString(11, n.data());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertCards(Connection db, Collection<ApkgCard> cards) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ApkgCard c : cards) {
                ps.setLong(1, c.id());
                ps.setLong(2, c.nid());
                ps.setLong(3, c.did());
                ps.setInt(4, c.ord());
                ps.setLong(5, c.mod());
                ps.setInt(6, c.usn());
                ps.setInt(7, c.type());
                ps.setInt(8, c.queue());
                ps.setLong(9, c.due());
                ps.setInt(10, c.ivl());
                ps.setInt(11, c.factor());
                ps.setInt(12, c.reps());
                ps.setInt(13, c.lapses());
                ps.setInt(14, c.left());
                ps.setLong(15, c.odue());
                ps.setLong(16, c.odid());
                ps.setInt(17, c.flags());
                ps.setString(18, c.data());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertGraves(Connection db, Collection<Grave> graves) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into graves (usn, oid, type) values (?, ?, ?)")) {
            for (Grave g : graves) {
                ps.setInt(1, g.usn());
                ps.setLong(2, g.oid());
                ps.setInt(3, g.type());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertRevlog(Connection db, Collection<ApkgRevlogEntry> revlog) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into revlog values (?,?,?,?,?,?,?,?,?)")) {
            for (ApkgRevlogEntry r : revlog) {
                ps.setLong(1, r.id());
                ps.setLong(2, r.cid());
                ps.setInt(3, r.usn());
                ps.setInt(4, r.ease());
                ps.setLong(5, r.ivl());
                ps.setLong(6, r.lastIvl());
                ps.setInt(7, r.factor());
                ps.setInt(8, r.time());
                ps.setInt(9, r.type());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
