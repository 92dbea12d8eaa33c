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

    private SqlWriter(SearchContext ctx, Target target) {
        this.ctx = Objects.requireNonNull(ctx);
        this.target = Objects.requireNonNull(target);
        this.noteTerms = new NoteTerms(ctx);
        this.cardTerms = new CardTerms(ctx);
    }

    /** Parses and compiles {@code query}; throws {@link SearchSyntaxException} for malformed queries. */
    public static CompiledSearch compile(String query, SearchContext ctx, Target target) {
        return compile(SearchParser.parse(query), ctx, target);
    }

    /** Compiles an already parsed tree. */
    public static CompiledSearch compile(SearchNode root, SearchContext ctx, Target target) {
        return new SqlWriter(ctx, target).write(root);
    }

    private CompiledSearch write(SearchNode root) {
        Fragment f = node(root);
        Predicate<SearchRow> filter = residual(f);
        boolean cardsTarget = target == Target.CARDS;
        boolean joinCards = cardsTarget || f.cards();
        if (!cardsTarget && f.cards() && !f.notes() && filter == null) {
            // a note search on card columns only (deck:, is:, prop:, ...) needs no notes at all: the distinct
            // note ids of the matching cards, without joining 100,000 notes to their cards
            List<Object> params = new ArrayList<>();
            params.add(ctx.profileId());
            params.addAll(f.params());
            return new CompiledSearch("SELECT DISTINCT c.nid FROM cards c WHERE c.profile_id = ? AND " + f.sql()
                    + " ORDER BY c.nid", params, target, List.of("c.nid"), false, 0, null);
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
        return new CompiledSearch(sql.toString(), params, target, filter == null ? List.of(base + ".id") : names,
                filter != null && joinCards, filter == null ? 0 : flagSql.size(), filter);
    }


    private Fragment node(SearchNode n) {
        if (n instanceof And a) return Fragment.and(a.children().stream().map(this::node).toList());
        if (n instanceof Or o) return Fragment.or(o.children().stream().map(this::node).toList());
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
        if (n instanceof Text t) return ctx.ignoreAccents() ? noteTerms.noCombining(nfc(t.text())) : noteTerms.text(nfc(t.text()));
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
        if (n instanceof Edited e) return Fragment.notes("n.mtime > ?", List.of(ctx.nextDayAtSecs() - 86_400L * e.days()));
        if (n instanceof Rated r) return cardTerms.rated(">", -r.days(), r.manual() ? -1 : r.button() == null ? 0 : r.button());
        if (n instanceof Introduced i) return CardTerms.revlogCards(cardTerms.introducedCards(i.days()));
        if (n instanceof NoteIds ids) {
            // card searches need not join notes for nid:
            return target == Target.CARDS ? Fragment.cards(Fragment.in("c.nid", ids.ids()), List.copyOf(ids.ids()))
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
            return cardTerms.customData(cd.key(), r -> CardData.parse(r.cardData()).customData().containsKey(cd.key()));
        }
        if (n instanceof Preset p) return cardTerms.preset(p.name());
        throw new IllegalStateException("unhandled node " + n);
    }

}
