package dev.ankiconnect.search.run;

import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.deck.DeckIndex;
import dev.ankiconnect.deck.Decks;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.notetype.ModelCache;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionClock;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.profile.CollectionGeneration;
import dev.ankiconnect.scheduler.CollectionDay;
import dev.ankiconnect.scheduler.Timing;
import dev.ankiconnect.search.CollectionSnapshot;
import dev.ankiconnect.search.CompiledSearch;
import dev.ankiconnect.search.IdPlan;
import dev.ankiconnect.search.IdSets;
import dev.ankiconnect.search.MemorySearch;
import dev.ankiconnect.search.SearchContext;
import dev.ankiconnect.search.SearchNode;
import dev.ankiconnect.search.SearchParser;
import dev.ankiconnect.search.SearchSyntaxException;
import dev.ankiconnect.search.SqlWriter;
import dev.ankiconnect.search.Target;
import dev.ankiconnect.text.FirstFieldKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * findNotes / findCards: Anki's search language (dev.ankiconnect.search), run on the in-memory copy of the
 * collection ({@link SearchMemory}) or compiled to SQL and run with JDBC.
 */
@ApplicationScoped
public class NoteSearch {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    ModelCache models;

    @Inject
    Decks decks;

    @Inject
    CollectionConfigs config;

    @Inject
    CollectionClock clock;

    @Inject
    FirstFieldKeys store;

    @Inject
    SearchMemory memory;

    @Inject
    CollectionGeneration generation;

    /** The collection facts of the last read-only search, with the write counter they were read at. */
    private final java.util.concurrent.atomic.AtomicReference<Facts> facts =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The ids of the notes or cards {@code query} finds, ascending. Read-only actions search the in-memory copy
     * of the collection, read anew after a write; a first-field search ({@code "Front:word"}), which the fkey
     * index answers in a few rows, and every search of an action that writes (which must see its own changes)
     * run as SQL.
     */
    public List<Long> find(String query, Target target) {
        CompiledSearch compiled;
        try {
            SearchNode root = SearchParser.parse(query);
            SearchContext ctx;
            if (tx.readOnly()) {
                long gen = generation.current();
                Facts f = facts(gen);
                ctx = f.context(timing(f.day()));
                if (firstFieldKey(root, ctx) == null) {
                    Optional<CollectionSnapshot> copy = memory.current(gen);
                    if (copy.isPresent()) {
                        return MemorySearch.find(root, ctx, target, copy.get(), memory::cards);
                    }
                }
            } else {
                ctx = context();
            }
            Long key = firstFieldKey(root, ctx);
            if (key != null) {
                // only notes whose first field has the value's key can match: search just those
                List<Long> candidates = store.idsWithFirstFieldKey(key);
                if (candidates.isEmpty()) {
                    return List.of();
                }
                root = new SearchNode.And(List.of(new SearchNode.NoteIds(candidates), root));
            }
            boolean postgres = postgres();
            IdPlan plan = target == Target.NOTES
                    ? SqlWriter.notePlan(root, ctx, postgres)
                    : postgres ? SqlWriter.cardPlan(root, ctx) : null;
            if (plan != null) {
                return plan.run(new PlanSource(ctx.profileId(), postgres));
            }
            compiled = SqlWriter.compile(root, ctx, target, postgres);
        } catch (SearchSyntaxException e) {
            throw new Refusal(e, Refusal.Kind.CAUSE_TEXT);
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
            if (term instanceof SearchNode.Field f
                    && f.mode() == SearchNode.FieldMode.GLOB
                    && plain(f.text())
                    && plain(f.field())
                    && !f.text().isEmpty()
                    && firstFieldEverywhere(f.field(), ctx)) {
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
        Facts f = readFacts(-1);
        return f.context(timing(f.day()));
    }

    /**
     * What a search needs to know of the collection besides its rows: decks, note types and settings, as of
     * write counter {@code gen} (-1: not tied to one). The clock is not part of it.
     */
    private record Facts(long profileId, long gen, SearchContext collection, CollectionDay day) {

        SearchContext context(Timing timing) {
            return collection.at(timing.today(), timing.nextDayAt(), timing.now());
        }
    }

    /** The facts at write counter {@code gen}: those of the previous read-only search when nothing was written since. */
    private Facts facts(long gen) {
        Facts f = facts.get();
        if (f == null || f.gen() != gen || f.profileId() != profile.id()) {
            f = readFacts(gen);
            facts.set(f);
        }
        return f;
    }

    private Facts readFacts(long gen) {
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
        SearchContext collection = SearchContext.builder(profile.id())
                .learnAheadSecs((int) config.getLong("collapseTime", 1200))
                .currentDeckId(config.getLong("curDeck", 1))
                .deckNames(new DeckIndex(decks.all()).names())
                .notetypeNames(names)
                .notetypeFields(fields)
                .notetypeTemplates(templates)
                .clozeNotetypeIds(cloze)
                .sortFieldIndex(sortIndex)
                .ignoreAccents(config.getBool("ignoreAccentsInSearch"))
                .lowerOnClob(true)
                .build();
        return new Facts(profile.id(), gen, collection, clock.day());
    }

    /** Today's scheduler day for the active profile (ANKI-MODEL 6.13). */
    public Timing timing() {
        return timing(clock.day());
    }

    private static Timing timing(CollectionDay d) {
        return CollectionClock.at(d, System.currentTimeMillis() / 1000);
    }

    /** Whether the request's database is PostgreSQL (its driver keeps the product name: no query). */
    private boolean postgres() {
        try {
            return Sql.connection(tx).getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw Sql.fail(e);
        }
    }

    /** The card columns {@code ix_cards_search} (db/changes/search-1.xml) holds. */
    static final Set<String> INDEXED_CARD_COLUMNS =
            Set.of("profile_id", "did", "odid", "queue", "ctype", "due", "ivl", "ord", "flags", "nid", "id");

    private static final java.util.regex.Pattern CARD_COLUMN = java.util.regex.Pattern.compile("\\bc\\.(\\w+)");
    private static final List<String> CARDS_ONLY =
            List.of("SELECT c.id FROM cards c", "SELECT DISTINCT c.nid FROM cards c", "SELECT c.nid FROM cards c");

    /**
     * The statement to run: a search of the cards table alone whose condition reads only columns of the
     * covering index {@code ix_cards_search} gets Derby's optimizer override for that index (an SQL comment,
     * ignored by PostgreSQL). Without it Derby walks a profile_id index and fetches every one of 150,000 card
     * rows (measured at 100,000 notes: deck:X 0.5-1.4 s, prop:ivl&gt;10 1.4 s on a loaded machine). Each SELECT of
     * a UNION (SqlWriter writes one SELECT per side of an OR) is looked at on its own; one that matches a home deck
     * ({@code c.odid = ?}) gets {@code ix_cards_odid} instead.
     */
    public static String withIndexHint(String sql) {
        if (sql.contains(" UNION ")) {
            String[] parts = sql.split(" UNION ", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = withIndexHintOne(parts[i]);
            }
            return String.join(" UNION ", parts);
        }
        return withIndexHintOne(sql);
    }

    private static String withIndexHintOne(String sql) {
        for (String head : CARDS_ONLY) {
            if (sql.startsWith(head + " WHERE ")) {
                String rest = sql.substring(head.length());
                if (rest.contains("SELECT") || rest.contains("n.") || rest.contains("JOIN")) return sql;
                java.util.regex.Matcher m = CARD_COLUMN.matcher(rest);
                while (m.find()) {
                    if (!INDEXED_CARD_COLUMNS.contains(m.group(1))) return sql;
                }
                // a home-deck equality (SqlWriter's UNION of one SELECT per deck, on Derby) reads the few cards in
                // filtered decks from ix_cards_odid (db/changes/search-4.xml)
                return head + Sql.index(rest.contains("c.odid = ?") ? "ix_cards_odid" : "ix_cards_search") + rest;
            }
        }
        return sql;
    }

    /** Note ids a "has a card" look-up checks with one statement. */
    private static final int WITH_CARD_CHUNK = 500;

    /** Runs the statements of an {@link IdPlan} on the request's connection. */
    private final class PlanSource implements IdPlan.Source {

        private final long profileId;
        private final boolean postgres;

        PlanSource(long profileId, boolean postgres) {
            this.profileId = profileId;
            this.postgres = postgres;
        }

        @Override
        public long[] query(IdPlan.Query q, long[] within) {
            if (!postgres) {
                return ids(withIndexHint(q.sql()), q.params());
            }
            if (within == null) {
                return ids(q.sql(), q.params());
            }
            // the few ids an AND has found so far: PostgreSQL moves the test into the statement and reads them from
            // the id's index (the cards' nid index, the notes' primary key) instead of everything the statement finds
            try {
                Long[] boxed = new Long[within.length];
                for (int i = 0; i < within.length; i++) {
                    boxed[i] = within[i];
                }
                List<Object> params = new ArrayList<>(q.params());
                params.add(Sql.connection(tx).createArrayOf("bigint", boxed));
                return ids("SELECT s.x FROM (" + q.sql() + ") s (x) WHERE s.x = ANY (?)", params);
            } catch (SQLException e) {
                throw Sql.fail(e);
            }
        }

        @Override
        public long[] withCard(long[] notes) {
            // the notes found, looked up in the cards' nid index: reading every card's nid instead costs 1.5 s at
            // 150,000 cards (measured with ij, loaded machine); the look-up grows with the notes found
            long[] out = new long[0];
            for (int from = 0; from < notes.length; from += WITH_CARD_CHUNK) {
                dev.ankiconnect.search.Deadline.check();
                int to = Math.min(notes.length, from + WITH_CARD_CHUNK);
                List<Object> params = new ArrayList<>(to - from + 1);
                for (int i = from; i < to; i++) {
                    params.add(notes[i]);
                }
                params.add(profileId);
                // nid leads ix_cards_nid_only, so Derby probes it once per listed id
                out = IdSets.union(
                        out,
                        ids(
                                "SELECT c.nid FROM cards c" + Sql.index("ix_cards_nid_only") + " WHERE c.nid IN ("
                                        + String.join(", ", java.util.Collections.nCopies(to - from, "?"))
                                        + ") AND c.profile_id = ?",
                                params));
            }
            return out;
        }

        private long[] ids(String sql, List<Object> params) {
            try (PreparedStatement ps = Sql.connection(tx).prepareStatement(sql)) {
                int i = 1;
                for (Object p : params) {
                    ps.setObject(i++, p);
                }
                long[] out = new long[1024];
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == out.length) {
                            dev.ankiconnect.search.Deadline.check();
                            out = java.util.Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = rs.getLong(1);
                    }
                }
                return IdSets.sortedDistinct(out, n);
            } catch (SQLException e) {
                throw Sql.fail(e);
            }
        }
    }

    List<Long> run(CompiledSearch compiled) {
        try (PreparedStatement ps = Sql.connection(tx).prepareStatement(withIndexHint(compiled.sql()))) {
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
                    text[c] = type == Types.CLOB
                            || type == Types.VARCHAR
                            || type == Types.LONGVARCHAR
                            || type == Types.CHAR
                            || type == Types.NCLOB;
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    if ((rows.size() & 1023) == 0) {
                        dev.ankiconnect.search.Deadline.check();
                    }
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
