package dev.ankiconnect.search;

import dev.ankiconnect.search.SearchNode.*;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a search tree into one parameterised SQL statement over {@code cards c} / {@code notes n}
 * (revlog via sub-queries) restricted to one profile, plus a JVM row filter for what portable SQL cannot match
 * exactly. Results are ordered by ascending id ({@code ORDER BY c.id} / {@code ORDER BY n.id}).
 */
public final class SqlWriter {

    private static final String ESC = " ESCAPE '\\'";
    private static final String FALSE = "1 = 0";
    private static final String DUE_OR_ODUE = "(CASE WHEN c.odue <> 0 THEN c.odue ELSE c.due END)";

    private final SearchContext ctx;
    private final Target target;
    private boolean needNotes;
    private boolean needCards;
    private final List<String> flagSql = new ArrayList<>();
    private final List<Object> flagParams = new ArrayList<>();

    private SqlWriter(SearchContext ctx, Target target) {
        this.ctx = Objects.requireNonNull(ctx);
        this.target = Objects.requireNonNull(target);
    }

    /** Parses and compiles {@code query}; throws {@link SearchSyntaxException} for malformed queries. */
    public static CompiledSearch compile(String query, SearchContext ctx, Target target) {
        return compile(SearchParser.parse(query), ctx, target);
    }

    /** Compiles an already parsed tree. */
    public static CompiledSearch compile(SearchNode root, SearchContext ctx, Target target) {
        return new SqlWriter(ctx, target).write(root);
    }

    /**
     * A compiled sub-tree. {@code sql} (null = TRUE) is exact when {@code exact}, otherwise a superset that
     * never drops a true match; {@code leafTest} is the full JVM semantics of an inexact leaf.
     */
    private record Frag(String kind, String sql, List<Object> params, boolean exact,
            Predicate<SearchRow> leafTest, List<Frag> children) {}

    private static Frag exact(String sql, List<Object> params) {
        return new Frag("leaf", sql, params, true, null, List.of());
    }

    private static Frag approx(String sql, List<Object> params, Predicate<SearchRow> test) {
        return new Frag("leaf", sql, params, false, test, List.of());
    }

    private CompiledSearch write(SearchNode root) {
        Frag f = node(root);
        Predicate<SearchRow> filter = residual(f);
        if (filter != null) {
            // the filter reads note columns, so card searches join notes as well
            needNotes = true;
        }
        boolean cardsTarget = target == Target.CARDS;
        boolean joinCards = cardsTarget || needCards;
        boolean joinNotes = !cardsTarget || needNotes;
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
        return new CompiledSearch(sql.toString(), params, target, filter == null ? List.of(base + ".id") : names,
                filter != null && joinCards, filter == null ? 0 : flagSql.size(), filter);
    }

    // ---- boolean structure -------------------------------------------------------------------------------

    private Frag node(SearchNode n) {
        if (n instanceof And a) return and(a.children().stream().map(this::node).toList());
        if (n instanceof Or o) return or(o.children().stream().map(this::node).toList());
        if (n instanceof Not x) return not(node(x.child()));
        return leaf(n);
    }

    private static Frag and(List<Frag> kids) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        for (Frag k : kids) {
            exact &= k.exact();
            if (k.sql() != null) {
                parts.add(k.sql());
                params.addAll(k.params());
            }
        }
        String sql = parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
        return new Frag("and", sql, params, exact, null, kids);
    }

    private static Frag or(List<Frag> kids) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        boolean anyTrue = false;
        for (Frag k : kids) {
            exact &= k.exact();
            if (k.sql() == null) {
                anyTrue = true;
            } else {
                parts.add(k.sql());
                params.addAll(k.params());
            }
        }
        if (anyTrue) {
            // one side can only be narrowed to TRUE, so the whole OR cannot narrow
            return new Frag("or", null, List.of(), exact, null, kids);
        }
        String sql = parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
        return new Frag("or", sql, params, exact, null, kids);
    }

    private static Frag not(Frag k) {
        if (k.exact()) {
            return new Frag("not", k.sql() == null ? FALSE : "NOT " + k.sql(), k.params(), true, null, List.of(k));
        }
        return new Frag("not", null, List.of(), false, null, List.of(k));
    }

    /** The JVM check still needed once the WHERE clause holds; null if the SQL is exact. */
    private Predicate<SearchRow> residual(Frag f) {
        if (f.exact()) return null;
        if (f.kind().equals("leaf")) return f.leafTest();
        if (f.kind().equals("and")) {
            Predicate<SearchRow> p = null;
            for (Frag k : f.children()) {
                Predicate<SearchRow> r = residual(k);
                if (r != null) p = p == null ? r : p.and(r);
            }
            return p;
        }
        return full(f);
    }

    /** Full semantics of a sub-tree in the JVM; exact parts are read from CASE flag columns. */
    private Predicate<SearchRow> full(Frag f) {
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

    // ---- leaves -------------------------------------------------------------------------------------------

    private Frag leaf(SearchNode n) {
        if (n instanceof All) return exact(null, List.of());
        // note text is stored NFC-normalised, so the search text is normalised too
        if (n instanceof Text t) return ctx.ignoreAccents() ? noCombining(nfc(t.text())) : text(nfc(t.text()));
        if (n instanceof Field f) return field(new Field(nfc(f.field()), nfc(f.text()), f.mode()));
        if (n instanceof Deck d) return deck(d.name());
        if (n instanceof DeckIds d) return deckIds(d.ids());
        if (n instanceof SearchNode.Note nt) return notetype(nt.name());
        if (n instanceof Card c) return card(c);
        if (n instanceof Tag t) return tag(t);
        if (n instanceof State s) return state(s.kind());
        if (n instanceof Flag f) return cards("MOD(c.flags, 8) = ?", List.of(f.flag()));
        if (n instanceof Prop p) return prop(p);
        if (n instanceof Added a) {
            return cards("c.id > ?", List.of((ctx.nextDayAtSecs() - 86_400L * a.days()) * 1000));
        }
        if (n instanceof Edited e) return notes("n.mtime > ?", List.of(ctx.nextDayAtSecs() - 86_400L * e.days()));
        if (n instanceof Rated r) return rated(">", -r.days(), r.manual() ? -1 : r.button() == null ? 0 : r.button());
        if (n instanceof Introduced i) {
            return cards("c.id IN (SELECT r.cid FROM revlog r WHERE r.profile_id = ? AND r.ease <> 0"
                    + " GROUP BY r.cid HAVING MIN(r.id) > ?)",
                    List.of(ctx.profileId(), (ctx.nextDayAtSecs() - 86_400L * i.days()) * 1000));
        }
        if (n instanceof NoteIds ids) {
            // card searches need not join notes for nid:
            return target == Target.CARDS ? cards(in("c.nid", ids.ids()), List.copyOf(ids.ids()))
                    : notes(in("n.id", ids.ids()), List.copyOf(ids.ids()));
        }
        if (n instanceof CardIds ids) return cards(in("c.id", ids.ids()), List.copyOf(ids.ids()));
        if (n instanceof Mid m) return notes("n.mid = ?", List.of(m.id()));
        if (n instanceof Dupe d) return dupe(d);
        if (n instanceof Regex r) return regex(nfc(r.pattern()));
        if (n instanceof NoCombining nc) return noCombining(nfc(nc.text()));
        if (n instanceof StripClozes sc) return stripClozes(nfc(sc.text()));
        if (n instanceof Word w) return word(nfc(w.text()));
        if (n instanceof CustomData cd) {
            return customData(cd.key(), r -> CardData.parse(r.cardData()).customData().containsKey(cd.key()));
        }
        if (n instanceof Preset p) return preset(p.name());
        throw new IllegalStateException("unhandled node " + n);
    }

    private static String nfc(String s) {
        return TextUtil.nfc(s);
    }

    private Frag cards(String sql, List<Object> params) {
        needCards = true;
        return exact(sql, params);
    }

    private Frag notes(String sql, List<Object> params) {
        needNotes = true;
        return exact(sql, params);
    }

    private static String in(String column, Collection<Long> ids) {
        if (ids.isEmpty()) return FALSE;
        return column + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
    }

    /** Unqualified text: SQLite LIKE (ASCII case folding) on sfld or flds, implicit {@code *} at both ends. */
    private Frag text(String glob) {
        needNotes = true;
        String sql = "(n.sfld LIKE ?" + ESC + " OR n.flds LIKE ?" + ESC + ")";
        if (Glob.likeIsExact(glob) && !ctx.anyExcludedFields()) {
            // no ASCII letters and no '_': LIKE is the same in SQLite, Derby and PostgreSQL
            String like = Glob.toLikeContains(glob, Glob.Like.EXACT);
            return exact(sql, List.of(like, like));
        }
        String like = Glob.toLikeContains(glob, Glob.Like.ASCII_CI);
        Pattern p = Glob.likePattern(glob, false);
        return approx(sql, List.of(like, like), unqualified(s -> p.matcher(s).find(), s -> s));
    }

    private Frag noCombining(String glob) {
        needNotes = true;
        Pattern p = Glob.likePattern(TextUtil.withoutCombining(glob), false);
        return approx(null, List.of(), unqualified(s -> p.matcher(s).find(), TextUtil::withoutCombining));
    }

    /** {@code sc:} is an unqualified search over text with cloze markup removed, in cloze notetypes only. */
    private Frag stripClozes(String glob) {
        needNotes = true;
        List<Long> mids = new ArrayList<>(new TreeSet<>(ctx.clozeNotetypeIds()));
        boolean nc = ctx.ignoreAccents();
        Pattern p = Glob.likePattern(nc ? TextUtil.withoutCombining(glob) : glob, false);
        Predicate<SearchRow> test = unqualified(s -> p.matcher(s).find(),
                s -> nc ? TextUtil.withoutCombining(TextUtil.stripClozes(s)) : TextUtil.stripClozes(s));
        return approx(in("n.mid", mids), List.copyOf(mids),
                r -> ctx.clozeNotetypeIds().contains(r.mid()) && test.test(r));
    }

    /**
     * Anki's unqualified matching: sort field or joined fields; when a notetype excludes fields, only the
     * remaining fields (adjacent ones joined by U+001F) and the sort field unless it is excluded.
     */
    private Predicate<SearchRow> unqualified(Predicate<String> match, java.util.function.UnaryOperator<String> prep) {
        if (!ctx.anyExcludedFields()) {
            return r -> match.test(prep.apply(r.sfld())) || match.test(prep.apply(r.flds()));
        }
        return r -> {
            List<String> names = ctx.notetypeFields().get(r.mid());
            if (names == null) return false;
            java.util.Set<Integer> excluded = ctx.excludedFields().getOrDefault(r.mid(), java.util.Set.of());
            List<Integer> included = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!excluded.contains(i)) included.add(i);
            }
            if (included.isEmpty()) return false;
            String[] fields = TextUtil.fields(r.flds());
            for (int[] range : ranges(included, true)) {
                if (match.test(prep.apply(joinRange(fields, range)))) return true;
            }
            boolean sortExcluded = excluded.contains(ctx.sortFieldIndex().getOrDefault(r.mid(), 0));
            return !sortExcluded && match.test(prep.apply(r.sfld()));
        };
    }

    /** Groups sorted ordinals into [start, end] ranges, merging neighbours when {@code join}. */
    private static List<int[]> ranges(List<Integer> ords, boolean join) {
        List<int[]> out = new ArrayList<>();
        for (int ord : ords) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (join && last != null && last[1] + 1 == ord) {
                last[1] = ord;
            } else {
                out.add(new int[] {ord, ord});
            }
        }
        return out;
    }

    private static String joinRange(String[] fields, int[] range) {
        StringBuilder b = new StringBuilder();
        for (int i = range[0]; i <= range[1]; i++) {
            if (i > range[0]) b.append('\u001f');
            if (i < fields.length) b.append(fields[i]);
        }
        return b.toString();
    }

    private Frag regex(String re) {
        needNotes = true;
        return approx(null, List.of(), regexFields(compileRegex(re, Glob.UNICODE_CI)));
    }

    /** {@code w:} is a regex search with {@code \b} around the glob (Anki's to_re: * is .*, _ is .). */
    private Frag word(String glob) {
        needNotes = true;
        boolean nc = ctx.ignoreAccents();
        String g = nc ? TextUtil.withoutCombining(glob) : glob;
        Pattern p = compileRegex("\\b" + Glob.toRegex(g, ".*", ".") + "\\b", Glob.UNICODE_CI);
        Predicate<SearchRow> test = regexFields(p);
        if (!nc) return approx(null, List.of(), test);
        return approx(null, List.of(), r -> test.test(new SearchRow(r.id(), r.noteId(), r.mid(),
                TextUtil.withoutCombining(r.flds()), r.sfld(), r.tags(), r.cardData(), r.ctype(), r.queue(), r.due(),
                r.odue(), r.ivl(), r.flags())));
    }

    /** Regex over the joined fields, or over each non-excluded field when a notetype excludes some. */
    private Predicate<SearchRow> regexFields(Pattern p) {
        if (!ctx.anyExcludedFields()) {
            return r -> p.matcher(r.flds()).find();
        }
        return r -> {
            List<String> names = ctx.notetypeFields().get(r.mid());
            if (names == null) return false;
            java.util.Set<Integer> excluded = ctx.excludedFields().getOrDefault(r.mid(), java.util.Set.of());
            if (excluded.isEmpty()) return p.matcher(r.flds()).find();
            String[] fields = TextUtil.fields(r.flds());
            for (int i = 0; i < fields.length && i < names.size(); i++) {
                if (!excluded.contains(i) && p.matcher(fields[i]).find()) return true;
            }
            return false;
        };
    }

    private static Pattern compileRegex(String re, int flags) {
        try {
            return Pattern.compile(re, flags);
        } catch (PatternSyntaxException e) {
            throw SearchSyntaxException.regex(e.getDescription());
        }
    }

    /** {@code field:value}: narrow by notetype and a flds LIKE, then check the exact field in the JVM. */
    private Frag field(Field f) {
        needNotes = true;
        String name = f.field();
        boolean allFields = name.equals("*") || name.equals("_*") || name.equals("*_");
        Pattern namePattern = Pattern.compile("^" + Glob.toRegex(name, ".*", ".") + "$", Glob.UNICODE_CI | Pattern.DOTALL);
        Map<Long, List<Integer>> ords = new java.util.TreeMap<>();
        for (var e : ctx.notetypeFields().entrySet()) {
            List<String> names = e.getValue();
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (allFields || namePattern.matcher(names.get(i)).matches()) hits.add(i);
            }
            if (!hits.isEmpty()) ords.put(e.getKey(), hits);
        }
        if (ords.isEmpty()) {
            return exact(FALSE, List.of());
        }
        Predicate<String> value;
        String like = null;
        switch (f.mode()) {
            case REGEX -> {
                Pattern p = compileRegex(f.text(), Glob.UNICODE_CI);
                value = s -> p.matcher(s).find();
            }
            case NO_COMBINING -> {
                Pattern p = Glob.likePattern(TextUtil.withoutCombining(f.text()), true);
                value = s -> p.matcher(TextUtil.withoutCombining(s)).matches();
            }
            default -> {
                if (allFields) {
                    // all-field searches use a Unicode case-insensitive regex in Anki
                    Pattern p = Pattern.compile("^" + Glob.toRegex(f.text(), ".*", ".") + "$",
                            Glob.UNICODE_CI | Pattern.DOTALL);
                    value = s -> p.matcher(s).matches();
                    like = Glob.toLikeContains(f.text(), Glob.Like.UNICODE_CI);
                } else {
                    Pattern p = Glob.likePattern(f.text(), true);
                    value = s -> p.matcher(s).matches();
                    like = Glob.toLikeContains(f.text(), Glob.Like.ASCII_CI);
                }
            }
        }
        List<Long> mids = new ArrayList<>(ords.keySet());
        List<Object> params = new ArrayList<>(mids);
        String sql = in("n.mid", mids);
        if (like != null && !like.equals("%")) {
            sql = "(" + sql + " AND n.flds LIKE ?" + ESC + ")";
            params.add(like);
        }
        // Anki matches adjacent matching fields (e.g. f*:x hitting two neighbours) as one U+001F-joined
        // range, except for regex and the "non-empty" values * _* *_ which test each field alone
        boolean join = f.mode() != FieldMode.REGEX && !allFields
                && !(f.text().equals("*") || f.text().equals("_*") || f.text().equals("*_"));
        return approx(sql, params, r -> {
            List<Integer> hit = ords.get(r.mid());
            if (hit == null) return false;
            String[] fields = TextUtil.fields(r.flds());
            for (int[] range : ranges(hit, join)) {
                if (range[0] < fields.length && value.test(joinRange(fields, range))) return true;
            }
            return false;
        });
    }

    /** {@code deck:} resolves names (children included) to ids here; matches current or home deck. */
    private Frag deck(String name) {
        if (name.equals("*")) return cards("1 = 1", List.of());
        if (name.equals("filtered")) return cards("c.odid <> 0", List.of());
        String glob = name;
        if (name.equals("current")) {
            glob = Glob.escape(ctx.deckNames().getOrDefault(ctx.currentDeckId(), "Default"));
        }
        String native_ = TextUtil.nfc(glob).replace("::", "\u001f");
        Pattern p = Pattern.compile("^" + Glob.toRegex(native_, ".*", ".") + "($|\u001f)", Glob.UNICODE_CI | Pattern.DOTALL);
        List<Long> ids = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(ctx.deckNames()).entrySet()) {
            if (p.matcher(e.getValue().replace("::", "\u001f")).find()) ids.add(e.getKey());
        }
        return deckIn(ids);
    }

    private Frag deckIn(List<Long> ids) {
        if (ids.isEmpty()) return cards(FALSE, List.of());
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        return cards("(" + in("c.did", ids) + " OR " + in("c.odid", ids) + ")", params);
    }

    private Frag deckIds(List<Long> ids) {
        List<Object> params = new ArrayList<>(ids);
        params.addAll(ids);
        return cards("(" + in("c.did", ids) + " OR (c.odid <> 0 AND " + in("c.odid", ids) + "))", params);
    }

    private Frag preset(String name) {
        List<Long> ids = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(ctx.deckPresetNames()).entrySet()) {
            if (e.getValue().equalsIgnoreCase(name)) ids.add(e.getKey());
        }
        return deckIn(ids);
    }

    /** {@code note:}: Unicode case-insensitive name equality, or an anchored wildcard match. */
    private Frag notetype(String name) {
        Pattern p = Pattern.compile("^" + Glob.toRegex(TextUtil.nfc(name), ".*", ".") + "$", Glob.UNICODE_CI | Pattern.DOTALL);
        List<Long> ids = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(ctx.notetypeNames()).entrySet()) {
            if (p.matcher(e.getValue()).matches()) ids.add(e.getKey());
        }
        return notes(in("n.mid", ids), List.copyOf(ids));
    }

    private Frag card(Card c) {
        if (c.ordinal() != null) return cards("c.ord = ?", List.of(c.ordinal()));
        Pattern p = Pattern.compile("^" + Glob.toRegex(TextUtil.nfc(c.name()), ".*", ".") + "$", Glob.UNICODE_CI | Pattern.DOTALL);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(ctx.notetypeTemplates()).entrySet()) {
            List<String> names = e.getValue();
            for (int i = 0; i < names.size(); i++) {
                if (!p.matcher(names.get(i)).matches()) continue;
                // cloze notetypes have one template (ord 0), so card:Cloze finds only c1 cards, as in Anki
                parts.add("(n.mid = ? AND c.ord = ?)");
                params.add(e.getKey());
                params.add(i);
            }
        }
        needNotes = true;
        if (parts.isEmpty()) return cards(FALSE, List.of());
        return cards(parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")", params);
    }

    /**
     * {@code tag:}: ASCII names without wildcards are exact in SQL (LOWER on the VARCHAR tags column);
     * otherwise LIKE narrows and Anki's Unicode case-insensitive regex decides in the JVM.
     */
    private Frag tag(Tag t) {
        needNotes = true;
        if (t.regex()) {
            Pattern p = compileRegex(t.tag(), Glob.UNICODE_CI);
            return approx("n.tags <> ''", List.of(), r -> {
                for (String tag : r.tags().split(" ")) {
                    if (!tag.isEmpty() && p.matcher(tag).find()) return true;
                }
                return false;
            });
        }
        String glob = TextUtil.nfc(t.tag());
        if (glob.equals("none")) return notes("n.tags = ''", List.of());
        if (glob.equals("*")) return notes("1 = 1", List.of());
        if (Glob.literal(glob).contains(" ")) return notes(FALSE, List.of());
        boolean ascii = glob.chars().allMatch(ch -> ch < 128);
        if (ascii && !Glob.hasWildcard(glob)) {
            String lit = Glob.toLike(glob, Glob.Like.EXACT).toLowerCase(Locale.ROOT);
            return notes("(LOWER(n.tags) LIKE ?" + ESC + " OR LOWER(n.tags) LIKE ?" + ESC + ")",
                    List.of("% " + lit + " %", "% " + lit + "::%"));
        }
        Pattern p = Pattern.compile(" " + Glob.toRegex(glob, "\\S*", "\\S") + "(::| )", Glob.UNICODE_CI);
        String like = "% " + Glob.toLike(glob, Glob.Like.LOWER) + (glob.endsWith("*") && !glob.endsWith("\\*") ? "" : "%");
        return approx("LOWER(n.tags) LIKE ?" + ESC, List.of(like),
                r -> p.matcher(r.tags()).find());
    }

    private Frag state(StateKind k) {
        return switch (k) {
            case NEW -> cards("c.ctype = 0", List.of());
            case LEARN -> cards("c.ctype IN (1, 3)", List.of());
            case REVIEW -> cards("c.ctype IN (2, 3)", List.of());
            case DUE -> cards("((c.queue IN (2, 3) AND c.due <= ?) OR (c.queue IN (1, 4) AND c.due <= ?))",
                    List.of(ctx.today(), ctx.nowSecs() + ctx.learnAheadSecs()));
            case SUSPENDED -> cards("c.queue = -1", List.of());
            case BURIED -> cards("c.queue IN (-2, -3)", List.of());
            case BURIED_SIBLING -> cards("c.queue = -2", List.of());
            case BURIED_MANUALLY -> cards("c.queue = -3", List.of());
        };
    }

    private static String sqlOp(String op) {
        return op.equals("!=") ? "<>" : op;
    }

    private Frag prop(Prop p) {
        String op = sqlOp(p.op());
        long n = (long) p.value();
        return switch (p.property()) {
            case "ivl" -> cards("c.ivl " + op + " ?", List.of(n));
            case "reps" -> cards("c.reps " + op + " ?", List.of(n));
            case "lapses" -> cards("c.lapses " + op + " ?", List.of(n));
            // Anki truncates the f32 product
            case "ease" -> cards("c.factor " + op + " ?", List.of((long) ((float) p.value() * 1000f)));
            case "pos" -> cards("(c.ctype = 0 AND " + DUE_OR_ODUE + " " + op + " ?)", List.of(n));
            case "due" -> cards("((c.queue IN (2, 3) AND " + DUE_OR_ODUE + " " + op + " ?) OR (c.queue IN (1, 4) AND ("
                    + DUE_OR_ODUE + " - ?) / 86400 " + op + " ?))",
                    List.of(ctx.today() + n, ctx.nextDayAtSecs(), n));
            case "rated" -> rated(p.op(), n, p.button() == null ? 0 : p.button());
            case "resched" -> rated(p.op(), n, -1);
            case "s" -> cardData("s", r -> compare(CardData.parse(r.cardData()).number("s"), p.op(), p.value()));
            // the user scale 0-1 maps to the stored difficulty 1-10
            case "d" -> cardData("d", r -> compare(CardData.parse(r.cardData()).number("d"), p.op(),
                    p.value() * 9 + 1));
            case "r" -> cardData("s", r -> compare(retrievability(r), p.op(), p.value()));
            case "cdn" -> customData(p.key(), r -> CardData.parse(r.cardData()).customData().get(p.key())
                    instanceof Number x && compare(x.doubleValue(), p.op(), p.value()));
            case "cds" -> customData(p.key(), r -> CardData.parse(r.cardData()).customData().get(p.key())
                    instanceof String s && compare(s.compareTo(p.text()), p.op()));
            default -> throw new IllegalStateException("unknown prop " + p.property());
        };
    }

    /**
     * Anki's revlog-day window relative to the next day start: {@code rated:N} is {@code prop:rated>-N}.
     * {@code ease}: -1 manual reschedule (ease 0), 0 any answer (ease > 0), 1-4 that button.
     */
    private Frag rated(String op, long days, int ease) {
        long target = (ctx.nextDayAtSecs() + 86_400L * days) * 1000;
        long dayBefore = (ctx.nextDayAtSecs() + 86_400L * (days - 1)) * 1000;
        String range;
        List<Object> params = new ArrayList<>(List.of(ctx.profileId()));
        switch (op) {
            case ">" -> { range = "r.id >= ?"; params.add(target); }
            case ">=" -> { range = "r.id >= ?"; params.add(dayBefore); }
            case "<" -> { range = "r.id < ?"; params.add(dayBefore); }
            case "<=" -> { range = "r.id < ?"; params.add(target); }
            case "=" -> { range = "r.id BETWEEN ? AND ?"; params.add(dayBefore); params.add(target - 1); }
            default -> { range = "r.id NOT BETWEEN ? AND ?"; params.add(dayBefore); params.add(target - 1); }
        }
        String easeSql = ease < 0 ? "r.ease = 0" : ease == 0 ? "r.ease > 0" : "r.ease = ?";
        if (ease > 0) params.add(ease);
        return cards("c.id IN (SELECT r.cid FROM revlog r WHERE r.profile_id = ? AND " + range + " AND " + easeSql
                + ")", params);
    }

    /** Conditions on cards.data JSON: narrow to rows mentioning the top-level key, decide in the JVM. */
    private Frag cardData(String key, Predicate<SearchRow> test) {
        return cardDataLike("%\"" + Glob.toLike(Glob.escape(key), Glob.Like.EXACT) + "\"%", test);
    }

    /** Custom-data keys may sit inside the JSON-encoded {@code cd} string ({@code \"key\"}), so match bare. */
    private Frag customData(String key, Predicate<SearchRow> test) {
        return cardDataLike(Glob.toLikeContains(Glob.escape(key), Glob.Like.EXACT), test);
    }

    private Frag cardDataLike(String like, Predicate<SearchRow> test) {
        needCards = true;
        return approx("c.data LIKE ?" + ESC, List.of(like), test);
    }

    private static boolean compare(Double v, String op, double x) {
        if (v == null) return false;
        return switch (op) {
            case "<" -> v < x;
            case ">" -> v > x;
            case "<=" -> v <= x;
            case ">=" -> v >= x;
            case "=" -> v == x;
            default -> v != x;
        };
    }

    private static boolean compare(int cmp, String op) {
        return compare((double) cmp, op, 0);
    }

    /**
     * Current FSRS retrievability {@code (1 + f*t/S)^-decay}, {@code f = 0.9^(1/-decay) - 1}, t in days: since
     * {@code lrt} if stored, else derived from due - ivl (seconds for learning cards, days otherwise), as Anki's
     * extract_fsrs_retrievability. Needs both s and d (a memory state); new cards never match.
     */
    private Double retrievability(SearchRow r) {
        if (r.ctype() == 0) return null;
        CardData d = CardData.parse(r.cardData());
        Double s = d.number("s");
        if (s == null || d.number("d") == null || s <= 0) return null;
        Double decayValue = d.number("decay");
        double decay = decayValue != null ? decayValue : 0.5;
        Double lrt = d.number("lrt");
        long due = r.odue() != 0 ? r.odue() : r.due();
        long secs;
        if (lrt != null) {
            secs = Math.max(0, ctx.nowSecs() - lrt.longValue());
        } else if (due > 365_000) {
            secs = Math.max(0, ctx.nowSecs() - Math.max(0, due - r.ivl()));
        } else {
            secs = Math.max(0, ctx.today() - Math.max(0, due - r.ivl())) * 86_400;
        }
        double factor = Math.pow(0.9, 1 / -decay) - 1;
        return Math.pow(1 + factor * (secs / 86_400.0) / s, -decay);
    }

    private Frag dupe(Dupe d) {
        needNotes = true;
        String stripped = TextUtil.stripHtmlPreservingMedia(TextUtil.nfc(d.text()));
        long csum = TextUtil.checksum(stripped);
        return approx("(n.mid = ? AND n.csum = ?)", List.of(d.mid(), csum), r -> r.mid() == d.mid()
                && TextUtil.stripHtmlPreservingMedia(TextUtil.fields(r.flds())[0]).equals(stripped));
    }
}
