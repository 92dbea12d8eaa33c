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
 * @param lowerOnClob      the database may apply {@code LOWER()} to {@code notes.flds}: text searches then narrow
 *                         with lower-cased letters instead of one-character wildcards (PostgreSQL: yes; embedded
 *                         Derby 10.16 worked in a manual check, off by default because its support was doubted)
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
        Map<Long, Integer> sortFieldIndex,
        boolean lowerOnClob) {

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

    /** The same collection at another moment (the day and clock a search reads). */
    public SearchContext at(long today, long nextDayAtSecs, long nowSecs) {
        return new SearchContext(
                profileId,
                today,
                nextDayAtSecs,
                nowSecs,
                learnAheadSecs,
                currentDeckId,
                deckNames,
                deckPresetNames,
                notetypeNames,
                notetypeFields,
                notetypeTemplates,
                clozeNotetypeIds,
                ignoreAccents,
                excludedFields,
                sortFieldIndex,
                lowerOnClob);
    }

    /** True if some notetype excludes fields from unqualified searches (Anki then searches field by field). */
    public boolean anyExcludedFields() {
        return excludedFields.values().stream().anyMatch(set -> !set.isEmpty());
    }

    /** Starts a context for one profile with Anki's defaults (learn-ahead 1200 s, current deck 1, no names). */
    public static Builder builder(long profileId) {
        return new Builder(profileId);
    }

    /** Fluent construction, so callers need not pass every map positionally. */
    public static final class Builder {
        private final long profileId;
        private long today;
        private long nextDayAtSecs;
        private long nowSecs;
        private int learnAheadSecs = 1200;
        private long currentDeckId = 1;
        private Map<Long, String> deckNames = Map.of();
        private Map<Long, String> deckPresetNames = Map.of();
        private Map<Long, String> notetypeNames = Map.of();
        private Map<Long, List<String>> notetypeFields = Map.of();
        private Map<Long, List<String>> notetypeTemplates = Map.of();
        private Set<Long> clozeNotetypeIds = Set.of();
        private boolean ignoreAccents;
        private Map<Long, Set<Integer>> excludedFields = Map.of();
        private Map<Long, Integer> sortFieldIndex = Map.of();
        private boolean lowerOnClob;

        private Builder(long profileId) {
            this.profileId = profileId;
        }

        /** Scheduler day, next day start and current time (6.13). */
        public Builder timing(long today, long nextDayAtSecs, long nowSecs) {
            this.today = today;
            this.nextDayAtSecs = nextDayAtSecs;
            this.nowSecs = nowSecs;
            return this;
        }

        public Builder learnAheadSecs(int v) {
            this.learnAheadSecs = v;
            return this;
        }

        public Builder currentDeckId(long v) {
            this.currentDeckId = v;
            return this;
        }

        public Builder deckNames(Map<Long, String> v) {
            this.deckNames = v;
            return this;
        }

        public Builder deckPresetNames(Map<Long, String> v) {
            this.deckPresetNames = v;
            return this;
        }

        public Builder notetypeNames(Map<Long, String> v) {
            this.notetypeNames = v;
            return this;
        }

        public Builder notetypeFields(Map<Long, List<String>> v) {
            this.notetypeFields = v;
            return this;
        }

        public Builder notetypeTemplates(Map<Long, List<String>> v) {
            this.notetypeTemplates = v;
            return this;
        }

        public Builder clozeNotetypeIds(Set<Long> v) {
            this.clozeNotetypeIds = v;
            return this;
        }

        public Builder ignoreAccents(boolean v) {
            this.ignoreAccents = v;
            return this;
        }

        public Builder excludedFields(Map<Long, Set<Integer>> v) {
            this.excludedFields = v;
            return this;
        }

        public Builder sortFieldIndex(Map<Long, Integer> v) {
            this.sortFieldIndex = v;
            return this;
        }

        public Builder lowerOnClob(boolean v) {
            this.lowerOnClob = v;
            return this;
        }

        public SearchContext build() {
            return new SearchContext(
                    profileId,
                    today,
                    nextDayAtSecs,
                    nowSecs,
                    learnAheadSecs,
                    currentDeckId,
                    deckNames,
                    deckPresetNames,
                    notetypeNames,
                    notetypeFields,
                    notetypeTemplates,
                    clozeNotetypeIds,
                    ignoreAccents,
                    excludedFields,
                    sortFieldIndex,
                    lowerOnClob);
        }
    }
}
