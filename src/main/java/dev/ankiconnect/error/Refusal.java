package dev.ankiconnect.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The request was refused, for a reason of a known {@link Kind}: the values are what its wire text names, in the order
 * each kind's documentation gives. The text itself is {@code api.ApiErrors}'s alone; {@link #getMessage()} is only a
 * log line (kind and values).
 */
public final class Refusal extends RuntimeException {

    /** Why the request was refused; the values each kind carries are listed with it. */
    public enum Kind {
        // The collection and the protocol
        /** No database is open (yet): nothing. */
        COLLECTION_UNAVAILABLE,
        /** {@code sync}, which this server does not do: nothing. */
        SYNC_UNAVAILABLE,
        /** apiReflect: a parameter that is not a list: the parameter's name. */
        INVALID_VALUE,

        // Python's exceptions, as AnkiConnect lets them through
        /** KeyError: the missing key. */
        KEY_ERROR,
        /** TypeError, iterating a value that is no list: its Python type name. */
        NOT_ITERABLE,
        /** AttributeError: the Python type name, the attribute. */
        NO_ATTRIBUTE,
        /** TypeError, indexing a value by a string key: its Python type name. */
        NOT_SUBSCRIPTABLE,
        /** IndexError: nothing. */
        INDEX_OUT_OF_RANGE,
        /** ValueError of int(): the repr of the value. */
        INT_LITERAL,
        /** TypeError of int(): the Python type name. */
        INT_ARGUMENT,
        /** TypeError of getattr(): the Python type name of the name. */
        ATTRIBUTE_NAME,
        /** AssertionError, whose str() is empty: nothing. */
        ASSERTION,
        /** FileNotFoundError: the path as given (null when none was: an empty path). */
        NO_SUCH_FILE,
        /** IsADirectoryError: the path as given. */
        IS_DIRECTORY,
        /** Anki's database refusing a review id that exists: nothing. */
        REVIEW_ID_TAKEN,

        // Cards, decks, reviews
        /** A card whose template no longer exists (Anki's renderer): nothing. */
        MISSING_TEMPLATE,
        /** guiCurrentCard while the reviewer shows no card: nothing. */
        GUI_REVIEW_INACTIVE,
        /** guiCloseWindow, a window name it does not know: the name. */
        GUI_WINDOW_UNKNOWN,
        /** guiBrowse, a reorderCards that is no object: Python's str() of it. */
        BROWSE_ORDER_NOT_DICT,
        /** guiBrowse, a reorderCards without columnId or order: nothing. */
        BROWSE_ORDER_KEYS,
        /** guiBrowse, an order other than ascending or descending: Python's str() of it. */
        BROWSE_ORDER_INVALID,
        /** guiBrowse, a columnId that is no browser column: Python's str() of it. */
        BROWSE_COLUMN_INVALID,
        /** guiAddNoteSetData, a deckName that names no deck: the name. */
        GUI_DIALOG_DECK_NOT_FOUND,
        /** guiAddNoteSetData, a modelName that names no note type: the name. */
        GUI_DIALOG_MODEL_NOT_FOUND,
        /** guiAddNoteSetData, a field the Add dialog's note type does not have: the name. */
        GUI_DIALOG_FIELD_NOT_FOUND,
        /** setSpecificValueOfCard, a card parameter that is no integer: the repr of the value. */
        CARD_NOT_INTEGER,
        /** setSpecificValueOfCard, a value of the wrong form: the key, and the given text or null. */
        INVALID_CARD_VALUE,
        /** deleteDecks without cardsToo: nothing. */
        DECK_DELETE_CARDS_TOO,
        /** Removing the default preset: nothing. */
        DEFAULT_PRESET_DELETE,
        /** A deck below a filtered deck: nothing. */
        FILTERED_DECK_CHILD,
        /** insertReviews, an entry that is not 9 integers: the repr of the entry. */
        REVIEW_SHAPE,
        /** answerCards, an entry that is no object: the entry as JSON. */
        ANSWER_SHAPE,

        // Notes and note types
        /** Tags that are not a list of strings: nothing. */
        TAGS_NOT_STRINGS,
        /** updateNote without fields and tags: nothing. */
        UPDATE_NOTHING,
        /** updateNoteModel without a note id: nothing. */
        NOTE_ID_REQUIRED,
        /** updateNoteModel without a model name: nothing. */
        MODEL_NAME_REQUIRED,
        /** updateNoteModel with fields that are no dictionary: nothing. */
        FIELDS_NOT_DICT,
        /** updateNoteModel naming an unknown model: the name. */
        MODEL_NAME_NOT_FOUND,
        /** notesInfo without notes and query: nothing. */
        NOTES_OR_QUERY,
        /** A duplicate-check option that is no boolean: the option's name. */
        OPTION_NOT_BOOLEAN,
        /** createModel without fields: nothing. */
        MODEL_NEEDS_FIELD_PARAM,
        /** createModel without card templates: nothing. */
        MODEL_NEEDS_CARD_PARAM,
        /** createModel with a name in use: nothing. */
        MODEL_NAME_EXISTS,
        /** modelFieldSetFont with a font that is no string: str() of the value. */
        FONT_NOT_STRING,
        /** modelFieldSetFontSize with a size that is no integer: str() of the value. */
        FONT_SIZE_NOT_INTEGER,
        /** modelFieldSetDescription with a description that is no string: str() of the value. */
        DESCRIPTION_NOT_STRING,
        /** A value that should be a string: the repr of the value. */
        EXPECTED_STRING,
        /** A note type left without fields: nothing. */
        NOTETYPE_NEEDS_FIELD,
        /** A note type left without templates: nothing. */
        NOTETYPE_NEEDS_TEMPLATE,
        /** A note type name empty once quotes go: nothing. */
        EMPTY_NOTETYPE_NAME,
        /** An empty template name: nothing. */
        EMPTY_TEMPLATE_NAME,
        /** A template name of quotes only: nothing. */
        TEMPLATE_NAME_QUOTES,
        /** An empty field name: nothing. */
        EMPTY_FIELD_NAME,
        /** A field name empty once forbidden characters go: the name without them. */
        BAD_FIELD_NAME,
        /** A front identical to an earlier one: the template's number (1-based), note type name, earlier number. */
        TEMPLATE_FRONT_IDENTICAL,
        /** A template that does not parse or names an unknown field: the number (1-based), the note type name. */
        TEMPLATE_SEE_PREVIEW,
        /** A front without a field: the template's number (1-based), the note type name. */
        TEMPLATE_NO_FRONT_FIELD,
        /** A cloze note type without cloze on its template: the template's number (1-based), the note type name. */
        TEMPLATE_NO_CLOZE,

        // Media
        /** Reading media from a path is off: nothing. */
        MEDIA_PATH_DISABLED,
        /** Downloading media is off: nothing. */
        MEDIA_URL_DISABLED,
        /** The media folder is not exported: nothing. */
        MEDIA_DIR_DISABLED,
        /** Media without data, path or url: nothing. */
        MEDIA_NO_SOURCE,
        /** Media data that is no base64: the file name, the decoder's reason. */
        MEDIA_BAD_BASE64,
        /** A media parameter that is no string: the parameter's name, the Python type name. */
        MEDIA_NOT_STRING,
        /** A media file name empty once cleaned: the name as given. */
        MEDIA_NAME_EMPTY,
        /** A media file over the limit: the name, its size, the limit. */
        MEDIA_TOO_LARGE,
        /** A download over the limit before its size was known: the url, the limit. */
        MEDIA_TOO_LARGE_UNSIZED,
        /** A media file stored under the same name at the same moment: the name. */
        MEDIA_STORE_RACE,
        /** A media path that cannot be read: the path, the reason. */
        MEDIA_PATH_UNREADABLE,
        /** A media path that is no regular file: the path. */
        MEDIA_PATH_NOT_REGULAR,
        /** A media path outside the allowed directories: the path. */
        MEDIA_PATH_OUTSIDE,
        /** A download that timed out: the url, the timeout in ms. */
        DOWNLOAD_TIMEOUT,
        /** A download answered with a status other than 200: the url, the status. */
        DOWNLOAD_STATUS,
        /** A download redirected too often: the url, the most redirects followed. */
        DOWNLOAD_REDIRECTS,
        /** A download naming an unknown host: the url, the host. */
        DOWNLOAD_UNKNOWN_HOST,
        /** A download that failed otherwise: the url; the cause is the failure. */
        DOWNLOAD_FAILED,
        /** A media url that does not parse: the url. */
        URL_INVALID,
        /** A media url of another scheme: the url, and the url it was redirected to or null. */
        URL_SCHEME,
        /** A media url without host: the url. */
        URL_NO_HOST,
        /** A media url of a private address: the url, the host, the address. */
        URL_PRIVATE,

        // Packages
        /** A package note whose note type is not in the package: the note id, the note type id. */
        PACKAGE_MISSING_NOTETYPE,
        /** A package id more than a day in the future: what it identifies (note, card, review), the id. */
        PACKAGE_FUTURE_ID,
        /** A package that cannot be read: nothing; the cause is the IOException. */
        PACKAGE_UNREADABLE,
        /** A package that cannot be written: nothing; the cause is the IOException. */
        PACKAGE_UNWRITABLE,
        /** A package path that cannot be written: the path; the cause is the IOException. */
        PACKAGE_PATH_UNWRITABLE,
        /** A package path the file system refuses: the path, the reason. */
        PACKAGE_PATH_INVALID,
        /** A package path outside the package directory: the path. */
        PACKAGE_PATH_OUTSIDE,

        /**
         * The cause's own message is the text: a parse error of a pure subsystem (search syntax, package format, due
         * date, rating), which knows its texts because it mirrors Anki's parser. Nothing; the cause carries it.
         */
        CAUSE_TEXT
    }

    private final Kind kind;
    private final List<Object> values;

    public Refusal(Kind kind, Object... values) {
        this(null, kind, values);
    }

    /** With the failure that led to it, for kinds whose text comes from the cause (see {@link Kind}). */
    public Refusal(Throwable cause, Kind kind, Object... values) {
        // No stack trace: these are expected outcomes, raised often.
        super(null, cause, false, false);
        this.kind = kind;
        List<Object> copy = new ArrayList<>(values.length);
        Collections.addAll(copy, values);
        this.values = Collections.unmodifiableList(copy);
    }

    public Kind kind() {
        return kind;
    }

    /** The values, in the order the kind's documentation gives; an element may be null. */
    public List<Object> values() {
        return values;
    }

    /** The i-th value as text ({@code "null"} for null). */
    public String value(int i) {
        return String.valueOf(values.get(i));
    }

    /** For logs only: the kind and its values. Clients get {@code api.ApiErrors}'s text. */
    @Override
    public String getMessage() {
        return kind + " " + values;
    }
}
