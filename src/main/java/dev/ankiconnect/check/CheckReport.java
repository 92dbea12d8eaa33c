package dev.ankiconnect.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one Check Database found and repaired: counts by kind, and the media notes refer to but nobody has. */
public final class CheckReport {

    /** The kinds of repair, in the order the summary lists them (Anki's names, as in its {@code dbcheck.rs}). */
    public enum Kind {
        /** Cards whose note is gone: deleted. */
        CARDS_MISSING_NOTE("cardsMissingNote"),
        /** Cards whose ordinal another card of the note already has: deleted. */
        CARD_ORDS_DUPLICATED("cardOrdsDuplicated"),
        /** Cards of a standard note type whose template is gone: deleted. */
        TEMPLATES_MISSING("templatesMissing"),
        /** New cards with a position of 2,000,000 or more: wrapped. */
        CARD_POSITION_TOO_HIGH("cardPositionTooHigh"),
        /** Cards with invalid due, queue, interval, ordinal or original deck: repaired. */
        CARD_PROPERTIES_INVALID("cardPropertiesInvalid"),
        /** Decks that cards are in but that do not exist: recreated as "recovered<id>". */
        DECKS_MISSING("decksMissing"),
        /** Decks whose options preset does not exist: given the Default preset (1). */
        PRESETS_MISSING("presetsMissing"),
        /** Notes whose field count does not match their note type: fitted, tagged db-check. */
        FIELD_COUNT_MISMATCH("fieldCountMismatch"),
        /** Notes whose sort field or checksum did not match their fields: recomputed. */
        NOTE_CACHE_STALE("noteCacheStale"),
        /** Cards a note should have but had not: generated (a note with none gets its first). */
        CARDS_GENERATED("cardsGenerated"),
        /** Tags registered that no note uses, or used but not registered: the tag list rebuilt. */
        TAGS_REBUILT("tagListChanges"),
        /** The next new-card position was below a position in use: raised. */
        NEXT_POSITION("nextPosition");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Map<Kind, Integer> counts = new LinkedHashMap<>();
    private final List<String> missingMedia = new ArrayList<>();
    private int notesWithoutNoteType;

    void add(Kind kind, int n) {
        if (n > 0) {
            counts.merge(kind, n, Integer::sum);
        }
    }

    public int count(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** The number of repairs; 0 when the collection was left untouched. */
    public int fixed() {
        int n = 0;
        for (int c : counts.values()) {
            n += c;
        }
        return n;
    }

    public boolean changed() {
        return fixed() > 0;
    }

    void missingMedia(List<String> names) {
        missingMedia.addAll(names);
    }

    /** File names that notes refer to and the collection's media does not have, sorted (reported, not repaired). */
    public List<String> missingMedia() {
        return Collections.unmodifiableList(missingMedia);
    }

    void notesWithoutNoteType(int n) {
        notesWithoutNoteType = n;
    }

    /** Notes whose note type is gone (reported, not repaired). */
    public int notesWithoutNoteType() {
        return notesWithoutNoteType;
    }

    /** One line: what was repaired, with counts, and what was only found. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(fixed() == 0 ? "no problems fixed" : fixed() + " problem(s) fixed:");
        for (Kind k : Kind.values()) {
            if (count(k) > 0) {
                b.append(' ').append(k.label).append('=').append(count(k));
            }
        }
        b.append("; missing media files: ").append(missingMedia.size());
        if (notesWithoutNoteType > 0) {
            b.append("; notes whose note type is missing (left as they are): ").append(notesWithoutNoteType);
        }
        return b.toString();
    }
}
