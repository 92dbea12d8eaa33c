package dev.ankiconnect.note;

import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.template.Cloze;
import dev.ankiconnect.text.Html;

/**
 * The pure parts of the empty/duplicate check (ANKI-MODEL 1.9, PROTOCOL 10): the states of
 * Anki's note_fields_check and AnkiConnect's messages for them.
 */
public final class DuplicateRule {

    public enum State {
        NORMAL,
        EMPTY,
        DUPLICATE,
        MISSING_CLOZE,
        NOTETYPE_NOT_CLOZE,
        FIELD_NOT_CLOZE
    }

    public static final String EMPTY = "cannot create note because it is empty";
    public static final String DUPLICATE = "cannot create note because it is a duplicate";
    public static final String UNKNOWN = "cannot create note for unknown reason";

    private DuplicateRule() {}

    /** Anki's cloze checks, which come before the empty and duplicate checks on the default path. */
    public static State clozeState(ModelInfo model, String[] fields) {
        boolean hasCloze = false;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].indexOf("{{c") < 0 || Cloze.numbersIn(fields[i]).isEmpty()) {
                continue;
            }
            if (!model.isCloze()) {
                return State.NOTETYPE_NOT_CLOZE;
            }
            if (i < model.fieldCount()
                    && model.clozeFields().contains(model.fieldNames().get(i))) {
                hasCloze = true;
            } else {
                return State.FIELD_NOT_CLOZE;
            }
        }
        return model.isCloze() && !hasCloze ? State.MISSING_CLOZE : State.NORMAL;
    }

    /** The first field as the duplicate check compares it: media names kept, HTML stripped. */
    public static String strippedFirst(String first) {
        return Html.stripHtmlPreservingMedia(first);
    }

    /** Rust's str::trim().is_empty(): only Unicode white space. */
    public static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** AnkiConnect's outcome for a state: null when the note may be added. */
    public static String message(State state, boolean allowDuplicate) {
        return switch (state) {
            case NORMAL -> null;
            case EMPTY -> EMPTY;
            case DUPLICATE -> allowDuplicate ? null : DUPLICATE;
            default -> UNKNOWN;
        };
    }
}
