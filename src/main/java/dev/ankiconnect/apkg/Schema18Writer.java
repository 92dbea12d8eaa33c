package dev.ankiconnect.apkg;

import dev.ankiconnect.text.NativeDeckName;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the schema-18 tables of the Latest (anki21b) layout: the inverse of
 * {@link Schema18Converter}. v11 keys without a protobuf field go into each message's JSON
 * {@code other} field (255), as Anki does, so they survive.
 */
final class Schema18Writer {
    private Schema18Writer() {}

    private static final String[] SCHEMA_18_EXTRA = {
        "create table deck_config (id integer primary key not null, name text not null collate unicase,"
                + " mtime_secs integer not null, usn integer not null, config blob not null)",
        "create table config (KEY text not null primary key, usn integer not null, mtime_secs integer not null,"
                + " val blob not null) without rowid",
        "create table fields (ntid integer not null, ord integer not null, name text not null collate unicase,"
                + " config blob not null, primary key (ntid, ord)) without rowid",
        "create unique index idx_fields_name_ntid on fields (name, ntid)",
        "create table templates (ntid integer not null, ord integer not null, name text not null collate unicase,"
                + " mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord))"
                + " without rowid",
        "create unique index idx_templates_name_ntid on templates (name, ntid)",
        "create index idx_templates_usn on templates (usn)",
        "create table notetypes (id integer not null primary key, name text not null collate unicase,"
                + " mtime_secs integer not null, usn integer not null, config blob not null)",
        "create unique index idx_notetypes_name on notetypes (name)",
        "create index idx_notetypes_usn on notetypes (usn)",
        "create table decks (id integer primary key not null, name text not null collate unicase,"
                + " mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null)",
        "create unique index idx_decks_name on decks (name)",
        "create index idx_notes_mid on notes (mid)",
        "create index idx_cards_odid on cards (odid) where odid != 0",
        "create table tags (tag text not null primary key collate unicase, usn integer not null,"
                + " collapsed boolean not null, config blob null) without rowid",
    };

    /** Turns a freshly written schema-11 file into schema 18: new tables filled, col JSON columns emptied. */
    static void upgrade(
            Connection db,
            CollectionInfo info,
            Map<Long, JsonObject> notetypes,
            Map<Long, JsonObject> decks,
            Map<Long, JsonObject> deckConfigs,
            Map<String, Integer> tags)
            throws SQLException {
        try (Statement st = db.createStatement()) {
            for (String ddl : SCHEMA_18_EXTRA) {
                st.execute(ddl);
            }
            // schema 18 keeps graves keyed by object; replace the v11 table
            st.execute("alter table graves rename to graves_v11");
            st.execute("create table graves (oid integer not null, type integer not null, usn integer not null,"
                    + " primary key (oid, type)) without rowid");
            st.execute("insert or ignore into graves select oid, type, usn from graves_v11");
            st.execute("drop table graves_v11");
            st.execute("create index idx_graves_pending on graves (usn)");
            st.execute("update col set ver = 18, conf = '', models = '', decks = '', dconf = '', tags = ''");
        }
        try (PreparedStatement ps = db.prepareStatement("insert into config values (?, 0, 0, ?)")) {
            for (Map.Entry<String, JsonValue> e : info.conf().entrySet()) {
                ps.setString(1, e.getKey());
                ps.setBytes(2, json(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into tags values (?, ?, 0, null)")) {
            for (Map.Entry<String, Integer> e : tags.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setInt(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // ids come from the map keys: old files sometimes hold the JSON "id" as a string
        for (Map.Entry<Long, JsonObject> nt : notetypes.entrySet()) {
            insertNotetype(db, nt.getKey(), nt.getValue());
        }
        try (PreparedStatement ps = db.prepareStatement("insert into decks values (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, JsonObject> e : decks.entrySet()) {
                JsonObject d = e.getValue();
                ps.setLong(1, e.getKey());
                ps.setString(2, NativeDeckName.of(d.getString("name")));
                ps.setLong(3, num(d, "mod"));
                ps.setLong(4, num(d, "usn"));
                ps.setBytes(5, deckCommon(d));
                ps.setBytes(6, deckKind(d));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into deck_config values (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, JsonObject> e : deckConfigs.entrySet()) {
                JsonObject c = e.getValue();
                ps.setLong(1, e.getKey());
                ps.setString(2, c.getString("name", ""));
                ps.setLong(3, num(c, "mod"));
                ps.setLong(4, num(c, "usn"));
                ps.setBytes(5, DeckConfigProto.toProto(c));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final Set<String> NOTETYPE_KEYS = Set.of(
            "id",
            "name",
            "type",
            "mod",
            "usn",
            "sortf",
            "did",
            "tmpls",
            "flds",
            "css",
            "latexPre",
            "latexPost",
            "latexsvg",
            "req",
            "originalStockKind",
            "originalId");
    private static final Set<String> FIELD_KEYS = Set.of(
            "name",
            "ord",
            "sticky",
            "rtl",
            "font",
            "size",
            "description",
            "plainText",
            "collapsed",
            "excludeFromSearch",
            "id");
    private static final Set<String> TEMPLATE_KEYS =
            Set.of("name", "ord", "qfmt", "afmt", "bqfmt", "bafmt", "did", "bfont", "bsize", "id");
    private static final Set<String> DECK_KEYS = Set.of(
            "id",
            "mod",
            "name",
            "usn",
            "lrnToday",
            "revToday",
            "newToday",
            "timeToday",
            "collapsed",
            "browserCollapsed",
            "desc",
            "md",
            "dyn",
            "conf",
            "extendNew",
            "extendRev",
            "resched",
            "terms",
            "separate",
            "delays",
            "previewDelay");

    private static void insertNotetype(Connection db, long id, JsonObject nt) throws SQLException {
        ProtoWriter cfg = new ProtoWriter()
                .varintIfSet(1, num(nt, "type"))
                .varintIfSet(2, num(nt, "sortf"))
                .stringIfSet(3, nt.getString("css", ""))
                .varintIfSet(4, num(nt, "did"))
                .stringIfSet(5, nt.getString("latexPre", ""))
                .stringIfSet(6, nt.getString("latexPost", ""))
                .bool(7, bool(nt, "latexsvg"));
        for (JsonValue r : array(nt, "req")) {
            JsonArray req = r.asJsonArray();
            int kind = switch (req.getString(1, "none")) {
                case "any" -> 1;
                case "all" -> 2;
                default -> 0;
            };
            List<Long> ords = new ArrayList<>();
            req.getJsonArray(2).forEach(o -> ords.add(((JsonNumber) o).longValue()));
            cfg.message(
                    8,
                    new ProtoWriter()
                            .varintIfSet(1, req.getJsonNumber(0).longValue())
                            .varintIfSet(2, kind)
                            .packedVarints(3, ords));
        }
        cfg.varintIfSet(9, num(nt, "originalStockKind"));
        if (nt.get("originalId") instanceof JsonNumber n) {
            cfg.varint(10, n.longValue());
        }
        other(cfg, nt, NOTETYPE_KEYS);
        try (PreparedStatement ps = db.prepareStatement("insert into notetypes values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, nt.getString("name"));
            ps.setLong(3, num(nt, "mod"));
            ps.setLong(4, num(nt, "usn"));
            ps.setBytes(5, cfg.toByteArray());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into fields values (?, ?, ?, ?)")) {
            JsonArray flds = array(nt, "flds");
            for (int i = 0; i < flds.size(); i++) {
                JsonObject f = flds.getJsonObject(i);
                ProtoWriter fc = new ProtoWriter()
                        .bool(1, bool(f, "sticky"))
                        .bool(2, bool(f, "rtl"))
                        .stringIfSet(3, f.getString("font", ""))
                        .varintIfSet(4, num(f, "size"))
                        .stringIfSet(5, f.getString("description", ""))
                        .bool(6, bool(f, "plainText"))
                        .bool(7, bool(f, "collapsed"))
                        .bool(8, bool(f, "excludeFromSearch"));
                if (f.get("id") instanceof JsonNumber n) {
                    fc.varint(9, (int) n.longValue()); // int32 in the proto; negatives sign-extend
                }
                other(fc, f, FIELD_KEYS);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, f.getString("name"));
                ps.setBytes(4, fc.toByteArray());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into templates values (?, ?, ?, 0, 0, ?)")) {
            JsonArray tmpls = array(nt, "tmpls");
            for (int i = 0; i < tmpls.size(); i++) {
                JsonObject t = tmpls.getJsonObject(i);
                ProtoWriter tc = new ProtoWriter()
                        .stringIfSet(1, t.getString("qfmt", ""))
                        .stringIfSet(2, t.getString("afmt", ""))
                        .stringIfSet(3, t.getString("bqfmt", ""))
                        .stringIfSet(4, t.getString("bafmt", ""))
                        .varintIfSet(5, num(t, "did"))
                        .stringIfSet(6, t.getString("bfont", ""))
                        .varintIfSet(7, num(t, "bsize"));
                if (t.get("id") instanceof JsonNumber n) {
                    tc.varint(8, (int) n.longValue());
                }
                other(tc, t, TEMPLATE_KEYS);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, t.getString("name"));
                ps.setBytes(4, tc.toByteArray());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static byte[] deckCommon(JsonObject d) {
        JsonArray newToday = array(d, "newToday");
        long day = newToday.size() > 0 ? newToday.getJsonNumber(0).longValue() : 0;
        ProtoWriter w = new ProtoWriter()
                .bool(1, bool(d, "collapsed"))
                .bool(2, bool(d, "browserCollapsed"))
                .varintIfSet(3, day)
                .varintIfSet(4, second(d, "newToday"))
                .varintIfSet(5, second(d, "revToday"))
                .varintIfSet(6, second(d, "lrnToday"))
                .varintIfSet(7, second(d, "timeToday"));
        other(w, d, DECK_KEYS);
        return w.toByteArray();
    }

    private static byte[] deckKind(JsonObject d) {
        boolean filtered = num(d, "dyn") == 1 || d.get("dyn") == JsonValue.TRUE;
        if (!filtered) {
            ProtoWriter normal = new ProtoWriter()
                    .varintIfSet(1, num(d, "conf"))
                    .varintIfSet(2, num(d, "extendNew"))
                    .varintIfSet(3, num(d, "extendRev"))
                    .stringIfSet(4, d.getString("desc", ""))
                    .bool(5, bool(d, "md"));
            return new ProtoWriter().message(1, normal).toByteArray();
        }
        ProtoWriter f = new ProtoWriter().bool(1, bool(d, "resched"));
        for (JsonValue t : array(d, "terms")) {
            JsonArray term = t.asJsonArray();
            f.message(
                    2,
                    new ProtoWriter()
                            .stringIfSet(1, term.getString(0, ""))
                            .varintIfSet(2, term.getJsonNumber(1).longValue())
                            .varintIfSet(3, term.getJsonNumber(2).longValue()));
        }
        f.packedFloats(3, floats(d, "delays"));
        f.varintIfSet(4, num(d, "previewDelay"));
        return new ProtoWriter().message(2, f).toByteArray();
    }

    // ---- small JSON helpers shared with DeckConfigProto ----------------------------------------

    static long num(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber n ? n.longValue() : 0;
    }

    static float flt(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber n ? (float) n.doubleValue() : 0f;
    }

    static boolean bool(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        // old files store some booleans as 0/1
        return v == JsonValue.TRUE || (v instanceof JsonNumber n && n.longValue() != 0);
    }

    static JsonArray array(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    static List<Float> floats(JsonObject o, String key) {
        List<Float> out = new ArrayList<>();
        for (JsonValue v : array(o, key)) {
            if (v instanceof JsonNumber n) {
                out.add((float) n.doubleValue());
            }
        }
        return out;
    }

    private static long second(JsonObject d, String key) {
        JsonArray a = array(d, key);
        return a.size() > 1 && a.get(1) instanceof JsonNumber n ? n.longValue() : 0;
    }

    /** Keys that have no protobuf field travel as JSON in field 255. */
    static void other(ProtoWriter w, JsonObject source, Set<String> known) {
        JsonObjectBuilder rest = JsonSupport.PROVIDER.createObjectBuilder();
        boolean any = false;
        for (Map.Entry<String, JsonValue> e : source.entrySet()) {
            if (!known.contains(e.getKey())) {
                rest.add(e.getKey(), e.getValue());
                any = true;
            }
        }
        if (any) {
            w.bytes(255, JsonSupport.write(rest.build()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] json(JsonValue v) {
        // JSON-P defines toString() of any value as its JSON text
        return v.toString().getBytes(StandardCharsets.UTF_8);
    }
}
