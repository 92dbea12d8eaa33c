package dev.ankiconnect.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the compiler needs from the collection of one profile. Name lookups are done here in Java (Anki's
 * Unicode case rules and wildcards), so the caller passes plain id-to-name maps read from its tables.
 *
 * @param profileId        every query is restricted to {@code profile_id = ?} with this value
 * @param today            scheduler day number (days since collection creation, 6.13)
 * @param nextDayAtSecs    unix seconds at which the next scheduler day starts (6.13)
 * @param nowSecs          current unix time in seconds
 * @param learnAheadSecs   collection config {@code collapseTime} (default 1200), used by {@code is:due}
 * @param currentDeckId    config {@code curDeck} (1 if missing), used by {@code deck:current}
 * @param deckNames        deck id to human name with {@code ::} (all decks of the profile)
 * @param deckPresetNames  normal deck id to the name of its deck preset (for {@code preset:})
 * @param notetypeNames    notetype id to name
 * @param notetypeFields   notetype id to its field names in ordinal order
 * @param notetypeTemplates notetype id to its template names in ordinal order
 * @param clozeNotetypeIds ids of cloze notetypes (kind 1)
 * @param ignoreAccents    config {@code ignoreAccentsInSearch}: plain text behaves like {@code nc:}
 * @param excludedFields   notetype id to the ordinals of fields marked "exclude from unqualified searches"
 *                         (omit notetypes without such fields; an empty map means nothing is excluded)
 * @param sortFieldIndex   notetype id to its sort field ordinal (only needed for notetypes in excludedFields)
 */
public record SearchContext(
        long profileId,
        long today,
        long nextDayAtSecs,
        long nowSecs,
        int learnAheadSecs,
        long currentDeckId,
        Map<Long, String> deckNames,
        Map<Long, String> deckPresetNames,
        Map<Long, String> notetypeNames,
        Map<Long, List<String>> notetypeFields,
        Map<Long, List<String>> notetypeTemplates,
        Set<Long> clozeNotetypeIds,
        boolean ignoreAccents,
        Map<Long, Set<Integer>> excludedFields,
        Map<Long, Integer> sortFieldIndex) {

    public SearchContext {
        deckNames = Map.copyOf(deckNames);
        deckPresetNames = Map.copyOf(deckPresetNames);
        notetypeNames = Map.copyOf(notetypeNames);
        notetypeFields = Map.copyOf(notetypeFields);
        notetypeTemplates = Map.copyOf(notetypeTemplates);
        clozeNotetypeIds = Set.copyOf(clozeNotetypeIds);
        excludedFields = Map.copyOf(excludedFields);
        sortFieldIndex = Map.copyOf(sortFieldIndex);
    }

    /** True if some notetype excludes fields from unqualified searches (Anki then searches field by field). */
    public boolean anyExcludedFields() {
        return excludedFields.values().stream().anyMatch(set -> !set.isEmpty());
    }
}
