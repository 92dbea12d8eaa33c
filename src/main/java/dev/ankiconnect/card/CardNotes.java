package dev.ankiconnect.card;

import dev.ankiconnect.text.Tags;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the card reads need of notes (cardsInfo shows its note's fields and renders with its tags). Implemented in
 * {@code note} (note.NoteCardReads), which sits above card, so that card imports no note class.
 */
public interface CardNotes {

    /** The known notes of these ids; unknown ids are left out. */
    Map<Long, Row> byIds(Collection<Long> nids);

    /** A note as a card sees it: its note type, field values and tags in storage form " a b " or "". */
    record Row(long mid, String[] fields, String tags) {

        public List<String> tagList() {
            return Tags.split(tags);
        }
    }
}
