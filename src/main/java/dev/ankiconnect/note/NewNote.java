package dev.ankiconnect.note;

import dev.ankiconnect.notetype.ModelInfo;
import java.util.List;

/**
 * A note object of addNote/canAddNote after lookups, field mapping and option checks.
 *
 * @param fields field values in model order, normalised as stored
 * @param tags   the tags as given (canonicalised when the note is saved)
 */
public record NewNote(
        ModelInfo model, long deckId, String deckName, String[] fields, List<String> tags, DuplicateOptions options) {}
