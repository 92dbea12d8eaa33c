package dev.ankiconnect.search;

import dev.ankiconnect.search.SearchNode.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Compiles a search tree into one parameterised SQL statement over {@code cards c} / {@code notes n}
 * (revlog via sub-queries), restricted to one profile, plus a JVM row filter for what portable SQL cannot match
 * exactly. Results are ordered by ascending id ({@code ORDER BY c.id} / {@code ORDER BY n.id}).
 */
public final class SqlWriter {

    private final SearchContext ctx;
    private final Target target;
    private final NoteTerms noteTerms;
    private final CardTerms cardTerms;
    /** CASE columns for exact sub-conditions the JVM filter must read inside OR/NOT. */
    private final List<String> flagSql = new ArrayList<>();

    private final List<Object> flagParams = new ArrayList<>();

    /** Note searches mixing note and card terms use card sub-queries (see {@link #noteWhere}) instead of a join. */
    private final boolean cardSubqueries;

    private SqlWriter(SearchContext ctx, Target target, boolean cardSubqueries) {
        this.ctx = Objects.requireNonNull(ctx);
        this.target = Objects.requireNonNull(target);
        this.cardSubqueries = cardSubqueries;
        this.noteTerms = new NoteTerms(ctx, cardSubqueries);
        this.cardTerms = new CardTerms(ctx);
    }

    /** Parses and compiles {@code query}; throws {@link SearchSyntaxException} for malformed queries. */
    public static CompiledSearch compile(String query, SearchContext ctx, Target target) {
        return compile(SearchParser.parse(query), ctx, target);
    }

    /** Compiles an already parsed tree; note searches mixing note and card terms join notes to cards. */
    public static CompiledSearch compile(SearchNode root, SearchContext ctx, Target target) {
        return compile(root, ctx, target, false);
    }

    /**
     * Compiles an already parsed tree. {@code cardSubqueries} (PostgreSQL): a note search mixing note and card terms
     * is written as conditions on the notes table with sub-queries of the cards (PostgreSQL's planner runs them as
     * hashed semi-joins: about twice as fast as the join at 100,000 notes), and exact tag terms read their postings
     * in {@code note_tags} (db/changes/search-6.xml). Derby runs an IN sub-query under OR again for every
     * note (minutes at 100,000 notes), so it keeps the join, except for an OR at the top (a UNION, below).
     */
    public static CompiledSearch compile(SearchNode root, SearchContext ctx, Target target, boolean cardSubqueries) {
        return new SqlWriter(ctx, target, cardSubqueries).write(root);
    }

    /**
     * A note search whose condition is exact in SQL, as sets of note ids each found by one statement and combined in
     * Java ({@link IdPlan}), or null when the search is not such a one (the statement of {@link #compile} is then as
     * good). {@code postgres}: the statements are written for PostgreSQL (see {@link #compile}).
     *
     * <p>The notes with some card satisfying the condition, as the join of notes to cards finds them: the "some card"
     * moves through OR and past conditions on the note alone, as in {@link #noteWhere}; a note condition alone under
     * OR keeps its "the note has a card" test ({@link IdPlan.WithCard}: the notes found, looked up in the cards' nid
     * index). The card sides read the card indexes (one SELECT per branch, as {@link #branches} writes them), the
     * note sides read the notes once, and what cannot be split (an AND of several card terms one card must satisfy
     * together when one of them reads the note, a NOT of such) is the join, for that part alone. The ids are sorted
     * and merged in Java, where the databases sorted, hashed or de-duplicated every matching card again:
     * <ul>
     *   <li>Derby: card terms (alone or with note terms), and searches of the tags alone (read from
     *       ix_notes_tags_head); Derby's {@code SELECT DISTINCT ... UNION ... ORDER BY} sorted every card, and its
     *       "note has a card" test ran for every note.
     *   <li>PostgreSQL: every exact note search. Its planner picked a nested loop over every note for a deck and a
     *       tag once a statement was prepared (a generic plan), and an id-ordered scan of every note for a tag; here
     *       each statement is a plain index range or scan. The note side of an AND runs first, and a short result
     *       narrows the card side to its notes ({@link IdPlan.Source#query}); a negated note term is subtracted
     *       ({@link IdPlan.Minus}: the notes with the tag, from the tag index, instead of a scan for those without).
     * </ul>
     */
    public static IdPlan notePlan(SearchNode root, SearchContext ctx, boolean postgres) {
        SqlWriter w = new SqlWriter(ctx, Target.NOTES, postgres);
        Fragment f = w.node(root);
        if (!f.exact() || f.sql() == null) {
            return null;
        }
        if (!f.cards()) {
            // the notes alone, no card needed (as in the one statement of compile): on Derby a search of the tags
            // alone (tag:x, -tag:x, tag:none and their combinations), on PostgreSQL any
            if (postgres) {
                return w.postgresAnd(f.kind().equals("and") ? f.children() : List.of(f), null);
            }
            return tagsHeadOnly(f.sql()) ? w.noteQuery(List.of(f)) : null;
        }
        return w.plan(f);
    }

    /**
     * PostgreSQL: a card search of card terms alone as the card ids of each branch, merged in Java, or null when the
     * search reads the notes or is not exact in SQL. PostgreSQL sorted and de-duplicated every matching card for the
     * UNION and its ORDER BY (a third of the time of {@code deck:X} at 30,000 cards).
     */
    public static IdPlan cardPlan(SearchNode root, SearchContext ctx) {
        SqlWriter w = new SqlWriter(ctx, Target.CARDS, true);
        Fragment f = w.node(root);
        if (!f.exact() || f.sql() == null || f.notes() || !f.cards()) {
            return null;
        }
        return w.cardQuery(f, "c.id");
    }

    /** Derby: what a tag term tests (NoteTerms), the lower-cased tag list; notes.tags_head where it is not null. */
    static final String LOWER_TAGS = "LOWER(n.tags)";

    private static final String TAGS_HEAD = "n.tags_head";

    private static final java.util.regex.Pattern NOTE_COLUMN = java.util.regex.Pattern.compile("\\bn\\.(\\w+)");

    /**
     * True if the condition {@code where} on {@code notes n} reads the lower-cased tag list and no other column (not
     * even the id: a first-field search's id list probes the primary key, better than any scan): ix_notes_tags_head
     * (profile_id, tags_head, id; db/changes/search-5.xml) then has all it reads.
     */
    static boolean tagsHeadOnly(String where) {
        if (!where.contains(LOWER_TAGS)) {
            return false;
        }
        java.util.regex.Matcher m = NOTE_COLUMN.matcher(where.replace(LOWER_TAGS, TAGS_HEAD));
        while (m.find()) {
            String column = m.group(1);
            if (!column.equals("tags_head") && !column.equals("profile_id")) {
                return false;
            }
        }
        return true;
    }

    /** The notes with some card satisfying the exact fragment {@code f}. */
    private IdPlan plan(Fragment f) {
        if (!f.cards()) {
            return new IdPlan.WithCard(noteQuery(List.of(f)));
        }
        if (!f.notes()) {
            return cardQuery(f, "c.nid");
        }
        switch (f.kind()) {
            case "or" -> {
                List<IdPlan> parts = new ArrayList<>();
                for (Fragment k : f.children()) {
                    parts.add(plan(k));
                }
                return new IdPlan.Union(parts);
            }
            case "and" -> {
                List<Fragment> noteKids = new ArrayList<>();
                List<Fragment> cardKids = new ArrayList<>();
                for (Fragment k : f.children()) {
                    (k.cards() ? cardKids : noteKids).add(k);
                }
                IdPlan cards;
                if (cardKids.size() == 1) {
                    cards = plan(cardKids.get(0));
                } else if (cardKids.stream().noneMatch(Fragment::notes)) {
                    cards = cardQuery(Fragment.and(cardKids), "c.nid");
                } else {
                    return joinQuery(f);
                }
                if (!cardSubqueries) {
                    if (noteKids.stream().allMatch(k -> k.sql() == null)) {
                        return cards;
                    }
                    return new IdPlan.Intersect(List.of(cards, noteQuery(noteKids)));
                }
                return postgresAnd(noteKids, cards);
            }
            default -> {
                return joinQuery(f);
            }
        }
    }

    /**
     * PostgreSQL: the notes satisfying every one of {@code noteKids} (exact conditions on the notes alone) and found
     * by {@code cards} (null: no card condition). The note side comes first, so that a short result narrows the next
     * statement ({@link IdPlan.Source#query}): tag terms from note_tags alone ({@link #postings}), then the other note
     * conditions in one statement, then the cards. A negated tag term, or a negated note condition next to a card
     * condition, is subtracted ({@link IdPlan.Minus}: the notes that have the tag, from its index range, instead of a
     * scan of every note for those without it); without any other condition it stays in the one statement.
     */
    private IdPlan postgresAnd(List<Fragment> noteKids, IdPlan cards) {
        List<IdPlan> parts = new ArrayList<>();
        List<Fragment> rest = new ArrayList<>();
        List<IdPlan> minus = new ArrayList<>();
        List<Fragment> all = new ArrayList<>();
        for (Fragment k : noteKids) {
            if (k.sql() == null) {
                continue;
            }
            all.add(k);
            IdPlan posting = postings(k);
            Fragment negated = k.kind().equals("not") ? k.children().get(0) : null;
            IdPlan negatedPosting = negated != null && negated.sql() != null ? postings(negated) : null;
            if (posting != null) {
                parts.add(posting);
            } else if (negated != null && negated.sql() != null && (negatedPosting != null || cards != null)) {
                minus.add(negatedPosting != null ? negatedPosting : noteQuery(List.of(negated)));
            } else {
                rest.add(k);
            }
        }
        if (!rest.isEmpty()) {
            parts.add(noteQuery(rest));
        }
        if (cards != null) {
            parts.add(cards);
        }
        if (parts.isEmpty()) {
            // negated tags alone: the one statement (every note but those), not every note's id
            return noteQuery(all);
        }
        IdPlan out = parts.size() == 1 ? parts.get(0) : new IdPlan.Intersect(parts);
        for (IdPlan m : minus) {
            out = new IdPlan.Minus(out, m);
        }
        return out;
    }

    /**
     * PostgreSQL: the notes of a tag term, or of an OR of tag terms, from note_tags alone (an index range each, in
     * note id order); null for any other condition.
     */
    private IdPlan postings(Fragment f) {
        if (!cardSubqueries || !f.exact()) {
            return null;
        }
        if (f.kind().equals("leaf") && NoteTerms.TAG_POSTING.equals(f.sql())) {
            return new IdPlan.Query(NoteTerms.TAG_POSTING_IDS, f.params());
        }
        if (f.kind().equals("or") && f.sql() != null) {
            List<IdPlan> parts = new ArrayList<>();
            for (Fragment k : f.children()) {
                IdPlan p = postings(k);
                if (p == null) {
                    return null;
                }
                parts.add(p);
            }
            return new IdPlan.Union(parts);
        }
        return null;
    }

    /**
     * The notes satisfying every one of {@code fs} (conditions on the notes alone). When they read only the tags
     * ({@link #tagsHeadOnly}), two statements: the notes with a tag head, from ix_notes_tags_head alone (a scan of
     * the index, not of every note's row), where {@code LOWER(n.tags)} is {@code n.tags_head}; and the few whose tag
     * list is too long for a head (an index range of tags_head IS NULL), tested on the row as before. Disjoint, and
     * together every note, so the union is what the one statement finds.
     */
    private IdPlan noteQuery(List<Fragment> fs) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (Fragment k : fs) {
            if (k.sql() != null) {
                where.append(" AND ").append(k.sql());
                params.addAll(k.params());
            }
        }
        List<Object> all = new ArrayList<>();
        all.add(ctx.profileId());
        all.addAll(params);
        if (cardSubqueries || !tagsHeadOnly(where.toString())) {
            return new IdPlan.Query("SELECT n.id FROM notes n WHERE n.profile_id = ?" + where, all);
        }
        String hint = " --DERBY-PROPERTIES index=ix_notes_tags_head\n";
        return new IdPlan.Union(List.of(
                new IdPlan.Query(
                        "SELECT n.id FROM notes n" + hint + " WHERE n.profile_id = ? AND n.tags_head IS NOT NULL"
                                + where.toString().replace(LOWER_TAGS, TAGS_HEAD),
                        all),
                new IdPlan.Query(
                        "SELECT n.id FROM notes n" + hint + " WHERE n.profile_id = ? AND n.tags_head IS NULL" + where,
                        all)));
    }

    /**
     * The {@code column} (c.nid: the notes, c.id: the cards) of the cards satisfying {@code f} (a condition on the
     * cards alone): one SELECT per branch.
     */
    private IdPlan cardQuery(Fragment f, String column) {
        if (f.sql() == null) {
            return new IdPlan.Query(
                    "SELECT " + column + " FROM cards c WHERE c.profile_id = ?", List.of(ctx.profileId()));
        }
        List<IdPlan> parts = new ArrayList<>();
        for (Fragment b : branches(f)) {
            List<Object> params = new ArrayList<>();
            params.add(ctx.profileId());
            params.addAll(b.params());
            parts.add(new IdPlan.Query(
                    "SELECT " + column + " FROM cards c WHERE c.profile_id = ? AND " + b.sql(), params));
        }
        return parts.size() == 1 ? parts.get(0) : new IdPlan.Union(parts);
    }

    /** The notes with a card satisfying {@code f}, which reads both tables: the join. */
    private IdPlan joinQuery(Fragment f) {
        List<Object> params = new ArrayList<>();
        params.add(ctx.profileId());
        params.addAll(f.params());
        return new IdPlan.Query(
                "SELECT n.id FROM notes n JOIN cards c ON c.profile_id = n.profile_id AND c.nid = n.id"
                        + " WHERE n.profile_id = ? AND " + (f.sql() == null ? "1 = 1" : f.sql()),
                params);
    }

    private CompiledSearch write(SearchNode root) {
        Fragment f = node(root);
        Predicate<SearchRow> filter = residual(f);
        boolean cardsTarget = target == Target.CARDS;
        boolean joinCards = cardsTarget || f.cards();
        if (!f.notes() && (cardsTarget || f.cards()) && filter == null && f.sql() != null) {
            // cards alone: a note search needs no notes at all (the distinct note ids of the matching cards, without
            // joining 100,000 notes to their cards); an OR (a deck: term is one: current or home deck) becomes the
            // UNION of what each side finds, each side through its own index range, instead of one scan that tests
            // every card of the profile against both sides
            String column = cardsTarget ? "c.id" : "c.nid";
            List<Fragment> branches = branches(f);
            List<Object> params = new ArrayList<>();
            if (branches.size() == 1) {
                params.add(ctx.profileId());
                params.addAll(f.params());
                return new CompiledSearch(
                        "SELECT " + (cardsTarget ? "" : "DISTINCT ") + column
                                + " FROM cards c WHERE c.profile_id = ? AND " + f.sql() + " ORDER BY " + column,
                        params,
                        target,
                        List.of(column),
                        false,
                        0,
                        null);
            }
            List<String> selects = new ArrayList<>();
            for (Fragment b : branches) {
                params.add(ctx.profileId());
                params.addAll(b.params());
                selects.add("SELECT " + column + " FROM cards c WHERE c.profile_id = ? AND " + b.sql());
            }
            return new CompiledSearch(
                    String.join(" UNION ", selects) + " ORDER BY 1", params, target, List.of(column), false, 0, null);
        }
        if (!cardsTarget && f.cards() && filter == null && f.kind().equals("or") && f.sql() != null) {
            // a note search with an OR of note and card terms at the top: the notes each side finds, each side with
            // its own best plan (the card side through the card indexes, a tag or text side through its index), then
            // their union; one WHERE clause makes PostgreSQL test every note against both sides, and Derby join
            // every note to its cards (or run a card sub-query again for every note)
            List<Object> params = new ArrayList<>();
            List<String> selects = new ArrayList<>();
            for (Fragment k : f.children()) {
                if (!k.cards()) {
                    params.add(ctx.profileId());
                    selects.add("SELECT n.id FROM notes n WHERE n.profile_id = ? AND " + noteOnly(k, params) + " AND "
                            + hasCard());
                } else if (!k.notes()) {
                    for (Fragment b : branches(k)) {
                        params.add(ctx.profileId());
                        params.addAll(b.params());
                        selects.add("SELECT c.nid FROM cards c WHERE c.profile_id = ? AND " + b.sql());
                    }
                } else if (cardSubqueries) {
                    params.add(ctx.profileId());
                    selects.add("SELECT n.id FROM notes n WHERE n.profile_id = ? AND " + noteWhere(k, params));
                } else {
                    params.add(ctx.profileId());
                    params.addAll(k.params());
                    selects.add("SELECT n.id FROM notes n JOIN cards c ON c.profile_id = n.profile_id AND c.nid = n.id"
                            + " WHERE n.profile_id = ? AND " + k.sql());
                }
            }
            return new CompiledSearch(
                    String.join(" UNION ", selects) + " ORDER BY 1", params, target, List.of("n.id"), false, 0, null);
        }
        if (cardSubqueries && !cardsTarget && f.cards() && filter == null) {
            // a note search mixing note and card terms, exact in SQL: the notes that have a matching card, written
            // as conditions on the notes table with card sub-queries, so that no database has to join every note
            // to its cards and then remove the duplicate note ids (see noteWhere)
            List<Object> params = new ArrayList<>();
            params.add(ctx.profileId());
            String where = noteWhere(f, params);
            return new CompiledSearch(
                    "SELECT n.id FROM notes n WHERE n.profile_id = ? AND " + where + " ORDER BY n.id",
                    params,
                    target,
                    List.of("n.id"),
                    false,
                    0,
                    null);
        }
        // the row filter reads note columns, so card searches then join notes as well
        boolean joinNotes = !cardsTarget || f.notes() || filter != null;
        String base = cardsTarget ? "c" : "n";
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> columns = new ArrayList<>();
        columns.add(base + ".id");
        if (filter != null) {
            columns.addAll(List.of("n.id", "n.mid", "n.flds", "n.sfld", "n.tags"));
            if (joinCards) {
                columns.addAll(List.of("c.data", "c.ctype", "c.queue", "c.due", "c.odue", "c.ivl"));
            }
            for (int i = 0; i < flagSql.size(); i++) {
                columns.add(flagSql.get(i));
            }
        } else if (!cardsTarget && joinCards) {
            // one row per note although cards are joined; safe because only the id column is selected
            sql.append("DISTINCT ");
        }
        sql.append(String.join(", ", columns));
        if (cardsTarget) {
            sql.append(" FROM cards c");
            if (joinNotes) sql.append(" JOIN notes n ON n.profile_id = c.profile_id AND n.id = c.nid");
        } else {
            sql.append(" FROM notes n");
            if (joinCards) sql.append(" JOIN cards c ON c.profile_id = n.profile_id AND c.nid = n.id");
        }
        sql.append(" WHERE ").append(base).append(".profile_id = ?");
        List<Object> params = new ArrayList<>();
        if (filter != null) params.addAll(flagParams);
        params.add(ctx.profileId());
        if (f.sql() != null) {
            sql.append(" AND ").append(f.sql());
            params.addAll(f.params());
        }
        sql.append(" ORDER BY ").append(base).append(".id");
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < flagSql.size() && filter != null; i++) {
            names.set(names.size() - flagSql.size() + i, "flag" + i);
        }
        return new CompiledSearch(
                sql.toString(),
                params,
                target,
                filter == null ? List.of(base + ".id") : names,
                filter != null && joinCards,
                filter == null ? 0 : flagSql.size(),
                filter);
    }

    /**
     * The condition on {@code notes n} that holds when some card of the note satisfies the exact fragment {@code f}
     * (what joining notes to cards and keeping the distinct note ids finds), with its parameters appended to
     * {@code params} in order. The "some card" moves inwards through OR (some card matches A or B = some card
     * matches A, or some card matches B) and past conditions on the note alone (A and N = N, and some card matches
     * A); a note condition on its own still needs the note to have a card. What cannot be split (NOT of card
     * terms, AND of several card terms, which one card must satisfy together) becomes one sub-query of the cards.
     */
    private String noteWhere(Fragment f, List<Object> params) {
        if (!f.cards()) {
            return noteOnly(f, params);
        }
        if (f.sql() == null) {
            // TRUE for some card: the note has a card
            return hasCard();
        }
        if (!f.notes()) {
            return cardsOfNotes(f.sql(), f.params(), params);
        }
        switch (f.kind()) {
            case "or" -> {
                List<String> parts = new ArrayList<>();
                for (Fragment k : f.children()) {
                    parts.add(k.cards() ? noteWhere(k, params) : "(" + noteOnly(k, params) + " AND " + hasCard() + ")");
                }
                return "(" + String.join(" OR ", parts) + ")";
            }
            case "and" -> {
                List<String> parts = new ArrayList<>();
                List<Fragment> cardKids = new ArrayList<>();
                for (Fragment k : f.children()) {
                    if (k.cards()) {
                        cardKids.add(k);
                    } else if (k.sql() != null) {
                        parts.add(k.sql());
                        params.addAll(k.params());
                    }
                }
                if (cardKids.size() == 1) {
                    parts.add(noteWhere(cardKids.get(0), params));
                } else {
                    List<String> sql = new ArrayList<>();
                    List<Object> p = new ArrayList<>();
                    boolean notes = false;
                    for (Fragment k : cardKids) {
                        if (k.sql() != null) {
                            sql.add(k.sql());
                            p.addAll(k.params());
                        }
                        notes |= k.notes();
                    }
                    String all = sql.isEmpty() ? "1 = 1" : "(" + String.join(" AND ", sql) + ")";
                    parts.add(notes ? someCard(all, p, params) : cardsOfNotes(all, p, params));
                }
                return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
            }
            default -> {
                return someCard(f.sql(), f.params(), params);
            }
        }
    }

    /** At most this many SELECTs in one UNION; beyond, one SELECT with the OR. */
    private static final int MAX_BRANCHES = 16;

    /** The deck lists CardTerms writes (current deck, home deck), which Derby gets as one equality per deck. */
    private static final java.util.regex.Pattern DECK_LIST =
            java.util.regex.Pattern.compile("(?:\\(c\\.odid <> 0 AND )?c\\.(did|odid) IN \\((?:\\?, )*\\?\\)\\)?");

    /**
     * An exact condition on cards alone as the conditions whose OR it is, each to be one SELECT of a UNION: the
     * sides of an OR, and an AND of one OR with other conditions as the AND of each side with the others (A and (B
     * or C) = (A and B) or (A and C)). On Derby a deck list ({@code c.did IN (?, ?)}) is an OR as well, of one
     * equality per deck: Derby reads an index range for an equality on the column after profile_id, but scans
     * every entry of the profile for an IN list there. Anything else, or more than {@link #MAX_BRANCHES}, is the
     * one condition.
     */
    private List<Fragment> branches(Fragment f) {
        List<Fragment> out = new ArrayList<>();
        if (f.sql() != null && f.exact()) {
            if (f.kind().equals("or")) {
                for (Fragment k : f.children()) {
                    out.addAll(branches(k));
                }
            } else if (f.kind().equals("and")) {
                List<Fragment> kids = f.children();
                for (int i = 0; i < kids.size() && out.isEmpty(); i++) {
                    List<Fragment> sides = branches(kids.get(i));
                    if (sides.size() > 1) {
                        for (Fragment side : sides) {
                            List<Fragment> and = new ArrayList<>(kids);
                            and.set(i, side);
                            out.add(Fragment.and(and));
                        }
                    }
                }
            } else if (!cardSubqueries
                    && f.kind().equals("leaf")
                    && !f.params().isEmpty()
                    && DECK_LIST.matcher(f.sql()).matches()) {
                // Derby: c.did IN (?, ?) is c.did = ? OR c.did = ?; (c.odid <> 0 AND c.odid IN (?, ?)) likewise, since
                // no deck has id 0 (a list holding 0 is written without the "c.odid <> 0")
                String column = f.sql().contains("c.did IN") ? "c.did" : "c.odid";
                for (Object id : f.params()) {
                    out.add(Fragment.cards(column + " = ?", List.of(id)));
                }
            }
        }
        return out.isEmpty() || out.size() > MAX_BRANCHES ? List.of(f) : out;
    }

    private static String noteOnly(Fragment f, List<Object> params) {
        if (f.sql() == null) return "1 = 1";
        params.addAll(f.params());
        return f.sql();
    }

    private static String hasCard() {
        return "EXISTS (SELECT 1 FROM cards c WHERE c.profile_id = n.profile_id AND c.nid = n.id)";
    }

    /** Notes with a card satisfying {@code sql}, which reads card columns only. */
    private String cardsOfNotes(String sql, List<Object> sqlParams, List<Object> params) {
        params.add(ctx.profileId());
        params.addAll(sqlParams);
        return "n.id IN (SELECT c.nid FROM cards c WHERE c.profile_id = ? AND " + sql + ")";
    }

    /** Notes with a card satisfying {@code sql}, which reads columns of the card and of its note. */
    private static String someCard(String sql, List<Object> sqlParams, List<Object> params) {
        params.addAll(sqlParams);
        return "EXISTS (SELECT 1 FROM cards c WHERE c.profile_id = n.profile_id AND c.nid = n.id AND " + sql + ")";
    }

    private Fragment node(SearchNode n) {
        if (n instanceof And a)
            return Fragment.and(a.children().stream().map(this::node).toList());
        if (n instanceof Or o)
            return Fragment.or(o.children().stream().map(this::node).toList());
        if (n instanceof Not x) return Fragment.not(node(x.child()));
        return leaf(n);
    }

    /** The JVM check still needed once the WHERE clause holds; null if the SQL is exact. */
    private Predicate<SearchRow> residual(Fragment f) {
        if (f.exact()) return null;
        if (f.kind().equals("leaf")) return f.leafTest();
        if (f.kind().equals("and")) {
            // the WHERE clause already enforces every child's SQL, so only inexact children remain
            Predicate<SearchRow> p = null;
            for (Fragment k : f.children()) {
                Predicate<SearchRow> r = residual(k);
                if (r != null) p = p == null ? r : p.and(r);
            }
            return p;
        }
        return full(f);
    }

    /** Full semantics of a sub-tree in the JVM; exact parts are read from CASE flag columns. */
    private Predicate<SearchRow> full(Fragment f) {
        if (f.exact()) {
            if (f.sql() == null) return r -> true;
            int idx = flagSql.size();
            flagSql.add("CASE WHEN " + f.sql() + " THEN 1 ELSE 0 END");
            flagParams.addAll(f.params());
            return r -> r.flag(idx);
        }
        return switch (f.kind()) {
            case "leaf" -> f.leafTest();
            case "and" -> f.children().stream().map(this::full).reduce(r -> true, Predicate::and);
            case "or" -> f.children().stream().map(this::full).reduce(r -> false, Predicate::or);
            default -> full(f.children().get(0)).negate();
        };
    }

    /** Note text is stored NFC-normalised, so note-text searches are normalised too. */
    private static String nfc(String s) {
        return TextUtil.nfc(s);
    }

    private Fragment leaf(SearchNode n) {
        if (n instanceof All) return Fragment.all();
        // note text is stored NFC-normalised, so the search text is normalised too
        if (n instanceof Text t)
            return ctx.ignoreAccents() ? noteTerms.noCombining(nfc(t.text())) : noteTerms.text(nfc(t.text()));
        if (n instanceof Field f) return noteTerms.field(new Field(nfc(f.field()), nfc(f.text()), f.mode()));
        if (n instanceof Deck d) return cardTerms.deck(d.name());
        if (n instanceof DeckIds d) return cardTerms.deckIds(d.ids());
        if (n instanceof SearchNode.Note nt) return noteTerms.notetype(nt.name());
        if (n instanceof Card c) return cardTerms.card(c);
        if (n instanceof Tag t) return noteTerms.tag(t);
        if (n instanceof State s) return cardTerms.state(s.kind());
        if (n instanceof Flag f) return Fragment.cards("MOD(c.flags, 8) = ?", List.of(f.flag()));
        if (n instanceof Prop p) return cardTerms.prop(p);
        if (n instanceof Added a) {
            return Fragment.cards("c.id > ?", List.of((ctx.nextDayAtSecs() - 86_400L * a.days()) * 1000));
        }
        if (n instanceof Edited e)
            return Fragment.notes("n.mtime > ?", List.of(ctx.nextDayAtSecs() - 86_400L * e.days()));
        if (n instanceof Rated r)
            return cardTerms.rated(">", -r.days(), r.manual() ? -1 : r.button() == null ? 0 : r.button());
        if (n instanceof Introduced i) return CardTerms.revlogCards(cardTerms.introducedCards(i.days()));
        if (n instanceof NoteIds ids) {
            // card searches need not join notes for nid:
            return target == Target.CARDS
                    ? Fragment.cards(Fragment.in("c.nid", ids.ids()), List.copyOf(ids.ids()))
                    : Fragment.notes(Fragment.in("n.id", ids.ids()), List.copyOf(ids.ids()));
        }
        if (n instanceof CardIds ids) return Fragment.cards(Fragment.in("c.id", ids.ids()), List.copyOf(ids.ids()));
        if (n instanceof Mid m) return Fragment.notes("n.mid = ?", List.of(m.id()));
        if (n instanceof Dupe d) return noteTerms.dupe(d);
        if (n instanceof Regex r) return noteTerms.regex(nfc(r.pattern()));
        if (n instanceof NoCombining nc) return noteTerms.noCombining(nfc(nc.text()));
        if (n instanceof StripClozes sc) return noteTerms.stripClozes(nfc(sc.text()));
        if (n instanceof Word w) return noteTerms.word(nfc(w.text()));
        if (n instanceof CustomData cd) {
            return cardTerms.customData(
                    cd.key(), r -> CardData.parse(r.cardData()).customData().containsKey(cd.key()));
        }
        if (n instanceof Preset p) return cardTerms.preset(p.name());
        throw new IllegalStateException("unhandled node " + n);
    }
}
