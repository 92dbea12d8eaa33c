package dev.ankiconnect.search;

import dev.ankiconnect.search.SearchNode.*;
import dev.ankiconnect.search.SearchSyntaxException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses Anki's search syntax into a {@link SearchNode} tree, failing with Anki's error wording. */
public final class SearchParser {

    private static final Pattern ID_LIST = Pattern.compile("(\\d+,)*\\d+");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final String in;
    private int pos;
    /** Groups open at {@link #pos}: bounded by {@link #MAX_GROUP_DEPTH} so that no search can overflow the stack. */
    private int depth;
    /**
     * The deepest nesting of parenthesised groups a search may have. Parsing, compiling and matching recurse once
     * per level; real searches nest a few levels.
     */
    static final int MAX_GROUP_DEPTH = 200;

    private SearchParser(String in) {
        this.in = in;
    }

    /** Parses {@code query}; an empty or blank query yields {@link All}. */
    public static SearchNode parse(String query) {
        String normalised = normaliseWhitespace(query == null ? "" : query).trim();
        if (normalised.isEmpty()) {
            return new All();
        }
        SearchParser p = new SearchParser(normalised);
        List<Object> items = p.groupInner();
        if (p.pos < p.in.length()) {
            // a stray ')' is the only thing no node parser consumes
            throw SearchSyntaxException.unopenedGroup();
        }
        return build(items);
    }

    /** Every Unicode whitespace becomes an ASCII space, as Anki does before parsing. */
    private static String normaliseWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints()
                .forEach(cp -> b.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp));
        return b.toString();
    }

    /** Connective markers in the flat node list. */
    private enum Conn {
        AND,
        OR
    }

    /** Nodes and connectives alternate; an implicit AND is inserted between adjacent nodes. */
    private List<Object> groupInner() {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= in.length() || in.charAt(pos) == ')') {
                break;
            }
            Object item = node();
            if (items.size() % 2 == 0) {
                if (item == Conn.AND) throw SearchSyntaxException.misplacedAnd();
                if (item == Conn.OR) throw SearchSyntaxException.misplacedOr();
            } else if (!(item instanceof Conn)) {
                items.add(Conn.AND);
            }
            items.add(item);
        }
        if (!items.isEmpty()) {
            Object last = items.get(items.size() - 1);
            if (last == Conn.AND) throw SearchSyntaxException.misplacedAnd();
            if (last == Conn.OR) throw SearchSyntaxException.misplacedOr();
        }
        return items;
    }

    /**
     * AND binds tighter than OR, matching SQL precedence of Anki's in-order output. A term repeated in one AND
     * or one OR is kept once (both are idempotent): {@code "a a a ..."} costs one term, not one per repetition,
     * in SQL and in memory.
     */
    private static SearchNode build(List<Object> items) {
        java.util.Set<SearchNode> ors = new java.util.LinkedHashSet<>();
        java.util.Set<SearchNode> ands = new java.util.LinkedHashSet<>();
        for (Object item : items) {
            if (item == Conn.OR) {
                ors.add(ands.size() == 1 ? ands.iterator().next() : new And(List.copyOf(ands)));
                ands = new java.util.LinkedHashSet<>();
            } else if (item instanceof SearchNode n) {
                ands.add(n);
            }
        }
        ors.add(ands.size() == 1 ? ands.iterator().next() : new And(List.copyOf(ands)));
        return ors.size() == 1 ? ors.iterator().next() : new Or(List.copyOf(ors));
    }

    private void skipSpace() {
        while (pos < in.length() && isSpace(in.charAt(pos))) pos++;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000';
    }

    private Object node() {
        char c = in.charAt(pos);
        if (c == '-' && pos + 1 < in.length()) {
            char next = in.charAt(pos + 1);
            // "-" followed by a separator or ')' is ordinary text, as in Anki
            if (next == '(') {
                pos++;
                return new Not(group());
            }
            if (!isSpace(next) && next != ')') {
                pos++;
                Object inner = text();
                return new Not(inner instanceof SearchNode n ? n : new Text(inner == Conn.AND ? "and" : "or"));
            }
        }
        if (c == '(') {
            return group();
        }
        return text();
    }

    private SearchNode group() {
        if (++depth > MAX_GROUP_DEPTH) {
            throw SearchSyntaxException.other("the search nests groups deeper than " + MAX_GROUP_DEPTH + " levels");
        }
        pos++; // '('
        List<Object> inner = groupInner();
        depth--;
        if (pos >= in.length() || in.charAt(pos) != ')') {
            throw SearchSyntaxException.unclosedGroup();
        }
        pos++;
        if (inner.isEmpty()) {
            throw SearchSyntaxException.emptyGroup();
        }
        return build(inner);
    }

    private Object text() {
        if (in.charAt(pos) == '"') {
            return termNode(quotedString());
        }
        Object partial = partiallyQuoted();
        if (partial != null) {
            return partial;
        }
        return unquoted();
    }

    /** Returns the raw inner text of a quoted string, positioned after the closing quote. */
    private String quotedString() {
        int start = ++pos;
        if (pos < in.length() && in.charAt(pos) == '"') {
            throw SearchSyntaxException.emptyQuote();
        }
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= in.length()) throw SearchSyntaxException.unclosedQuote();
                pos += 2;
            } else if (c == '"') {
                String inner = in.substring(start, pos);
                pos++;
                return inner;
            } else {
                pos++;
            }
        }
        throw SearchSyntaxException.unclosedQuote();
    }

    /** {@code key:"quoted value"}; null (position unchanged) if the input does not have that shape. */
    private Object partiallyQuoted() {
        int i = pos;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '\\') {
                if (i + 1 >= in.length() || isSpace(in.charAt(i + 1))) return null;
                i += 2;
            } else if (c == '"' || c == '(' || c == ')' || c == ':' || isSpace(c)) {
                break;
            } else {
                i++;
            }
        }
        if (i == pos || i + 1 >= in.length() || in.charAt(i) != ':' || in.charAt(i + 1) != '"') {
            return null;
        }
        String key = in.substring(pos, i);
        pos = i + 1;
        String val = quotedString();
        return keyed(key, val);
    }

    private Object unquoted() {
        int start = pos;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= in.length()) throw SearchSyntaxException.unknownEscape("\\");
                char next = in.charAt(pos + 1);
                if (isSpace(next)) throw SearchSyntaxException.unknownEscape("\\" + next);
                pos += 2;
            } else if (c == '"' || c == '(' || c == ')' || isSpace(c)) {
                break;
            } else {
                pos++;
            }
        }
        String term = in.substring(start, pos);
        if (term.isEmpty()) {
            // cannot happen for well-formed callers: ')' and spaces are handled by groupInner
            throw SearchSyntaxException.unopenedGroup();
        }
        if (term.equalsIgnoreCase("and")) return Conn.AND;
        if (term.equalsIgnoreCase("or")) return Conn.OR;
        return termNode(term);
    }

    /** Splits a term at its first unescaped colon. */
    private static SearchNode termNode(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == ':') {
                break;
            } else {
                i++;
            }
        }
        if (i >= s.length()) {
            return new Text(unescape(s));
        }
        if (i == 0) {
            throw SearchSyntaxException.missingKey();
        }
        return keyed(s.substring(0, i), s.substring(i + 1));
    }

    private static SearchNode keyed(String key, String val) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "deck" -> new Deck(unescape(val));
            case "note" -> new Note(unescape(val));
            case "tag" ->
                val.startsWith("re:") ? new Tag(unescapeQuotes(val.substring(3)), true) : new Tag(unescape(val), false);
            case "card" -> card(val);
            case "flag" -> flag(val);
            case "resched" -> new Rated((int) u32(val, "resched:"), null, true);
            case "prop" -> prop(val);
            case "added" -> new Added((int) Math.max(1, u32(val, "added:")));
            case "edited" -> new Edited((int) Math.max(1, u32(val, "edited:")));
            case "introduced" -> new Introduced((int) Math.max(1, u32(val, "introduced:")));
            case "rated" -> rated(val);
            case "is" -> state(val);
            case "did" -> new DeckIds(idList(val, key));
            case "mid" -> new Mid(i64(val, "mid:"));
            case "nid" -> new NoteIds(idList(val, key));
            case "cid" -> new CardIds(idList(val, key));
            case "re" -> new Regex(unescapeQuotes(val));
            case "nc" -> new NoCombining(unescape(val));
            case "sc" -> new StripClozes(unescape(val));
            case "w" -> new Word(unescape(val));
            case "dupe" -> dupe(val);
            case "has-cd" -> new CustomData(unescape(val));
            case "preset" -> new Preset(val);
            default -> field(key, val);
        };
    }

    private static SearchNode field(String key, String val) {
        if (val.startsWith("re:")) {
            return new Field(unescape(key), unescapeQuotes(val.substring(3)), FieldMode.REGEX);
        }
        if (val.startsWith("nc:")) {
            return new Field(unescape(key), unescapeQuotes(val.substring(3)), FieldMode.NO_COMBINING);
        }
        return new Field(unescape(key), unescape(val), FieldMode.GLOB);
    }

    private static SearchNode card(String val) {
        // Anki reads the number as u16; anything else is a template name
        if (val.matches("\\+?\\d{1,5}")) {
            int n = Integer.parseInt(val.startsWith("+") ? val.substring(1) : val);
            if (n <= 65535) {
                return new Card(null, Math.max(1, n) - 1);
            }
        }
        return new Card(unescape(val), null);
    }

    private static SearchNode flag(String val) {
        if (val.matches("\\+?\\d{1,3}")) {
            int n = Integer.parseInt(val.startsWith("+") ? val.substring(1) : val);
            if (n <= 7) return new Flag(n);
        }
        throw SearchSyntaxException.invalidFlag();
    }

    private static SearchNode state(String val) {
        StateKind kind = switch (val) {
            case "new" -> StateKind.NEW;
            case "review" -> StateKind.REVIEW;
            case "learn" -> StateKind.LEARN;
            case "due" -> StateKind.DUE;
            case "buried" -> StateKind.BURIED;
            case "buried-manually" -> StateKind.BURIED_MANUALLY;
            case "buried-sibling" -> StateKind.BURIED_SIBLING;
            case "suspended" -> StateKind.SUSPENDED;
            default -> throw SearchSyntaxException.invalidArgument(Kind.INVALID_STATE, "is:", val);
        };
        return new State(kind);
    }

    private static SearchNode rated(String val) {
        int colon = val.indexOf(':');
        String days = colon < 0 ? val : val.substring(0, colon);
        int n = (int) Math.max(1, u32(days, "rated:"));
        Integer button = colon < 0 ? null : button(val.substring(colon + 1), val);
        return new Rated(n, button, false);
    }

    private static int button(String s, String context) {
        if (s.matches("\\+?\\d{1,3}")) {
            int n = Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
            if (n >= 1 && n <= 4) return n;
        }
        throw SearchSyntaxException.number(Kind.INVALID_ANSWER_BUTTON, context, s);
    }

    private static final String[] PROPS = {
        "ivl", "due", "reps", "lapses", "ease", "pos", "rated", "resched", "s", "d", "r"
    };
    private static final String[] OPS = {"<=", ">=", "!=", "=", "<", ">"};

    private static SearchNode prop(String clause) {
        String prop = null;
        String key = null;
        for (String p : PROPS) {
            // first prefix wins, like Anki's ordered alternatives ("rated" before "r")
            if (clause.startsWith(p)) {
                prop = p;
                break;
            }
        }
        if (prop == null && (clause.startsWith("cdn:") || clause.startsWith("cds:"))) {
            int end = 4;
            while (end < clause.length() && isAsciiAlnum(clause.charAt(end))) end++;
            if (end > 4) {
                prop = clause.substring(0, 3);
                key = clause.substring(4, end);
            }
        }
        if (prop == null) {
            throw SearchSyntaxException.invalidArgument(Kind.INVALID_PROP_PROPERTY, "prop:", clause);
        }
        String propText = key == null ? prop : prop + ":" + key;
        String tail = clause.substring(propText.length());
        String op = null;
        for (String o : OPS) {
            if (tail.startsWith(o)) {
                op = o;
                break;
            }
        }
        if (op == null) {
            throw SearchSyntaxException.invalidPropOperator(propText);
        }
        String num = tail.substring(op.length());
        return switch (prop) {
            case "ease", "s", "d", "r", "cdn" -> new Prop(prop, op, f32(num, clause), key, null, null);
            case "due" -> new Prop(prop, op, i32(num, clause), null, null, null);
            case "cds" -> new Prop(prop, op, 0, key, num, null);
            case "rated" -> {
                int colon = num.indexOf(':');
                String days = colon < 0 ? num : num.substring(0, colon);
                Integer b = colon < 0 ? null : button(num.substring(colon + 1), clause);
                yield new Prop(prop, op, nonPositive(days, clause), null, null, b);
            }
            case "resched" -> new Prop(prop, op, nonPositive(num, clause), null, null, null);
            default -> new Prop(prop, op, u32(num, clause), null, null, null);
        };
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static long u32(String num, String context) {
        if (num.matches("\\+?\\d{1,10}")) {
            long n = Long.parseLong(num.startsWith("+") ? num.substring(1) : num);
            if (n <= 0xFFFF_FFFFL) return n;
        }
        throw SearchSyntaxException.number(Kind.INVALID_POSITIVE_WHOLE_NUMBER, context, num);
    }

    private static int i32(String num, String context) {
        try {
            if (INTEGER.matcher(num).matches()) return Integer.parseInt(num);
        } catch (NumberFormatException ignored) {
            // overflow: same error as a non-number
        }
        throw SearchSyntaxException.number(Kind.INVALID_WHOLE_NUMBER, context, num);
    }

    private static long i64(String num, String context) {
        try {
            if (INTEGER.matcher(num).matches()) return Long.parseLong(num);
        } catch (NumberFormatException ignored) {
            // overflow
        }
        throw SearchSyntaxException.number(Kind.INVALID_WHOLE_NUMBER, context, num);
    }

    private static int nonPositive(String num, String context) {
        try {
            if (INTEGER.matcher(num).matches()) {
                int n = Integer.parseInt(num);
                if (n <= 0) return n;
            }
        } catch (NumberFormatException ignored) {
            // overflow
        }
        throw SearchSyntaxException.number(Kind.INVALID_NEGATIVE_WHOLE_NUMBER, context, num);
    }

    private static double f32(String num, String context) {
        if (FLOAT.matcher(num).matches()) {
            String n = num.toLowerCase(Locale.ROOT)
                    .replace("infinity", "inf")
                    .replace("inf", "Infinity")
                    .replace("nan", "NaN");
            // Anki parses an f32: round to float precision
            return (float) Double.parseDouble(n);
        }
        throw SearchSyntaxException.number(Kind.INVALID_NUMBER, context, num);
    }

    private static List<Long> idList(String val, String key) {
        if (ID_LIST.matcher(val).matches()) {
            try {
                List<Long> ids = new ArrayList<>();
                for (String part : val.split(",")) ids.add(Long.parseLong(part));
                return ids;
            } catch (NumberFormatException ignored) {
                // an id beyond 64 bits cannot exist: report like a malformed list
            }
        }
        throw SearchSyntaxException.other("expected only digits and commas in " + key + ":");
    }

    private static SearchNode dupe(String val) {
        int comma = val.indexOf(',');
        long mid = i64(comma < 0 ? val : val.substring(0, comma), val);
        if (comma < 0) {
            throw SearchSyntaxException.other("invalid 'dupe:' search");
        }
        String text = val.substring(comma + 1).replace("\\\"", "\"").replace("\\\\", "\\");
        return new Dupe(mid, text);
    }

    /** Raw contexts (re:, field:nc:) only turn {@code \"} into {@code "}. */
    static String unescapeQuotes(String s) {
        return s.replace("\\\"", "\"");
    }

    /**
     * Validates escapes and resolves the parser-level ones ({@code \" \: \( \) \-}); {@code \\ \* \_} are kept
     * for the wildcard layer.
     */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw SearchSyntaxException.unknownEscape("\\");
            }
            char n = s.charAt(++i);
            switch (n) {
                case '"', ':', '(', ')', '-' -> b.append(n);
                case '\\', '*', '_' -> b.append('\\').append(n);
                default -> throw SearchSyntaxException.unknownEscape("\\" + n);
            }
        }
        return b.toString();
    }
}
