package dev.ankiconnect.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small collection used by the writer tests. */
final class Fixtures {
    private Fixtures() {}

    static final long NEXT_DAY = 1_700_000_000L;

    static SearchContext ctx() {
        return ctx(false);
    }

    static SearchContext ctx(boolean ignoreAccents) {
        return base().ignoreAccents(ignoreAccents).build();
    }

    static SearchContext.Builder base() {
        return SearchContext.builder(7L)
                .timing(100L, NEXT_DAY, NEXT_DAY - 10_000)
                .currentDeckId(3L)
                .deckNames(Map.of(
                        1L,
                        "Default",
                        2L,
                        "Lang",
                        3L,
                        "Lang::French",
                        4L,
                        "Lang::French::Verbs",
                        5L,
                        "Other",
                        6L,
                        "Filtered1",
                        8L,
                        "Émile"))
                .deckPresetNames(Map.of(1L, "Default", 2L, "Lang preset", 3L, "Lang preset"))
                .notetypeNames(Map.of(10L, "Basic", 11L, "Basic (and reversed card)", 12L, "Cloze"))
                .notetypeFields(Map.of(
                        10L,
                        List.of("Front", "Back"),
                        11L,
                        List.of("Front", "Back", "Extra"),
                        12L,
                        List.of("Text", "Back Extra")))
                .notetypeTemplates(
                        Map.of(10L, List.of("Card 1"), 11L, List.of("Card 1", "Card 2"), 12L, List.of("Cloze")))
                .clozeNotetypeIds(Set.of(12L));
    }

    /** Like {@link #ctx()} but Basic (10) excludes its Back field (1) from unqualified searches. */
    static SearchContext ctxExcluding() {
        return base().excludedFields(Map.of(10L, Set.of(1)))
                .sortFieldIndex(Map.of(10L, 0))
                .build();
    }

    static SearchRow note(long mid, String flds, String tags) {
        String first = flds.split("\u001f", -1)[0];
        return new SearchRow(
                1, 1, mid, flds, TextUtil.stripHtmlPreservingMedia(first), tags, null, 0, 0, 0, 0, 0, new boolean[0]);
    }

    static SearchRow card(String data, int ctype, int queue, long due, int ivl) {
        return new SearchRow(1, 1, 10, "a\u001fb", "a", "", data, ctype, queue, due, 0, ivl, new boolean[0]);
    }
}
