package dev.ankiconnect.note;

import dev.ankiconnect.api.InvalidInputException;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.profile.Profile;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.search.CompiledSearch;
import dev.ankiconnect.search.SearchContext;
import dev.ankiconnect.search.SearchNode;
import dev.ankiconnect.search.SearchParser;
import dev.ankiconnect.search.SearchSyntaxException;
import dev.ankiconnect.search.SqlWriter;
import dev.ankiconnect.search.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** findNotes / findCards: Anki's search language compiled to SQL (dev.ankiconnect.search), run with JDBC. */
@ApplicationScoped
public class NoteSearch {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    ModelCache models;

    @Inject
    Notes notes;

    @Inject
    CollectionConfigs config;

    @Inject
    NoteStore store;

    public List<Long> find(String query, Target target) {
        CompiledSearch compiled;
        try {
            SearchNode root = SearchParser.parse(query);
            SearchContext ctx = context();
            Long key = firstFieldKey(root, ctx);
            if (key != null) {
                // only notes whose first field has the value's key can match: search just those
                List<Long> candidates = store.idsWithFirstFieldKey(key);
                if (candidates.isEmpty()) {
                    return List.of();
                }
                root = new SearchNode.And(List.of(new SearchNode.NoteIds(candidates), root));
            }
            compiled = SqlWriter.compile(root, ctx, target);
        } catch (SearchSyntaxException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return run(compiled);
    }

    /**
     * The {@link FirstFieldKey} a search is restricted to, or null: when the query is (or is a
     * conjunction with) a field search {@code Name:value} without wildcards, and the named
     * field is the first field of every note type that has it.
     */
    static Long firstFieldKey(SearchNode root, SearchContext ctx) {
        List<SearchNode> terms = root instanceof SearchNode.And and ? and.children() : List.of(root);
        for (SearchNode term : terms) {
            if (term instanceof SearchNode.Field f && f.mode() == SearchNode.FieldMode.GLOB && plain(f.text())
                    && plain(f.field()) && !f.text().isEmpty() && firstFieldEverywhere(f.field(), ctx)) {
                return FirstFieldKey.of(java.text.Normalizer.normalize(f.text(), java.text.Normalizer.Form.NFC));
            }
        }
        return null;
    }

    private static boolean plain(String glob) {
        return glob.indexOf('*') < 0 && glob.indexOf('_') < 0 && glob.indexOf('\\') < 0;
    }

    private static boolean firstFieldEverywhere(String name, SearchContext ctx) {
        String nfc = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
        for (List<String> fields : ctx.notetypeFields().values()) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).equalsIgnoreCase(nfc) && i != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The search context of the active profile: decks, note types, day timing. */
    public SearchContext context() {
        Map<Long, ModelInfo> all = models.all();
        Map<Long, String> names = new HashMap<>();
        Map<Long, List<String>> fields = new HashMap<>();
        Map<Long, List<String>> templates = new HashMap<>();
        Map<Long, Integer> sortIndex = new HashMap<>();
        Set<Long> cloze = new HashSet<>();
        for (ModelInfo m : all.values()) {
            names.put(m.id(), m.name());
            fields.put(m.id(), m.fieldNames());
            List<String> t = new ArrayList<>();
            m.templates().forEach(x -> t.add(x.name()));
            templates.put(m.id(), t);
            sortIndex.put(m.id(), m.sortIndex());
            if (m.isCloze()) {
                cloze.add(m.id());
            }
        }
        Timing timing = timing();
        return SearchContext.builder(profile.id())
                .timing(timing.today(), timing.nextDayAt(), timing.now())
                .learnAheadSecs((int) config.getLong("collapseTime", 1200))
                .currentDeckId(config.getLong("curDeck", 1))
                .deckNames(notes.deckIndex().names())
                .notetypeNames(names).notetypeFields(fields).notetypeTemplates(templates)
                .clozeNotetypeIds(cloze).sortFieldIndex(sortIndex)
                .ignoreAccents(config.getBool("ignoreAccentsInSearch", false))
                .lowerOnClob(true)
                .build();
    }

    /** Today's scheduler day for the active profile (ANKI-MODEL 6.13). */
    public Timing timing() {
        Profile p = tx.em().find(Profile.class, profile.id());
        long crt = p == null ? System.currentTimeMillis() / 1000 : p.crt();
        Integer offset = config.get("creationOffset").filter(v -> v instanceof jakarta.json.JsonNumber)
                .map(v -> ((jakarta.json.JsonNumber) v).intValue()).orElse(null);
        int rollover = (int) config.getLong("rollover", 4);
        return Timing.of(crt, offset, System.currentTimeMillis() / 1000, ZoneId.systemDefault(), rollover);
    }

    List<Long> run(CompiledSearch compiled) {
        try (PreparedStatement ps = Sql.connection(tx).prepareStatement(compiled.sql())) {
            int i = 1;
            for (Object p : compiled.params()) {
                ps.setObject(i++, p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!compiled.hasRowFilter()) {
                    List<Long> out = new ArrayList<>();
                    long last = Long.MIN_VALUE;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (id != last) {
                            out.add(id);
                            last = id;
                        }
                    }
                    return out;
                }
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                boolean[] text = new boolean[n];
                for (int c = 0; c < n; c++) {
                    int type = md.getColumnType(c + 1);
                    text[c] = type == Types.CLOB || type == Types.VARCHAR || type == Types.LONGVARCHAR
                            || type == Types.CHAR || type == Types.NCLOB;
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = text[c] ? rs.getString(c + 1) : rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return compiled.ids(rows);
            }
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }
}
