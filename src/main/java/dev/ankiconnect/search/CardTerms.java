package dev.ankiconnect.search;

import static dev.ankiconnect.search.Fragment.ESC;
import static dev.ankiconnect.search.Fragment.FALSE;
import static dev.ankiconnect.search.Fragment.in;

import dev.ankiconnect.search.SearchNode.*;
import dev.ankiconnect.text.NativeDeckName;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Card-table terms: decks, templates, states, props, revlog windows and FSRS/custom data. */
final class CardTerms {
    private static final String DUE_OR_ODUE = "(CASE WHEN c.odue <> 0 THEN c.odue ELSE c.due END)";

    private final SearchContext ctx;

    CardTerms(SearchContext ctx) {
        this.ctx = ctx;
    }

    /** {@code deck:} resolves names (children included) to ids here; matches current or home deck. */
    Fragment deck(String name) {
        if (name.equals("*")) return Fragment.cards("1 = 1", List.of());
        if (name.equals("filtered")) return Fragment.cards("c.odid <> 0", List.of());
        return deckIn(deckIdsNamed(name));
    }

    /** The ids of the decks {@code deck:name} means (not {@code *} or {@code filtered}), children included. */
    List<Long> deckIdsNamed(String name) {
        String glob = name;
        if (name.equals("current")) {
            glob = Glob.escape(ctx.deckNames().getOrDefault(ctx.currentDeckId(), "Default"));
        }
        String native_ = NativeDeckName.of(TextUtil.nfc(glob));
        Glob.Matcher p = Glob.matcher(native_, Glob.Case.UNICODE);
        List<Long> ids = new ArrayList<>();
        for (var e : new TreeMap<>(ctx.deckNames()).entrySet()) {
            if (deckMatches(p, NativeDeckName.of(e.getValue()))) ids.add(e.getKey());
        }
        return ids;
    }

    /** The name (levels joined by U+001F) or one of its parents matches the glob in full. */
    static boolean deckMatches(Glob.Matcher p, String nativeName) {
        if (p.matches(nativeName)) return true;
        for (int i = nativeName.indexOf(NativeDeckName.LEVEL_SEPARATOR);
                i >= 0;
                i = nativeName.indexOf(NativeDeckName.LEVEL_SEPARATOR, i + 1)) {
            if (p.matches(nativeName, i)) return true;
        }
        return false;
    }

    Fragment deckIn(List<Long> ids) {
        if (ids.isEmpty()) return Fragment.cards(FALSE, List.of());
        return deckIds(ids);
    }

    /**
     * Cards whose current or home deck is listed: an OR of the two, so that a search of this term alone (or of it and
     * other card terms) is written as the UNION of two index scans (see SqlWriter) instead of one scan testing both.
     */
    Fragment deckIds(List<Long> ids) {
        Fragment current = Fragment.cards(in("c.did", ids), List.copyOf(ids));
        if (ids.contains(0L)) {
            return Fragment.or(List.of(current, Fragment.cards(in("c.odid", ids), List.copyOf(ids))));
        }
        // "c.odid <> 0" changes nothing (0 is not in the list) but lets PostgreSQL use its partial index of the
        // cards in filtered decks (ix_cards_odid) for the home-deck half
        return Fragment.or(
                List.of(current, Fragment.cards("(c.odid <> 0 AND " + in("c.odid", ids) + ")", List.copyOf(ids))));
    }

    Fragment preset(String name) {
        return deckIn(presetDeckIds(name));
    }

    /** The decks using the preset named {@code name} (case-insensitive). */
    List<Long> presetDeckIds(String name) {
        List<Long> ids = new ArrayList<>();
        for (var e : new TreeMap<>(ctx.deckPresetNames()).entrySet()) {
            if (e.getValue().equalsIgnoreCase(name)) ids.add(e.getKey());
        }
        return ids;
    }

    Fragment card(Card c) {
        if (c.ordinal() != null) return Fragment.cards("c.ord = ?", List.of(c.ordinal()));
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (var e : templateOrds(c.name()).entrySet()) {
            for (int ord : e.getValue()) {
                parts.add("(n.mid = ? AND c.ord = ?)");
                params.add(e.getKey());
                params.add(ord);
            }
        }
        if (parts.isEmpty()) return Fragment.both(FALSE, List.of());
        return Fragment.both(parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")", params);
    }

    /**
     * {@code card:name}: notetype id to the ordinals of its templates whose name matches (ordered by notetype).
     * Cloze notetypes have one template (ord 0), so card:Cloze finds only c1 cards, as in Anki.
     */
    java.util.Map<Long, List<Integer>> templateOrds(String name) {
        Glob.Matcher p = Glob.matcher(TextUtil.nfc(name), Glob.Case.UNICODE);
        java.util.Map<Long, List<Integer>> out = new TreeMap<>();
        for (var e : new TreeMap<>(ctx.notetypeTemplates()).entrySet()) {
            List<String> names = e.getValue();
            for (int i = 0; i < names.size(); i++) {
                if (p.matches(names.get(i)))
                    out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    Fragment state(StateKind k) {
        return switch (k) {
            case NEW -> Fragment.cards("c.ctype = 0", List.of());
            case LEARN -> Fragment.cards("c.ctype IN (1, 3)", List.of());
            case REVIEW -> Fragment.cards("c.ctype IN (2, 3)", List.of());
            case DUE ->
                Fragment.cards(
                        "((c.queue IN (2, 3) AND c.due <= ?) OR (c.queue IN (1, 4) AND c.due <= ?))",
                        List.of(ctx.today(), ctx.nowSecs() + ctx.learnAheadSecs()));
            case SUSPENDED -> Fragment.cards("c.queue = -1", List.of());
            case BURIED -> Fragment.cards("c.queue IN (-2, -3)", List.of());
            case BURIED_SIBLING -> Fragment.cards("c.queue = -2", List.of());
            case BURIED_MANUALLY -> Fragment.cards("c.queue = -3", List.of());
        };
    }

    static String sqlOp(String op) {
        return op.equals("!=") ? "<>" : op;
    }

    Fragment prop(Prop p) {
        String op = sqlOp(p.op());
        long n = (long) p.value();
        return switch (p.property()) {
            case "ivl" -> Fragment.cards("c.ivl " + op + " ?", List.of(n));
            case "reps" -> Fragment.cards("c.reps " + op + " ?", List.of(n));
            case "lapses" -> Fragment.cards("c.lapses " + op + " ?", List.of(n));
            // Anki truncates the f32 product
            case "ease" -> Fragment.cards("c.factor " + op + " ?", List.of((long) ((float) p.value() * 1000f)));
            case "pos" -> Fragment.cards("(c.ctype = 0 AND " + DUE_OR_ODUE + " " + op + " ?)", List.of(n));
            case "due" ->
                Fragment.cards(
                        "((c.queue IN (2, 3) AND " + DUE_OR_ODUE + " " + op + " ?) OR (c.queue IN (1, 4) AND ("
                                + DUE_OR_ODUE + " - ?) / 86400 " + op + " ?))",
                        List.of(ctx.today() + n, ctx.nextDayAtSecs(), n));
            case "rated" -> rated(p.op(), n, p.button() == null ? 0 : p.button());
            case "resched" -> rated(p.op(), n, -1);
            case "s" -> cardData("s", r -> compare(CardData.parse(r.cardData()).number("s"), p.op(), p.value()));
            // the user scale 0-1 maps to the stored difficulty 1-10
            case "d" ->
                cardData("d", r -> compare(CardData.parse(r.cardData()).number("d"), p.op(), p.value() * 9 + 1));
            case "r" -> cardData("s", r -> compare(retrievability(r), p.op(), p.value()));
            case "cdn" ->
                customData(
                        p.key(),
                        r -> CardData.parse(r.cardData()).customData().get(p.key()) instanceof Number x
                                && compare(x.doubleValue(), p.op(), p.value()));
            case "cds" ->
                customData(
                        p.key(),
                        r -> CardData.parse(r.cardData()).customData().get(p.key()) instanceof String s
                                && compare(s.compareTo(p.text()), p.op()));
            default -> throw new IllegalStateException("unknown prop " + p.property());
        };
    }

    /**
     * Anki's revlog-day window relative to the next day start: {@code rated:N} is {@code prop:rated>-N}.
     * {@code ease}: -1 manual reschedule (ease 0), 0 any answer (ease > 0), 1-4 that button.
     */
    Fragment rated(String op, long days, int ease) {
        return revlogCards(ratedCards(op, days, ease));
    }

    /** The cards with a revlog entry in the window (see {@link #rated}), as a sub-query of card ids. */
    Subquery ratedCards(String op, long days, int ease) {
        long target = (ctx.nextDayAtSecs() + 86_400L * days) * 1000;
        long dayBefore = (ctx.nextDayAtSecs() + 86_400L * (days - 1)) * 1000;
        String range;
        List<Object> params = new ArrayList<>(List.of(ctx.profileId()));
        switch (op) {
            case ">" -> {
                range = "r.id >= ?";
                params.add(target);
            }
            case ">=" -> {
                range = "r.id >= ?";
                params.add(dayBefore);
            }
            case "<" -> {
                range = "r.id < ?";
                params.add(dayBefore);
            }
            case "<=" -> {
                range = "r.id < ?";
                params.add(target);
            }
            case "=" -> {
                range = "r.id BETWEEN ? AND ?";
                params.add(dayBefore);
                params.add(target - 1);
            }
            default -> {
                range = "r.id NOT BETWEEN ? AND ?";
                params.add(dayBefore);
                params.add(target - 1);
            }
        }
        String easeSql = ease < 0 ? "r.ease = 0" : ease == 0 ? "r.ease > 0" : "r.ease = ?";
        if (ease > 0) params.add(ease);
        return new Subquery(
                "SELECT r.cid FROM revlog r WHERE r.profile_id = ? AND " + range + " AND " + easeSql, params);
    }

    /** {@code introduced:N}: cards whose first answer falls in the last N days. */
    Subquery introducedCards(int days) {
        return new Subquery(
                "SELECT r.cid FROM revlog r WHERE r.profile_id = ? AND r.ease <> 0"
                        + " GROUP BY r.cid HAVING MIN(r.id) > ?",
                List.of(ctx.profileId(), (ctx.nextDayAtSecs() - 86_400L * days) * 1000));
    }

    static Fragment revlogCards(Subquery q) {
        return Fragment.cards("c.id IN (" + q.sql() + ")", q.params());
    }

    /** Conditions on cards.data JSON: narrow to rows mentioning the top-level key, decide in the JVM. */
    Fragment cardData(String key, Predicate<SearchRow> test) {
        return cardDataLike("%\"" + Glob.toLike(Glob.escape(key), Glob.Like.EXACT) + "\"%", test);
    }

    /** Custom-data keys may sit inside the JSON-encoded {@code cd} string ({@code \"key\"}), so match bare. */
    Fragment customData(String key, Predicate<SearchRow> test) {
        return cardDataLike(Glob.toLikeContains(Glob.escape(key), Glob.Like.EXACT), test);
    }

    Fragment cardDataLike(String like, Predicate<SearchRow> test) {
        return Fragment.cardFilter("c.data LIKE ?" + ESC, List.of(like), test);
    }

    static boolean compare(Double v, String op, double x) {
        return v != null && compare(v.doubleValue(), op, x);
    }

    /** {@code v op x} for Anki's comparison operators (longs up to 2^53, ids and days included, are exact). */
    static boolean compare(double v, String op, double x) {
        return switch (op) {
            case "<" -> v < x;
            case ">" -> v > x;
            case "<=" -> v <= x;
            case ">=" -> v >= x;
            case "=" -> v == x;
            default -> v != x;
        };
    }

    static boolean compare(int cmp, String op) {
        return compare((double) cmp, op, 0);
    }

    /**
     * Current FSRS retrievability {@code (1 + f*t/S)^-decay}, {@code f = 0.9^(1/-decay) - 1}, t in days: since
     * {@code lrt} if stored, else derived from due - ivl (seconds for learning cards, days otherwise), as Anki's
     * extract_fsrs_retrievability. Needs both s and d (a memory state); new cards never match.
     */
    Double retrievability(SearchRow r) {
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
}
