package dev.ankiconnect.apkg;

import dev.ankiconnect.text.NativeDeckName;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the schema-18 tables (protobuf payloads) into the v11 JSON objects that schema-11 files keep
 * in the {@code col} row, so the model has one shape whatever the source. Protobuf field numbers are
 * those of Anki's notetypes.proto, decks.proto and deck_config.proto.
 */
final class Schema18Converter {
    private Schema18Converter() {}

    private static JsonObjectBuilder obj() {
        return JsonSupport.PROVIDER.createObjectBuilder();
    }

    private static JsonArrayBuilder arr() {
        return JsonSupport.PROVIDER.createArrayBuilder();
    }

    static JsonObject config(Connection db) throws SQLException {
        JsonObjectBuilder conf = obj();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select KEY, val from config")) {
            while (rs.next()) {
                byte[] val = rs.getBytes(2);
                String text = val == null ? "null" : new String(val, java.nio.charset.StandardCharsets.UTF_8);
                conf.add(rs.getString(1), JsonSupport.parse(text));
            }
        }
        return conf.build();
    }

    static Map<String, Integer> tags(Connection db) throws SQLException {
        Map<String, Integer> tags = new LinkedHashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select tag, usn from tags")) {
            while (rs.next()) {
                tags.put(rs.getString(1), rs.getInt(2));
            }
        }
        return tags;
    }

    // ---- notetypes ----------------------------------------------------------------------------

    static Map<Long, JsonObject> notetypes(Connection db) throws SQLException {
        Map<Long, JsonObject> out = new LinkedHashMap<>();
        // fields/templates may hold rows of notetypes that no longer exist: drive from notetypes
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select id, name, mtime_secs, usn, config from notetypes order by id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                JsonObjectBuilder nt = obj().add("id", id)
                        .add("name", rs.getString(2))
                        .add("mod", rs.getLong(3))
                        .add("usn", rs.getInt(4))
                        .add("flds", fields(db, id))
                        .add("tmpls", templates(db, id));
                notetypeConfig(rs.getBytes(5), nt);
                out.put(id, nt.build());
            }
        }
        return out;
    }

    private static void notetypeConfig(byte[] blob, JsonObjectBuilder nt) {
        int kind = 0;
        int sortf = 0;
        String css = "";
        long targetDeck = 0;
        String latexPre = "";
        String latexPost = "";
        boolean latexSvg = false;
        JsonArrayBuilder req = arr();
        long originalStockKind = 0;
        Long originalId = null;
        byte[] other = null;
        ProtoReader r = new ProtoReader(blob);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> kind = (int) r.varint();
                case 2 -> sortf = (int) r.varint();
                case 3 -> css = r.string();
                case 4 -> targetDeck = r.varint();
                case 5 -> latexPre = r.string();
                case 6 -> latexPost = r.string();
                case 7 -> latexSvg = r.bool();
                case 8 -> req.add(cardRequirement(r.message()));
                case 9 -> originalStockKind = r.varint();
                case 10 -> originalId = r.varint();
                case 255 -> other = r.bytes();
                default -> {
                    /* newer field we do not map */
                }
            }
        }
        nt.add("type", kind)
                .add("sortf", sortf)
                .add("css", css)
                .add("latexPre", latexPre)
                .add("latexPost", latexPost)
                .add("latexsvg", latexSvg)
                .add("req", req);
        if (targetDeck > 0) {
            nt.add("did", targetDeck);
        } else {
            nt.addNull("did");
        }
        if (originalStockKind != 0) {
            nt.add("originalStockKind", originalStockKind);
        }
        if (originalId != null) {
            nt.add("originalId", originalId);
        }
        mergeOther(nt, other);
    }

    private static JsonValue cardRequirement(ProtoReader r) {
        long ord = 0;
        int kind = 0;
        List<Long> fieldOrds = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> ord = r.varint();
                case 2 -> kind = (int) r.varint();
                case 3 -> r.addVarints(fieldOrds);
                default -> {}
            }
        }
        JsonArrayBuilder ords = arr();
        fieldOrds.forEach(ords::add);
        String kindName = switch (kind) {
            case 1 -> "any";
            case 2 -> "all";
            default -> "none";
        };
        return arr().add(ord).add(kindName).add(ords).build();
    }

    private static JsonArrayBuilder fields(Connection db, long ntid) throws SQLException {
        JsonArrayBuilder out = arr();
        try (PreparedStatement ps =
                db.prepareStatement("select ord, name, config from fields where ntid = ? order by ord")) {
            ps.setLong(1, ntid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder f = obj().add("name", rs.getString(2)).add("ord", rs.getInt(1));
                    fieldConfig(rs.getBytes(3), f);
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static void fieldConfig(byte[] blob, JsonObjectBuilder f) {
        boolean sticky = false;
        boolean rtl = false;
        String font = "";
        long size = 0;
        String description = "";
        boolean plainText = false;
        boolean collapsed = false;
        boolean excludeFromSearch = false;
        Long id = null;
        byte[] other = null;
        ProtoReader r = new ProtoReader(blob);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> sticky = r.bool();
                case 2 -> rtl = r.bool();
                case 3 -> font = r.string();
                case 4 -> size = r.varint();
                case 5 -> description = r.string();
                case 6 -> plainText = r.bool();
                case 7 -> collapsed = r.bool();
                case 8 -> excludeFromSearch = r.bool();
                case 9 -> id = (long) (int) r.varint(); // int32: negative values come as 10-byte varints
                case 255 -> other = r.bytes();
                default -> {}
            }
        }
        f.add("sticky", sticky)
                .add("rtl", rtl)
                .add("font", font)
                .add("size", size)
                .add("description", description)
                .add("plainText", plainText)
                .add("collapsed", collapsed)
                .add("excludeFromSearch", excludeFromSearch);
        if (id != null) {
            f.add("id", id);
        }
        mergeOther(f, other);
    }

    private static JsonArrayBuilder templates(Connection db, long ntid) throws SQLException {
        JsonArrayBuilder out = arr();
        try (PreparedStatement ps = db.prepareStatement(
                "select ord, name, mtime_secs, usn, config from templates where ntid = ? order by ord")) {
            ps.setLong(1, ntid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder t = obj().add("name", rs.getString(2)).add("ord", rs.getInt(1));
                    templateConfig(rs.getBytes(5), t);
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static void templateConfig(byte[] blob, JsonObjectBuilder t) {
        String qfmt = "";
        String afmt = "";
        String bqfmt = "";
        String bafmt = "";
        long did = 0;
        String bfont = "";
        long bsize = 0;
        Long id = null;
        byte[] other = null;
        ProtoReader r = new ProtoReader(blob);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> qfmt = r.string();
                case 2 -> afmt = r.string();
                case 3 -> bqfmt = r.string();
                case 4 -> bafmt = r.string();
                case 5 -> did = r.varint();
                case 6 -> bfont = r.string();
                case 7 -> bsize = r.varint();
                case 8 -> id = (long) (int) r.varint();
                case 255 -> other = r.bytes();
                default -> {}
            }
        }
        t.add("qfmt", qfmt)
                .add("afmt", afmt)
                .add("bqfmt", bqfmt)
                .add("bafmt", bafmt)
                .add("bfont", bfont)
                .add("bsize", bsize);
        if (did > 0) {
            t.add("did", did);
        } else {
            t.addNull("did");
        }
        if (id != null) {
            t.add("id", id);
        }
        mergeOther(t, other);
    }

    // ---- decks --------------------------------------------------------------------------------

    static Map<Long, JsonObject> decks(Connection db) throws SQLException {
        Map<Long, JsonObject> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery("select id, name, mtime_secs, usn, common, kind from decks order by id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                JsonObjectBuilder d = obj().add("id", id)
                        // native names separate levels with U+001F; v11 JSON uses "::"
                        .add("name", NativeDeckName.toHuman(rs.getString(2)))
                        .add("mod", rs.getLong(3))
                        .add("usn", rs.getInt(4));
                deckCommon(rs.getBytes(5), d);
                deckKind(rs.getBytes(6), d);
                out.put(id, d.build());
            }
        }
        return out;
    }

    private static void deckCommon(byte[] blob, JsonObjectBuilder d) {
        boolean collapsed = false;
        boolean browserCollapsed = false;
        long day = 0;
        long newStudied = 0;
        long revStudied = 0;
        long lrnStudied = 0;
        long msStudied = 0;
        byte[] other = null;
        ProtoReader r = new ProtoReader(blob);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> collapsed = r.bool();
                case 2 -> browserCollapsed = r.bool();
                case 3 -> day = r.varint();
                case 4 -> newStudied = (int) r.varint();
                case 5 -> revStudied = (int) r.varint();
                case 6 -> lrnStudied = (int) r.varint();
                case 7 -> msStudied = (int) r.varint();
                case 255 -> other = r.bytes();
                default -> {}
            }
        }
        d.add("collapsed", collapsed)
                .add("browserCollapsed", browserCollapsed)
                .add("newToday", arr().add(day).add(newStudied))
                .add("revToday", arr().add(day).add(revStudied))
                .add("lrnToday", arr().add(day).add(lrnStudied))
                .add("timeToday", arr().add(day).add(msStudied));
        mergeOther(d, other);
    }

    private static void deckKind(byte[] blob, JsonObjectBuilder d) {
        ProtoReader r = new ProtoReader(blob);
        boolean sawKind = false;
        while (r.next()) {
            if (r.field() == 1) {
                normalDeck(r.message(), d);
                sawKind = true;
            } else if (r.field() == 2) {
                filteredDeck(r.message(), d);
                sawKind = true;
            }
        }
        if (!sawKind) {
            normalDeck(new ProtoReader(new byte[0]), d);
        }
    }

    private static void normalDeck(ProtoReader r, JsonObjectBuilder d) {
        long conf = 0;
        long extendNew = 0;
        long extendRev = 0;
        String desc = "";
        boolean markdown = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> conf = r.varint();
                case 2 -> extendNew = r.varint();
                case 3 -> extendRev = r.varint();
                case 4 -> desc = r.string();
                case 5 -> markdown = r.bool();
                default -> {
                    /* limits of newer versions are not mapped */
                }
            }
        }
        d.add("dyn", 0)
                .add("conf", conf)
                .add("extendNew", extendNew)
                .add("extendRev", extendRev)
                .add("desc", desc);
        if (markdown) {
            d.add("md", true);
        }
    }

    private static void filteredDeck(ProtoReader r, JsonObjectBuilder d) {
        boolean resched = false;
        JsonArrayBuilder terms = arr();
        List<Float> delays = new ArrayList<>();
        long previewDelay = 0;
        boolean hasDelays = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> resched = r.bool();
                case 2 -> terms.add(searchTerm(r.message()));
                case 3 -> {
                    r.addFloats(delays);
                    hasDelays = true;
                }
                case 4 -> previewDelay = r.varint();
                default -> {}
            }
        }
        d.add("dyn", 1)
                .add("resched", resched)
                .add("terms", terms)
                .add("separate", true)
                .add("previewDelay", previewDelay)
                .add("desc", "");
        if (hasDelays) {
            d.add("delays", floats(delays));
        } else {
            d.addNull("delays");
        }
    }

    private static JsonValue searchTerm(ProtoReader r) {
        String search = "";
        long limit = 0;
        long order = 0;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> search = r.string();
                case 2 -> limit = r.varint();
                case 3 -> order = r.varint();
                default -> {}
            }
        }
        return arr().add(search).add(limit).add(order).build();
    }

    // ---- deck configs -------------------------------------------------------------------------

    static Map<Long, JsonObject> deckConfigs(Connection db) throws SQLException {
        Map<Long, JsonObject> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery("select id, name, mtime_secs, usn, config from deck_config order by id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                JsonObjectBuilder c = obj().add("id", id)
                        .add("name", rs.getString(2))
                        .add("mod", rs.getLong(3))
                        .add("usn", rs.getInt(4))
                        .add("dyn", false);
                DeckConfigProto.toJson(rs.getBytes(5), c);
                out.put(id, c.build());
            }
        }
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------

    static JsonArrayBuilder floats(List<Float> values) {
        JsonArrayBuilder a = arr();
        values.forEach(v -> a.add(JsonSupport.decimal(v)));
        return a;
    }

    /** The {@code other} field (255) holds JSON of keys Anki has no protobuf field for; they belong in the v11 object. */
    static void mergeOther(JsonObjectBuilder target, byte[] other) {
        if (other == null || other.length == 0) {
            return;
        }
        JsonObject extra = JsonSupport.parseObject(new String(other, java.nio.charset.StandardCharsets.UTF_8));
        extra.forEach(target::add);
    }
}
