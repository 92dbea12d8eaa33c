package dev.ankiconnect.search;

import static dev.ankiconnect.search.Fragment.ESC;
import static dev.ankiconnect.search.Fragment.FALSE;
import static dev.ankiconnect.search.Fragment.in;

import dev.ankiconnect.search.SearchNode.*;
import dev.ankiconnect.text.NoteFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Note-table terms: text, fields, regex, words, tags, notetypes, duplicates (Anki's note-content rules). */
final class NoteTerms {
    private final SearchContext ctx;
    /** PostgreSQL: note_tags (db/changes/search-6.xml) answers exact tag terms. */
    private final boolean tagKeys;

    /** PostgreSQL: the notes with tag key ? (parameters: the profile id, the key), from note_tags alone. */
    static final String TAG_POSTING_IDS = "SELECT t.nid FROM note_tags t WHERE t.profile_id = ? AND t.tag_key = ?";

    /** PostgreSQL: an exact tag term, as a condition on {@code notes n}. */
    static final String TAG_POSTING = "n.id IN (" + TAG_POSTING_IDS + ")";

    NoteTerms(SearchContext ctx) {
        this(ctx, false);
    }

    NoteTerms(SearchContext ctx, boolean tagKeys) {
        this.ctx = ctx;
        this.tagKeys = tagKeys;
    }

    /** Unqualified text: SQLite LIKE (ASCII case folding) on sfld or flds, implicit {@code *} at both ends. */
    Fragment text(String glob) {
        String sql = "(n.sfld LIKE ?" + ESC + " OR n.flds LIKE ?" + ESC + ")";
        if (Glob.likeIsExact(glob) && !ctx.anyExcludedFields()) {
            // no ASCII letters and no '_': LIKE is the same in SQLite, Derby and PostgreSQL
            String like = Glob.toLikeContains(glob, Glob.Like.EXACT);
            return Fragment.notes(sql, List.of(like, like));
        }
        if (tagKeys && !ctx.anyExcludedFields()) {
            Fragment exact = textRegex(glob);
            if (exact != null) return exact;
        }
        Predicate<SearchRow> test = textTest(glob);
        if (ctx.lowerOnClob()) {
            // lower-cased letters narrow far better than the one-character wildcards used otherwise
            String lower = Glob.toLikeContains(glob, Glob.Like.LOWER);
            return Fragment.noteFilter(
                    "(LOWER(n.sfld) LIKE ?" + ESC + " OR LOWER(n.flds) LIKE ?" + ESC + ")",
                    List.of(lower, lower),
                    test);
        }
        String like = Glob.toLikeContains(glob, Glob.Like.ASCII_CI);
        return Fragment.noteFilter(sql, List.of(like, like), test);
    }

    /** Globs longer than this (code points) keep the JVM row filter: the regular expression stays small. */
    static final int MAX_REGEX_GLOB = 200;

    /**
     * PostgreSQL: unqualified text exact in SQL, so only note ids leave the database (no row filter reading every
     * candidate's fields in the JVM: for {@code café}, 11,429 notes of 100,000, that was most of the time). The
     * trigram indexes on {@code LOWER(sfld)} and {@code LOWER(flds)} narrow as before; a POSIX regular expression on
     * the stored text decides, with Anki's ASCII-only case folding spelled out ({@code [cC][aA][fF]é}: {@code É} is
     * not {@code é}), {@code *} as {@code .*} and {@code _} as one character ({@code .}, a code point, as SQLite's and
     * the JVM matcher's). Null when the glob is too long.
     */
    Fragment textRegex(String glob) {
        String re = asciiFoldRegex(glob);
        if (re == null) return null;
        String lower = Glob.toLikeContains(glob, Glob.Like.LOWER);
        if (lower.equals("%")) {
            // nothing to narrow with: the expression alone
            return Fragment.notes("(n.sfld ~ ? OR n.flds ~ ?)", List.of(re, re));
        }
        return Fragment.notes(
                "((LOWER(n.sfld) LIKE ?" + ESC + " OR LOWER(n.flds) LIKE ?" + ESC + ") AND (n.sfld ~ ? OR n.flds ~ ?))",
                List.of(lower, lower, re, re));
    }

    /**
     * The PostgreSQL regular expression (ARE, unanchored) that finds {@code glob} as {@link Glob#finder} with
     * {@link Glob.Case#ASCII} does: ASCII letters as a bracket of both cases, other ASCII characters that are not
     * letters or digits escaped with a backslash (a literal in an ARE), the rest literal. Null beyond
     * {@link #MAX_REGEX_GLOB} code points.
     */
    static String asciiFoldRegex(String glob) {
        if (glob.codePointCount(0, glob.length()) > MAX_REGEX_GLOB) return null;
        StringBuilder b = new StringBuilder();
        boolean lastStar = false;
        for (int i = 0; i < glob.length(); ) {
            int cp = glob.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\' && i < glob.length()) {
                cp = glob.codePointAt(i);
                i += Character.charCount(cp);
            } else if (cp == '*') {
                if (!lastStar) b.append(".*");
                lastStar = true;
                continue;
            } else if (cp == '_') {
                b.append('.');
                lastStar = false;
                continue;
            }
            lastStar = false;
            if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z') {
                char c = (char) cp;
                b.append('[')
                        .append(Character.toLowerCase(c))
                        .append(Character.toUpperCase(c))
                        .append(']');
            } else if (cp < 128 && !(cp >= '0' && cp <= '9')) {
                b.append('\\').append((char) cp);
            } else {
                b.appendCodePoint(cp);
            }
        }
        // unanchored: a star at either end adds nothing
        String re = b.toString();
        while (re.startsWith(".*")) re = re.substring(2);
        while (re.endsWith(".*") && !re.endsWith("\\.*")) re = re.substring(0, re.length() - 2);
        return re;
    }

    /** Unqualified text in the JVM: SQLite LIKE semantics (ASCII case folding) over the sort field or fields. */
    Predicate<SearchRow> textTest(String glob) {
        Glob.Matcher p = Glob.finder(glob);
        return unqualified(p::matches, s -> s);
    }

    Fragment noCombining(String glob) {
        Glob.Matcher p = Glob.finder(TextUtil.withoutCombining(glob));
        return Fragment.noteFilter(null, List.of(), unqualified(p::matches, TextUtil::withoutCombining));
    }

    /** {@code sc:} is an unqualified search over text with cloze markup removed, in cloze notetypes only. */
    Fragment stripClozes(String glob) {
        List<Long> mids = new ArrayList<>(new TreeSet<>(ctx.clozeNotetypeIds()));
        boolean nc = ctx.ignoreAccents();
        Glob.Matcher p = Glob.finder(nc ? TextUtil.withoutCombining(glob) : glob);
        Predicate<SearchRow> test = unqualified(
                p::matches, s -> nc ? TextUtil.withoutCombining(TextUtil.stripClozes(s)) : TextUtil.stripClozes(s));
        return Fragment.noteFilter(
                in("n.mid", mids),
                List.copyOf(mids),
                r -> ctx.clozeNotetypeIds().contains(r.mid()) && test.test(r));
    }

    /**
     * Anki's unqualified matching: sort field or joined fields; when a notetype excludes fields, only the
     * remaining fields (adjacent ones joined by U+001F) and the sort field unless it is excluded.
     */
    Predicate<SearchRow> unqualified(Predicate<String> match, UnaryOperator<String> prep) {
        if (!ctx.anyExcludedFields()) {
            return r -> match.test(prep.apply(r.sfld())) || match.test(prep.apply(r.flds()));
        }
        return r -> {
            List<String> names = ctx.notetypeFields().get(r.mid());
            if (names == null) return false;
            Set<Integer> excluded = ctx.excludedFields().getOrDefault(r.mid(), Set.of());
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
    static List<int[]> ranges(List<Integer> ords, boolean join) {
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

    static String joinRange(String[] fields, int[] range) {
        StringBuilder b = new StringBuilder();
        for (int i = range[0]; i <= range[1]; i++) {
            if (i > range[0]) b.append(NoteFields.SEPARATOR);
            if (i < fields.length) b.append(fields[i]);
        }
        return b.toString();
    }

    Fragment regex(String re) {
        return Fragment.noteFilter(null, List.of(), regexFields(compileRegex(re)));
    }

    /** {@code w:} is a regex search with {@code \b} around the glob (Anki's to_re: * is .*, _ is .). */
    Fragment word(String glob) {
        boolean nc = ctx.ignoreAccents();
        String g = nc ? TextUtil.withoutCombining(glob) : glob;
        Pattern p = compileRegex("\\b" + Glob.toRegex(g, ".*", ".") + "\\b");
        Predicate<SearchRow> test = regexFields(p);
        if (!nc) return Fragment.noteFilter(null, List.of(), test);
        return Fragment.noteFilter(
                null,
                List.of(),
                r -> test.test(new SearchRow(
                        r.id(),
                        r.noteId(),
                        r.mid(),
                        TextUtil.withoutCombining(r.flds()),
                        r.sfld(),
                        r.tags(),
                        r.cardData(),
                        r.ctype(),
                        r.queue(),
                        r.due(),
                        r.odue(),
                        r.ivl(),
                        r.flags())));
    }

    /** Regex over the joined fields, or over each non-excluded field when a notetype excludes some. */
    Predicate<SearchRow> regexFields(Pattern p) {
        if (!ctx.anyExcludedFields()) {
            return r -> p.matcher(Deadline.guard(r.flds())).find();
        }
        return r -> {
            List<String> names = ctx.notetypeFields().get(r.mid());
            if (names == null) return false;
            Set<Integer> excluded = ctx.excludedFields().getOrDefault(r.mid(), Set.of());
            if (excluded.isEmpty()) return p.matcher(Deadline.guard(r.flds())).find();
            String[] fields = TextUtil.fields(r.flds());
            for (int i = 0; i < fields.length && i < names.size(); i++) {
                if (!excluded.contains(i)
                        && p.matcher(Deadline.guard(fields[i])).find()) return true;
            }
            return false;
        };
    }

    /** A search regex, case-insensitive for all of Unicode ({@link Glob#UNICODE_CI}). */
    static Pattern compileRegex(String re) {
        try {
            return Pattern.compile(re, Glob.UNICODE_CI);
        } catch (PatternSyntaxException e) {
            throw SearchSyntaxException.regex(e.getDescription());
        }
    }

    /** {@code field:value}: narrow by notetype and a flds LIKE, then check the exact field in the JVM. */
    Fragment field(Field f) {
        String name = f.field();
        boolean allFields = name.equals("*") || name.equals("_*") || name.equals("*_");
        Glob.Matcher namePattern = Glob.matcher(name, Glob.Case.UNICODE);
        Map<Long, List<Integer>> ords = new TreeMap<>();
        for (var e : ctx.notetypeFields().entrySet()) {
            List<String> names = e.getValue();
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (allFields || namePattern.matches(names.get(i))) hits.add(i);
            }
            if (!hits.isEmpty()) ords.put(e.getKey(), hits);
        }
        if (ords.isEmpty()) {
            return Fragment.notes(FALSE, List.of());
        }
        Predicate<String> value;
        String like = null;
        switch (f.mode()) {
            case REGEX -> {
                Pattern p = compileRegex(f.text());
                value = s -> p.matcher(Deadline.guard(s)).find();
            }
            case NO_COMBINING -> {
                Glob.Matcher p = Glob.matcher(TextUtil.withoutCombining(f.text()), Glob.Case.ASCII);
                value = s -> p.matches(TextUtil.withoutCombining(s));
            }
            default -> {
                if (allFields) {
                    // all-field searches use a Unicode case-insensitive regex in Anki
                    Glob.Matcher p = Glob.matcher(f.text(), Glob.Case.UNICODE);
                    value = p::matches;
                    like = Glob.toLikeContains(f.text(), ctx.lowerOnClob() ? Glob.Like.LOWER : Glob.Like.UNICODE_CI);
                } else {
                    Glob.Matcher p = Glob.matcher(f.text(), Glob.Case.ASCII);
                    value = p::matches;
                    like = Glob.toLikeContains(f.text(), ctx.lowerOnClob() ? Glob.Like.LOWER : Glob.Like.ASCII_CI);
                }
            }
        }
        List<Long> mids = new ArrayList<>(ords.keySet());
        List<Object> params = new ArrayList<>(mids);
        String sql = in("n.mid", mids);
        if (like != null && !like.equals("%")) {
            String column = ctx.lowerOnClob() ? "LOWER(n.flds)" : "n.flds";
            sql = "(" + sql + " AND " + column + " LIKE ?" + ESC + ")";
            params.add(like);
        }
        // Anki matches adjacent matching fields (e.g. f*:x hitting two neighbours) as one U+001F-joined
        // range, except for regex and the "non-empty" values * _* *_ which test each field alone
        boolean join = f.mode() != FieldMode.REGEX
                && !allFields
                && !(f.text().equals("*") || f.text().equals("_*") || f.text().equals("*_"));
        return Fragment.noteFilter(sql, params, r -> {
            List<Integer> hit = ords.get(r.mid());
            if (hit == null) return false;
            String[] fields = TextUtil.fields(r.flds());
            for (int[] range : ranges(hit, join)) {
                if (range[0] < fields.length && value.test(joinRange(fields, range))) return true;
            }
            return false;
        });
    }

    /** {@code note:}: Unicode case-insensitive name equality, or an anchored wildcard match. */
    Fragment notetype(String name) {
        List<Long> ids = notetypeIds(name);
        return Fragment.notes(in("n.mid", ids), List.copyOf(ids));
    }

    List<Long> notetypeIds(String name) {
        Glob.Matcher p = Glob.matcher(TextUtil.nfc(name), Glob.Case.UNICODE);
        List<Long> ids = new ArrayList<>();
        for (var e : new TreeMap<>(ctx.notetypeNames()).entrySet()) {
            if (p.matches(e.getValue())) ids.add(e.getKey());
        }
        return ids;
    }

    /**
     * {@code tag:}: ASCII names without wildcards are exact in SQL (LOWER on the VARCHAR tags column);
     * otherwise LIKE narrows and Anki's Unicode case-insensitive regex decides in the JVM.
     */
    Fragment tag(Tag t) {
        if (t.regex()) {
            Pattern p = compileRegex(t.tag());
            return Fragment.noteFilter("n.tags <> ''", List.of(), r -> {
                for (String tag : r.tags().split(" ")) {
                    if (!tag.isEmpty() && p.matcher(Deadline.guard(tag)).find()) return true;
                }
                return false;
            });
        }
        String glob = TextUtil.nfc(t.tag());
        if (glob.equals("none")) {
            // Derby: LOWER(n.tags), which SqlWriter reads from ix_notes_tags_head (LOWER of a text is empty only for
            // the empty text)
            return Fragment.notes(tagKeys ? "n.tags = ''" : "LOWER(n.tags) = ''", List.of());
        }
        if (glob.equals("*")) return Fragment.notes("1 = 1", List.of());
        if (Glob.literal(glob).contains(" ")) return Fragment.notes(FALSE, List.of());
        boolean ascii = glob.chars().allMatch(ch -> ch < 128);
        if (ascii && !Glob.hasWildcard(glob)) {
            String key = Glob.literal(glob).toLowerCase(Locale.ROOT);
            if (tagKeys && !key.isEmpty()) {
                // the same notes as the LIKE pair below: note_tags lists the notes of each key of notes.tag_keys, each
                // lower-cased tag that has a space on both sides and each part of a space-preceded tag before a "::"
                // (search-4.xml, search-6.xml)
                return Fragment.notes(TAG_POSTING, List.of(ctx.profileId(), key));
            }
            if (!tagKeys) {
                // Derby: the same notes as the LIKE pair below (LIKE '% x %' is "contains ' x '"); LOCATE is the
                // cheaper test, and SqlWriter reads LOWER(n.tags) from ix_notes_tags_head (search-5.xml)
                return Fragment.notes(
                        "(LOCATE(?, LOWER(n.tags)) > 0 OR LOCATE(?, LOWER(n.tags)) > 0)",
                        List.of(" " + key + " ", " " + key + "::"));
            }
            String lit = Glob.toLike(glob, Glob.Like.EXACT).toLowerCase(Locale.ROOT);
            return Fragment.notes(
                    "(LOWER(n.tags) LIKE ?" + ESC + " OR LOWER(n.tags) LIKE ?" + ESC + ")",
                    List.of("% " + lit + " %", "% " + lit + "::%"));
        }
        Glob.Matcher p = Glob.matcher(glob, Glob.Case.UNICODE);
        String like =
                "% " + Glob.toLike(glob, Glob.Like.LOWER) + (glob.endsWith("*") && !glob.endsWith("\\*") ? "" : "%");
        return Fragment.noteFilter("LOWER(n.tags) LIKE ?" + ESC, List.of(like), r -> tagMatches(p, r.tags()));
    }

    /**
     * True if a tag of the space-separated list, or a parent of it (the part before a {@code ::}), matches
     * the glob in full. A {@code *} or {@code _} never takes a space, as tags hold none. As in the regex
     * {@code " glob(::| )"} this replaces, a tag counts when a space comes before it and a space or {@code ::}
     * after it (the stored list is {@code " a b "}).
     */
    static boolean tagMatches(Glob.Matcher p, String tags) {
        int n = tags.length();
        int start = 1;
        while (start < n) {
            int end = tags.indexOf(' ', start);
            if (end < 0) end = n;
            if (end > start && tags.charAt(start - 1) == ' ') {
                CharSequence tag = tags.subSequence(start, end);
                if (end < n && p.matches(tag)) return true;
                for (int i = tag.length() - 2; i >= 0; i--) {
                    if (tag.charAt(i) == ':' && tag.charAt(i + 1) == ':' && p.matches(tag, i)) return true;
                }
            }
            start = end + 1;
        }
        return false;
    }

    Fragment dupe(Dupe d) {
        String stripped = TextUtil.stripHtmlPreservingMedia(TextUtil.nfc(d.text()));
        long csum = TextUtil.checksum(stripped);
        return Fragment.noteFilter(
                "(n.mid = ? AND n.csum = ?)",
                List.of(d.mid(), csum),
                r -> r.mid() == d.mid()
                        && TextUtil.stripHtmlPreservingMedia(TextUtil.fields(r.flds())[0])
                                .equals(stripped));
    }
}
