package dev.ankiconnect.search;

import java.util.List;

/**
 * Immutable syntax tree of an Anki search. Text in {@link Text}, {@link Field} (glob mode), {@link Deck},
 * {@link Note}, {@link Card}, {@link Tag} (glob mode) and {@link Word} is still in the wildcard layer: {@code *}
 * and {@code _} are wildcards, {@code \*}, {@code \_} and {@code \\} are literal characters.
 */
public sealed interface SearchNode {

    /** The empty query: every note/card. */
    record All() implements SearchNode {}

    /** All children must match (implicit AND or {@code and}). */
    record And(List<SearchNode> children) implements SearchNode {
        public And {
            children = List.copyOf(children);
        }
    }

    /** Any child may match ({@code or}); binds looser than AND. */
    record Or(List<SearchNode> children) implements SearchNode {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** {@code -term} or {@code -(group)}. */
    record Not(SearchNode child) implements SearchNode {}

    /** Unqualified text: substring of the sort field or of the joined fields. */
    record Text(String text) implements SearchNode {}

    /** How a {@code field:value} value is matched. */
    enum FieldMode {
        GLOB,
        REGEX,
        NO_COMBINING
    }

    /** {@code field:value}, {@code field:re:regex}, {@code field:nc:value}; field name may hold wildcards. */
    record Field(String field, String text, FieldMode mode) implements SearchNode {}

    /** {@code deck:name} including subdecks; {@code *}, {@code filtered} and {@code current} are special. */
    record Deck(String name) implements SearchNode {}

    /** {@code did:1,2}: cards whose current or home deck id is listed (no children). */
    record DeckIds(List<Long> ids) implements SearchNode {
        public DeckIds {
            ids = List.copyOf(ids);
        }
    }

    /** {@code note:name}: notetype name, exact (case-insensitive) or wildcard. */
    record Note(String name) implements SearchNode {}

    /** {@code card:Name} (template name, {@code ordinal} null) or {@code card:N} (ordinal = N-1, name null). */
    record Card(String name, Integer ordinal) implements SearchNode {}

    /** {@code tag:name} (with children) or {@code tag:re:regex}. */
    record Tag(String tag, boolean regex) implements SearchNode {}

    /** The {@code is:} states. */
    enum StateKind {
        NEW,
        LEARN,
        REVIEW,
        DUE,
        SUSPENDED,
        BURIED,
        BURIED_MANUALLY,
        BURIED_SIBLING
    }

    /** {@code is:state}. */
    record State(StateKind kind) implements SearchNode {}

    /** {@code flag:N}, N in 0..7. */
    record Flag(int flag) implements SearchNode {}

    /**
     * {@code prop:NAME OP VALUE}. {@code property} is one of ivl due reps lapses ease pos rated resched s d r
     * cdn cds; {@code key} is the custom-data key for cdn/cds, {@code text} the string for cds, {@code button}
     * the answer button for {@code prop:rated} (null = any).
     */
    record Prop(String property, String op, double value, String key, String text, Integer button)
            implements SearchNode {}

    /** {@code added:N}: card created in the last N days. */
    record Added(int days) implements SearchNode {}

    /** {@code edited:N}: note modified in the last N days. */
    record Edited(int days) implements SearchNode {}

    /** {@code rated:N[:B]} (manual=false) or {@code resched:N} (manual=true); button null = any. */
    record Rated(int days, Integer button, boolean manual) implements SearchNode {}

    /** {@code introduced:N}: first answered in the last N days. */
    record Introduced(int days) implements SearchNode {}

    /** {@code nid:1,2}. */
    record NoteIds(List<Long> ids) implements SearchNode {
        public NoteIds {
            ids = List.copyOf(ids);
        }
    }

    /** {@code cid:1,2}. */
    record CardIds(List<Long> ids) implements SearchNode {
        public CardIds {
            ids = List.copyOf(ids);
        }
    }

    /** {@code mid:123}. */
    record Mid(long id) implements SearchNode {}

    /** {@code dupe:mid,text}: notes of that notetype whose stripped first field equals the stripped text. */
    record Dupe(long mid, String text) implements SearchNode {}

    /** {@code re:regex} on the joined fields. */
    record Regex(String pattern) implements SearchNode {}

    /** {@code nc:text}: unqualified search ignoring combining marks. */
    record NoCombining(String text) implements SearchNode {}

    /** {@code sc:text}: unqualified search in cloze notes with cloze markup removed. */
    record StripClozes(String text) implements SearchNode {}

    /** {@code w:word}: whole-word match. */
    record Word(String text) implements SearchNode {}

    /** {@code has-cd:key}: card custom data has that key. */
    record CustomData(String key) implements SearchNode {}

    /** {@code preset:name}: cards in decks using that deck preset. */
    record Preset(String name) implements SearchNode {}
}
