package dev.ankiconnect.search;

import dev.ankiconnect.search.SearchNode.*;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs a search tree over a {@link CollectionSnapshot} in the JVM, with the same meaning as the SQL that
 * {@link SqlWriter} writes: a note search whose terms read cards returns the notes having a matching card, a
 * note search on note terms alone tests each note once, a card search tests each card with its note. Only the
 * revlog terms ({@code rated:}, {@code introduced:}, {@code prop:rated}, {@code prop:resched}) still ask the
 * database, through {@link Revlog}, for the card ids of one sub-query. Ids come back in ascending order.
 */
public final class MemorySearch {

    /** Runs a revlog sub-query and returns the card ids it selects. */
    @FunctionalInterface
    public interface Revlog {
        Set<Long> cards(Subquery query);
    }

    /** A condition on one row: a note ({@code card} is -1 when no card is read) or a card with its note. */
    private interface RowTest {
        boolean test(int note, int card);
    }

    /** A compiled sub-tree and whether it reads card columns. */
    private record Term(RowTest test, boolean cards) {}

    /** Rows between two reads of the clock (a mask: every 1,024 rows). */
    private static final int CHECK = 1023;

    private static final Term TRUE = new Term((n, c) -> true, false);
    private static final Term FALSE = new Term((n, c) -> false, false);

    private final SearchContext ctx;
    private final CollectionSnapshot s;
    private final Revlog revlog;
    private final NoteTerms noteTerms;
    private final CardTerms cardTerms;

    private MemorySearch(SearchContext ctx, CollectionSnapshot snapshot, Revlog revlog) {
        this.ctx = ctx;
        this.s = snapshot;
        this.revlog = revlog;
        this.noteTerms = new NoteTerms(ctx);
        this.cardTerms = new CardTerms(ctx);
    }

    /** Parses and runs {@code query}; throws {@link SearchSyntaxException} for malformed queries. */
    public static List<Long> find(
            String query, SearchContext ctx, Target target, CollectionSnapshot snapshot, Revlog revlog) {
        return find(SearchParser.parse(query), ctx, target, snapshot, revlog);
    }

    /** Runs an already parsed tree. */
    public static List<Long> find(
            SearchNode root, SearchContext ctx, Target target, CollectionSnapshot snapshot, Revlog revlog) {
        return new MemorySearch(ctx, snapshot, revlog).run(root, target);
    }

    private List<Long> run(SearchNode root, Target target) {
        Term term = node(root);
        RowTest t = term.test();
        IdList out = new IdList(256);
        // the request's time budget is checked every CHECK rows
        if (target == Target.CARDS) {
            for (int c = 0; c < s.cardId.length; c++) {
                if ((c & CHECK) == 0) Deadline.check();
                if (t.test(s.cardNote[c], c)) out.add(s.cardId[c]);
            }
        } else if (!term.cards()) {
            for (int n = 0; n < s.noteId.length; n++) {
                if ((n & CHECK) == 0) Deadline.check();
                if (t.test(n, -1)) out.add(s.noteId[n]);
            }
        } else {
            boolean[] hit = new boolean[s.noteId.length];
            for (int c = 0; c < s.cardId.length; c++) {
                if ((c & CHECK) == 0) Deadline.check();
                int n = s.cardNote[c];
                if (!hit[n] && t.test(n, c)) hit[n] = true;
            }
            for (int n = 0; n < hit.length; n++) {
                if (hit[n]) out.add(s.noteId[n]);
            }
        }
        return out;
    }

    private Term node(SearchNode node) {
        if (node instanceof And a) {
            List<Term> kids = a.children().stream().map(this::node).toList();
            RowTest[] tests = kids.stream().map(Term::test).toArray(RowTest[]::new);
            return new Term(
                    (n, c) -> {
                        for (RowTest k : tests) {
                            if (!k.test(n, c)) return false;
                        }
                        return true;
                    },
                    kids.stream().anyMatch(Term::cards));
        }
        if (node instanceof Or o) {
            List<Term> kids = o.children().stream().map(this::node).toList();
            RowTest[] tests = kids.stream().map(Term::test).toArray(RowTest[]::new);
            return new Term(
                    (n, c) -> {
                        for (RowTest k : tests) {
                            if (k.test(n, c)) return true;
                        }
                        return false;
                    },
                    kids.stream().anyMatch(Term::cards));
        }
        if (node instanceof Not x) {
            Term k = node(x.child());
            RowTest t = k.test();
            return new Term((n, c) -> !t.test(n, c), k.cards());
        }
        return leaf(node);
    }

    private static String nfc(String text) {
        return TextUtil.nfc(text);
    }

    private Term leaf(SearchNode node) {
        if (node instanceof All) return TRUE;
        if (node instanceof Text t) return text(nfc(t.text()));
        if (node instanceof Field f) return notes(noteTerms.field(new Field(nfc(f.field()), nfc(f.text()), f.mode())));
        if (node instanceof Deck d) return deck(d.name());
        if (node instanceof DeckIds d) {
            boolean[] match = deckMatch(sorted(d.ids()));
            match[0] = false;
            return cards((n, c) -> match[s.deckOf[c]] || match[s.odeckOf[c]]);
        }
        if (node instanceof SearchNode.Note nt) {
            long[] mids = sorted(noteTerms.notetypeIds(nt.name()));
            return new Term((n, c) -> in(mids, s.mid[n]), false);
        }
        if (node instanceof Card c) return card(c);
        if (node instanceof Tag t) return tag(t);
        if (node instanceof State st) return state(st.kind());
        if (node instanceof Flag f) {
            int flag = f.flag();
            return cards((n, c) -> s.flags[c] % 8 == flag);
        }
        if (node instanceof Prop p) return prop(p);
        if (node instanceof Added a) {
            long after = (ctx.nextDayAtSecs() - 86_400L * a.days()) * 1000;
            return cards((n, c) -> s.cardId[c] > after);
        }
        if (node instanceof Edited e) {
            long after = ctx.nextDayAtSecs() - 86_400L * e.days();
            return new Term((n, c) -> s.noteMtime[n] > after, false);
        }
        if (node instanceof Rated r) {
            return revlogCards(
                    cardTerms.ratedCards(">", -r.days(), r.manual() ? -1 : r.button() == null ? 0 : r.button()));
        }
        if (node instanceof Introduced i) return revlogCards(cardTerms.introducedCards(i.days()));
        if (node instanceof NoteIds ids) {
            long[] set = sorted(ids.ids());
            return new Term((n, c) -> in(set, s.noteId[n]), false);
        }
        if (node instanceof CardIds ids) {
            long[] set = sorted(ids.ids());
            return cards((n, c) -> in(set, s.cardId[c]));
        }
        if (node instanceof Mid m) {
            long id = m.id();
            return new Term((n, c) -> s.mid[n] == id, false);
        }
        if (node instanceof Dupe d) return notes(noteTerms.dupe(d));
        if (node instanceof Regex r) return notes(noteTerms.regex(nfc(r.pattern())));
        if (node instanceof NoCombining nc) return notes(noteTerms.noCombining(nfc(nc.text())));
        if (node instanceof StripClozes sc) return notes(noteTerms.stripClozes(nfc(sc.text())));
        if (node instanceof Word w) return notes(noteTerms.word(nfc(w.text())));
        if (node instanceof CustomData cd) {
            return cardRows(cardTerms.customData(
                    cd.key(), r -> CardData.parse(r.cardData()).customData().containsKey(cd.key())));
        }
        if (node instanceof Preset p) return deckIn(cardTerms.presetDeckIds(p.name()));
        throw new IllegalStateException("unhandled node " + node);
    }

    /**
     * Unqualified text. Without wildcards (the common case) it is a substring test on the ASCII-folded copies,
     * which is what SQLite's LIKE '%text%' means; otherwise Anki's rules in full ({@link NoteTerms#textTest}).
     */
    private Term text(String glob) {
        if (ctx.ignoreAccents()) return notes(noteTerms.noCombining(glob));
        if (!ctx.anyExcludedFields() && !Glob.hasWildcard(glob)) {
            String needle = CollectionSnapshot.foldAscii(Glob.literal(glob));
            // a null sort field is the first field, so within flds
            return new Term(
                    (n, c) -> (s.sfldFolded[n] != null && s.sfldFolded[n].contains(needle))
                            || s.fldsFolded[n].contains(needle),
                    false);
        }
        return notes(noteTerms.textTest(glob));
    }

    private Term deck(String name) {
        if (name.equals("*")) return cards((n, c) -> true);
        if (name.equals("filtered")) return cards((n, c) -> s.odeckOf[c] != 0); // decks[0] is 0
        return deckIn(cardTerms.deckIdsNamed(name));
    }

    private Term deckIn(List<Long> deckIds) {
        boolean[] match = deckMatch(sorted(deckIds));
        return cards((n, c) -> match[s.deckOf[c]] || match[s.odeckOf[c]]);
    }

    /** For each distinct deck of the snapshot, whether it is one of {@code ids} (sorted). */
    private boolean[] deckMatch(long[] ids) {
        boolean[] match = new boolean[s.decks.length];
        for (int i = 0; i < match.length; i++) {
            match[i] = in(ids, s.decks[i]);
        }
        return match;
    }

    private Term card(Card card) {
        if (card.ordinal() != null) {
            int ord = card.ordinal();
            return cards((n, c) -> s.ord[c] == ord);
        }
        Map<Long, List<Integer>> ords = cardTerms.templateOrds(card.name());
        return cards((n, c) -> {
            List<Integer> hit = ords.get(s.mid[n]);
            return hit != null && hit.contains(s.ord[c]);
        });
    }

    /** The same cases, in the same order, as {@link NoteTerms#tag}. */
    private Term tag(Tag t) {
        if (t.regex()) return notes(noteTerms.tag(t));
        String glob = nfc(t.tag());
        if (glob.equals("none")) return new Term((n, c) -> s.tags[n].isEmpty(), false);
        if (glob.equals("*")) return TRUE;
        if (Glob.literal(glob).contains(" ")) return FALSE;
        boolean ascii = glob.chars().allMatch(ch -> ch < 128);
        if (ascii && !Glob.hasWildcard(glob)) {
            String lit = Glob.literal(glob).toLowerCase(java.util.Locale.ROOT);
            String whole = " " + lit + " ";
            String parent = " " + lit + "::";
            boolean[] match = new boolean[s.tagSetLower.length];
            for (int i = 0; i < match.length; i++) {
                match[i] = s.tagSetLower[i].contains(whole) || s.tagSetLower[i].contains(parent);
            }
            return new Term((n, c) -> match[s.tagSet[n]], false);
        }
        return notes(noteTerms.tag(t));
    }

    private Term state(StateKind kind) {
        return switch (kind) {
            case NEW -> cards((n, c) -> s.ctype[c] == 0);
            case LEARN -> cards((n, c) -> s.ctype[c] == 1 || s.ctype[c] == 3);
            case REVIEW -> cards((n, c) -> s.ctype[c] == 2 || s.ctype[c] == 3);
            case DUE -> {
                long today = ctx.today();
                long learnCutoff = ctx.nowSecs() + ctx.learnAheadSecs();
                yield cards((n, c) -> {
                    int q = s.queue[c];
                    return ((q == 2 || q == 3) && s.due[c] <= today) || ((q == 1 || q == 4) && s.due[c] <= learnCutoff);
                });
            }
            case SUSPENDED -> cards((n, c) -> s.queue[c] == -1);
            case BURIED -> cards((n, c) -> s.queue[c] == -2 || s.queue[c] == -3);
            case BURIED_SIBLING -> cards((n, c) -> s.queue[c] == -2);
            case BURIED_MANUALLY -> cards((n, c) -> s.queue[c] == -3);
        };
    }

    /** The same properties as {@link CardTerms#prop}. */
    private Term prop(Prop p) {
        String op = p.op();
        long v = (long) p.value();
        return switch (p.property()) {
            case "ivl" -> cards((n, c) -> CardTerms.compare(s.ivl[c], op, v));
            case "reps" -> cards((n, c) -> CardTerms.compare(s.reps[c], op, v));
            case "lapses" -> cards((n, c) -> CardTerms.compare(s.lapses[c], op, v));
            case "ease" -> {
                long factor = (long) ((float) p.value() * 1000f);
                yield cards((n, c) -> CardTerms.compare(s.factor[c], op, factor));
            }
            case "pos" -> cards((n, c) -> s.ctype[c] == 0 && CardTerms.compare(dueOrOdue(c), op, v));
            case "due" -> {
                long days = ctx.today() + v;
                long dayStart = ctx.nextDayAtSecs();
                yield cards((n, c) -> {
                    int q = s.queue[c];
                    if (q == 2 || q == 3) return CardTerms.compare(dueOrOdue(c), op, days);
                    // SQL integer division truncates toward zero, as Java's does
                    return (q == 1 || q == 4) && CardTerms.compare((dueOrOdue(c) - dayStart) / 86_400, op, v);
                });
            }
            case "rated" -> revlogCards(cardTerms.ratedCards(op, v, p.button() == null ? 0 : p.button()));
            case "resched" -> revlogCards(cardTerms.ratedCards(op, v, -1));
            default -> cardRows(cardTerms.prop(p));
        };
    }

    private long dueOrOdue(int c) {
        return s.odue[c] != 0 ? s.odue[c] : s.due[c];
    }

    private Term revlogCards(Subquery q) {
        long[] ids = sorted(revlog.cards(q));
        return cards((n, c) -> in(ids, s.cardId[c]));
    }

    /** A note-level term whose whole meaning is the fragment's JVM test (or FALSE when SQL alone said no). */
    private Term notes(Fragment f) {
        if (f.leafTest() != null) return notes(f.leafTest());
        if (Fragment.FALSE.equals(f.sql())) return FALSE;
        throw new IllegalStateException("no JVM test for " + f.sql());
    }

    /** A note-level test, asked once per note even when the cards of one note are tested one after the other. */
    private Term notes(Predicate<SearchRow> p) {
        return new Term(
                new RowTest() {
                    private int last = -1;
                    private boolean value;

                    @Override
                    public boolean test(int n, int c) {
                        if (n != last) {
                            value = p.test(s.noteRow(n));
                            last = n;
                        }
                        return value;
                    }
                },
                false);
    }

    private Term cardRows(Fragment f) {
        Predicate<SearchRow> p = f.leafTest();
        if (p == null) throw new IllegalStateException("no JVM test for " + f.sql());
        return cards((n, c) -> p.test(s.cardRow(c)));
    }

    private static Term cards(RowTest t) {
        return new Term(t, true);
    }

    private static long[] sorted(Collection<Long> ids) {
        long[] out = new long[ids.size()];
        int i = 0;
        for (Long id : ids) out[i++] = id;
        Arrays.sort(out);
        return out;
    }

    private static boolean in(long[] sorted, long v) {
        if (sorted.length < 8) {
            for (long x : sorted) {
                if (x == v) return true;
            }
            return false;
        }
        return Arrays.binarySearch(sorted, v) >= 0;
    }
}
