package dev.ankiconnect.api;

import dev.ankiconnect.error.Refusal;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The only place that knows AnkiConnect's wire texts for failures; every reply error passes here. */
public final class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    public static final String INVALID_API_KEY = "valid api key must be provided";
    public static final String UNSUPPORTED_ACTION = "unsupported action";
    public static final String COLLECTION_UNAVAILABLE = "collection is not available";
    /** Anki's renderer, for a card whose template no longer exists (rslib's render_existing_card). */
    public static final String MISSING_TEMPLATE = "missing template";

    /** guiAddNoteSetData's SUCCESS result (an object with error and code) while the Add dialog is closed. */
    public static final String ADD_DIALOG_CLOSED = "Add Note dialog is not open";

    /** Request bodies in flight already fill the server's budget for them (maxBodyMbInFlight). */
    public static final String BODIES_BUSY =
            "server busy: too many request bodies are being received at once (maxBodyMbInFlight); try again";

    /** The filter ran no parse for this request (the servlet reached without its filter). */
    public static final String NOT_PARSED = "request was not parsed by AnkiConnectFilter";

    /** An upload to the package endpoint without a body. */
    public static final String EMPTY_PACKAGE_BODY = "the request body is empty; send the .apkg file as the body";

    /** A request body over {@code maxRequestBytes}. */
    public static String bodyTooLarge(long limit) {
        return "request body is larger than the limit of " + limit + " bytes (maxRequestBytes)";
    }

    /** A package upload over {@code maxPackageBytes}. */
    public static String packageTooLarge(long limit) {
        return "package is larger than the limit of " + limit + " bytes (maxPackageBytes)";
    }

    /** Too many requests with a wrong key from one address: the client may try again after {@code seconds}. */
    public static String keyThrottled(long seconds) {
        return "too many requests with an invalid api key from this address; try again in " + seconds + " s";
    }

    /** A path under /packages that is no endpoint. */
    public static String unknownPackageEndpoint(String path) {
        return "unknown package endpoint " + path + "; use POST /packages/import or GET /packages/export";
    }

    /** An endpoint asked with another HTTP method than the one it takes. */
    public static String wrongMethod(String path, String wanted, String method) {
        return path + " takes " + wanted + ", not " + method;
    }

    /** A required parameter of a URL's query string is missing. */
    public static String missingQueryParameter(String name) {
        return "missing query parameter " + name;
    }

    /** Python's TypeError for {@code version <= ...} on a version that is no number (a sub-request of multi). */
    public static String versionNotComparable(String typeName) {
        return "'<=' not supported between instances of '" + typeName + "' and 'int'";
    }

    /** Python's TypeError for {@code **params} that are no dictionary (a sub-request of multi). */
    public static String paramsNotMapping(String action, String typeName) {
        return "AnkiConnect." + action + "() argument after ** must be a mapping, not " + typeName;
    }

    /** The request's body did not arrive within the request's time budget. */
    public static String bodyTimeout(long ms) {
        return "the request body did not arrive within " + ms + " ms (requestTimeoutMs)";
    }

    private ApiErrors() {}

    /** The error text a client receives for this failure. */
    public static String message(Throwable failure) {
        if (failure instanceof Refusal r) {
            return refusal(r);
        }
        if (failure instanceof NotFoundException nf) {
            return notFound(nf);
        }
        if (failure instanceof ApiException) {
            return failure.getMessage();
        }
        if (failure instanceof PythonJsonReader.JsonSyntaxError) {
            return failure.getMessage();
        }
        String timedOut = timedOut(failure);
        if (timedOut != null) {
            LOG.warning(() -> "request stopped: " + timedOut);
            return timedOut;
        }
        dev.ankiconnect.db.ServerBusyException busy = dev.ankiconnect.db.ServerBusyException.within(failure);
        if (busy != null) {
            String text = busy(busy);
            // no stack trace: under overload this is expected, and one line each is enough
            LOG.warning(() ->
                    text + (busy.getCause() != null ? " (" + busy.getCause().getMessage() + ")" : ""));
            return text;
        }
        if (sqlState(failure, "22001")) {
            // The database's own text quotes the value and names its driver; say what the limit is instead.
            LOG.fine(() -> "value too long for its column: " + failure);
            return TOO_LONG;
        }
        if (sqlState(failure, "22021")) {
            // PostgreSQL stores no NUL (U+0000) in text, and refuses one even as a parameter to compare with
            LOG.fine(() -> "a character the database cannot store: " + failure);
            return NUL_IN_TEXT;
        }
        // Anything else is a bug or an infrastructure fault: its text may name classes, SQL or server paths.
        // The trace goes to the log under an id; the client gets the id and nothing of the text.
        return internal(failure);
    }

    /** Logs an unexpected failure with a new id and returns the client's text, which carries only that id. */
    public static String internal(Throwable failure) {
        String id = logId();
        LOG.log(Level.SEVERE, "request failed unexpectedly [log id " + id + "]", failure);
        return internalText(id);
    }

    /** The client's text for an unexpected failure logged under {@code id}. */
    public static String internalText(String id) {
        return "internal server error: the request was not completed; the server log has the details under id " + id;
    }

    /**
     * Python's TypeError, in spirit, for a parameter of the wrong type that an action found only while using it:
     * which parameter is not known here, so the text names the action; the log has the details under the id.
     */
    public static String wrongType(String action, Throwable failure) {
        String id = logId();
        LOG.log(Level.INFO, "wrong parameter type in " + action + " [log id " + id + "]", failure);
        return "TypeError: a parameter of " + action + " has the wrong type (server log id " + id + ")";
    }

    /**
     * What went wrong with a file, in the words of the operating system and without any path: a
     * {@link java.nio.file.FileSystemException}'s message names the files (the server's data directory among them),
     * its reason does not. Anything else is logged under an id that the text carries.
     */
    public static String ioReason(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs
                && fs.getReason() != null
                && !fs.getReason().isBlank()) {
            return fs.getReason();
        }
        String id = logId();
        LOG.log(Level.WARNING, "file error [log id " + id + "]", e);
        return "input/output error (server log id " + id + ")";
    }

    /** A short id that is unique enough to find one entry in a server's log. */
    static String logId() {
        long bits = java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL;
        return String.format("%012x", bits);
    }

    /** A name or text longer than its column (SQLState 22001, string data right truncation). */
    public static final String TOO_LONG = "text too long: a name or tag in this request is longer than the server "
            + "stores (names of decks, note types, fields, templates and tags: 1000 characters; all tags of a note "
            + "together: 32672 characters)";

    /** Text with a NUL character (U+0000), which PostgreSQL refuses (SQLState 22021, character not in repertoire). */
    public static final String NUL_IN_TEXT = "text with a NUL character (\\u0000): the server's database cannot store "
            + "or search for it; remove it from the request";

    /** True when an SQLException with this SQLState is in the failure's cause chain. */
    static boolean sqlState(Throwable failure, String state) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
                    if (state.equals(e.getSQLState())) {
                        return true;
                    }
                    if (e.getNextException() == e) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The request's time budget ran out ({@code requestTimeoutMs}): in a loop of the server, or a statement the
     * database cancelled at its query timeout (Derby XCL52, PostgreSQL 57014 query_canceled); null otherwise.
     */
    static String timedOut(Throwable failure) {
        dev.ankiconnect.search.Deadline.Exceeded e = dev.ankiconnect.search.Deadline.Exceeded.within(failure);
        if (e != null) {
            return timeBudgetExceeded(e.budgetMs());
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("XCL52".equals(sql.getSQLState()) || "57014".equals(sql.getSQLState()))) {
                return timeBudgetExceeded(dev.ankiconnect.search.Deadline.budgetMs());
            }
        }
        return null;
    }

    /** The request's time budget ({@code requestTimeoutMs}) ran out; it was rolled back. */
    static String timeBudgetExceeded(long budgetMs) {
        return "the request took longer than its time budget of " + budgetMs
                + " ms (requestTimeoutMs) and was stopped; nothing was changed";
    }

    /** The server could not serve the request in time; nothing of it was kept. */
    static String busy(dev.ankiconnect.db.ServerBusyException e) {
        return switch (e.reason()) {
            case CONNECTION ->
                "server busy: no database connection became free within " + e.waitedMs() + " ms (dbWaitMs); try again";
            case LOCK -> "server busy: another request held the collection longer than dbWaitMs; try again";
        };
    }

    /** The wire text of a refusal: AnkiConnect's (or Python's) words, with the refusal's values in their places. */
    static String refusal(Refusal r) {
        return switch (r.kind()) {
            case COLLECTION_UNAVAILABLE -> COLLECTION_UNAVAILABLE;
            case SYNC_UNAVAILABLE ->
                "sync: auth not configured (this server holds the collection itself; "
                        + "sync with AnkiWeb is not available, use exportPackage/importPackage to move decks)";
            case INVALID_VALUE -> r.value(0) + " has invalid value";

            case KEY_ERROR -> "'" + r.value(0) + "'";
            case NOT_ITERABLE -> "'" + r.value(0) + "' object is not iterable";
            case NO_ATTRIBUTE -> "'" + r.value(0) + "' object has no attribute '" + r.value(1) + "'";
            case NOT_SUBSCRIPTABLE ->
                switch (r.value(0)) {
                    case "list" -> "list indices must be integers or slices, not str";
                    case "str" -> "string indices must be integers, not 'str'";
                    default -> "'" + r.value(0) + "' object is not subscriptable";
                };
            case INDEX_OUT_OF_RANGE -> "list index out of range";
            case INT_LITERAL -> "invalid literal for int() with base 10: " + r.value(0);
            case INT_ARGUMENT ->
                "int() argument must be a string, a bytes-like object or a real number, not '" + r.value(0) + "'";
            case ATTRIBUTE_NAME -> "attribute name must be string, not '" + r.value(0) + "'";
            case ASSERTION -> "";
            case NO_SUCH_FILE ->
                "[Errno 2] No such file or directory: '" + (r.values().get(0) == null ? "" : r.value(0)) + "'";
            case IS_DIRECTORY -> "[Errno 21] Is a directory: '" + r.value(0) + "'";
            case REVIEW_ID_TAKEN -> "UNIQUE constraint failed: revlog.id";

            case MISSING_TEMPLATE -> MISSING_TEMPLATE;
            case GUI_REVIEW_INACTIVE -> "Gui review is not currently active.";
            case GUI_WINDOW_UNKNOWN -> "guiCloseWindow: unknown window: " + r.value(0);
            case BROWSE_ORDER_NOT_DICT -> "reorderCards should be a dict: " + r.value(0);
            case BROWSE_ORDER_KEYS -> "Must provide a \"columnId\" and a \"order\" property\"";
            case BROWSE_ORDER_INVALID -> "invalid card order: " + r.value(0);
            case BROWSE_COLUMN_INVALID -> "invalid columnId: " + r.value(0);
            case GUI_DIALOG_DECK_NOT_FOUND -> "Deck \"" + r.value(0) + "\" not found";
            case GUI_DIALOG_MODEL_NOT_FOUND -> "Model \"" + r.value(0) + "\" not found";
            case GUI_DIALOG_FIELD_NOT_FOUND -> "Field \"" + r.value(0) + "\" not found in current note";
            case CARD_NOT_INTEGER -> "setSpecificValueOfCard: parameter 'card' must be an integer, got " + r.value(0);
            case INVALID_CARD_VALUE ->
                "invalid value for " + r.value(0) + (r.values().get(1) == null ? "" : ": " + r.value(1));
            case DECK_DELETE_CARDS_TOO ->
                "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well";
            case DEFAULT_PRESET_DELETE -> "Invalid input: can't delete default conf";
            case FILTERED_DECK_CHILD -> "Filtered decks can not have child decks.";
            case REVIEW_SHAPE -> "insertReviews: each review must be a list of 9 numbers, got " + r.value(0);
            case ANSWER_SHAPE -> "answerCards: each answer must be an object, got " + r.value(0);

            case TAGS_NOT_STRINGS -> "Must provide tags as a list of strings";
            case UPDATE_NOTHING -> "Must provide a \"fields\" or \"tags\" property.";
            case NOTE_ID_REQUIRED -> "Note ID is required";
            case MODEL_NAME_REQUIRED -> "Model name is required";
            case FIELDS_NOT_DICT -> "Fields must be provided as a dictionary";
            case MODEL_NAME_NOT_FOUND -> "Model '" + r.value(0) + "' not found";
            case NOTES_OR_QUERY -> "Must provide either \"notes\" or a \"query\"";
            case OPTION_NOT_BOOLEAN -> "option parameter \"" + r.value(0) + "\" must be boolean";
            case MODEL_NEEDS_FIELD_PARAM -> "Must provide at least one field for inOrderFields";
            case MODEL_NEEDS_CARD_PARAM -> "Must provide at least one card for cardTemplates";
            case MODEL_NAME_EXISTS -> "Model name already exists";
            case FONT_NOT_STRING -> "font should be a string: " + r.value(0);
            case FONT_SIZE_NOT_INTEGER -> "fontSize should be an integer: " + r.value(0);
            case DESCRIPTION_NOT_STRING -> "description should be a string: " + r.value(0);
            case EXPECTED_STRING -> "expected a string, got " + r.value(0);
            case NOTETYPE_NEEDS_FIELD -> "Invalid input: 1 field required";
            case NOTETYPE_NEEDS_TEMPLATE -> "Invalid input: 1 template required";
            case EMPTY_NOTETYPE_NAME -> "Invalid input: Empty notetype name";
            case EMPTY_TEMPLATE_NAME -> "Invalid input: Empty template name";
            case TEMPLATE_NAME_QUOTES -> "Invalid input: Template name contains only quotes";
            case EMPTY_FIELD_NAME -> "Invalid input: Empty field name";
            case BAD_FIELD_NAME -> "Invalid input: Field name: " + r.value(0);
            case TEMPLATE_FRONT_IDENTICAL ->
                cardTemplateProblem(r) + "The front side is identical to card template " + r.value(2) + ".";
            case TEMPLATE_SEE_PREVIEW -> cardTemplateProblem(r) + "See the preview for more information.";
            case TEMPLATE_NO_FRONT_FIELD ->
                cardTemplateProblem(r) + "Expected to find a field replacement on the front of the card template.";
            case TEMPLATE_NO_CLOZE ->
                cardTemplateProblem(r)
                        + "Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.";

            case MEDIA_PATH_DISABLED ->
                "reading media from a \"path\" is disabled on this server (mediaPathAllowlist is empty)";
            case MEDIA_URL_DISABLED ->
                "downloading media from a \"url\" is disabled on this server (mediaUrlDownloads=false)";
            case MEDIA_DIR_DISABLED ->
                "media is not available as a folder on this server"
                        + " (mediaDirExport=false); use retrieveMediaFile and getMediaFilesNames";
            case MEDIA_NO_SOURCE -> "You must provide a \"data\", \"path\", or \"url\" field.";
            case MEDIA_BAD_BASE64 -> "\"data\" of media file \"" + r.value(0) + "\" is not valid base64: " + r.value(1);
            case MEDIA_NOT_STRING -> "media \"" + r.value(0) + "\" must be a string, not '" + r.value(1) + "'";
            case MEDIA_NAME_EMPTY ->
                "media file name \"" + r.value(0)
                        + "\" is empty once the characters Anki does not allow in file names are removed";
            case MEDIA_TOO_LARGE ->
                "media file \"" + r.value(0) + "\" is " + r.value(1) + " bytes, larger than the limit of " + r.value(2)
                        + " bytes (maxMediaFileBytes)";
            case MEDIA_TOO_LARGE_UNSIZED ->
                "media file \"" + r.value(0) + "\" is larger than the limit of " + r.value(1)
                        + " bytes (maxMediaFileBytes)";
            case MEDIA_STORE_RACE ->
                "media file \"" + r.value(0) + "\" could not be stored: another request"
                        + " stored a file of that name at the same moment; try again";
            case MEDIA_PATH_UNREADABLE -> "cannot read media path '" + r.value(0) + "': " + r.value(1);
            case MEDIA_PATH_NOT_REGULAR -> "media path '" + r.value(0) + "' is refused: not a regular file";
            case MEDIA_PATH_OUTSIDE ->
                "media path '" + r.value(0) + "' is refused: it is not inside a directory listed in mediaPathAllowlist";
            case DOWNLOAD_TIMEOUT ->
                r.value(0) + " download failed: timed out after " + r.value(1) + " ms (webTimeout)";
            case DOWNLOAD_STATUS -> r.value(0) + " download failed with return code " + r.value(1);
            case DOWNLOAD_REDIRECTS -> r.value(0) + " download failed: more than " + r.value(1) + " redirects";
            case DOWNLOAD_UNKNOWN_HOST -> r.value(0) + " download failed: unknown host " + r.value(1);
            case DOWNLOAD_FAILED ->
                r.value(0) + " download failed: " + r.getCause().getClass().getSimpleName()
                        + (r.getCause().getMessage() == null
                                ? ""
                                : ": " + r.getCause().getMessage());
            case URL_INVALID -> "media url '" + r.value(0) + "' is refused: not a valid URL";
            case URL_SCHEME ->
                "media url '" + r.value(0) + "' is refused: only http and https URLs can be downloaded"
                        + (r.values().get(1) == null ? "" : " (redirected to " + r.value(1) + ")");
            case URL_NO_HOST -> "media url '" + r.value(0) + "' is refused: it names no host";
            case URL_PRIVATE ->
                "media url '" + r.value(0) + "' is refused: " + r.value(1)
                        + " is a loopback, private or link-local address (" + r.value(2)
                        + "); set mediaUrlAllowPrivate=true to allow it";

            case PACKAGE_MISSING_NOTETYPE ->
                "package is invalid: note " + r.value(0) + " uses note type " + r.value(1)
                        + ", which the package does not contain";
            case PACKAGE_FUTURE_ID ->
                "package is invalid: " + r.value(0) + " id " + r.value(1) + " lies more than a day in the future";
            case PACKAGE_UNREADABLE -> "cannot read package: " + ioReason((java.io.IOException) r.getCause());
            case PACKAGE_UNWRITABLE -> "cannot write package: " + ioReason((java.io.IOException) r.getCause());
            case PACKAGE_PATH_UNWRITABLE ->
                "cannot write package \"" + r.value(0) + "\": " + ioReason((java.io.IOException) r.getCause());
            case PACKAGE_PATH_INVALID -> "invalid package path \"" + r.value(0) + "\": " + r.value(1);
            case PACKAGE_PATH_OUTSIDE ->
                "package path \"" + r.value(0)
                        + "\" is outside the package directory; give a path inside it (configuration key packageDir)";

            case CAUSE_TEXT -> r.getCause().getMessage();
        };
    }

    private static String cardTemplateProblem(Refusal r) {
        return "Card template " + r.value(0) + " in note type '" + r.value(1) + "' has a problem.<br>";
    }

    static String notFound(NotFoundException e) {
        String id = e.identifier();
        return switch (e.kind()) {
            case DECK -> "deck was not found: " + id;
            case MODEL -> "model was not found: " + id;
            case CARD -> "Card was not found: " + id;
            case NOTE -> "Note was not found: " + id;
            case FIELD -> "field was not found in " + e.context() + ": " + id;
            case TEMPLATE -> "template was not found in " + e.context() + ": " + id;
            case PROFILE -> "profile was not found: " + id;
        };
    }

    /** A list in the parameters longer than {@code maxBulkItems}. */
    public static String listTooLong(String action, int size, long max) {
        return action + ": a list of " + size + " items is longer than the limit of " + max + " (maxBulkItems)";
    }

    /** A parameter of the wrong type or range, found when the action reads it: {@code expected} says what it takes. */
    public static String wrongParameter(String action, String name, String expected, String repr) {
        return action + ": parameter '" + name + "' must be " + expected + ", got " + repr;
    }

    /** Python's TypeError for a keyword argument the action does not take. */
    public static String unexpectedKeyword(String action, String param) {
        return "AnkiConnect." + action + "() got an unexpected keyword argument '" + param + "'";
    }

    /** Python's TypeError for required arguments that were not given, in its exact plural forms. */
    public static String missingArguments(String action, java.util.List<String> names) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                if (names.size() == 2) {
                    list.append(" and ");
                } else if (i == names.size() - 1) {
                    list.append(", and ");
                } else {
                    list.append(", ");
                }
            }
            list.append('\'').append(names.get(i)).append('\'');
        }
        String noun = names.size() == 1 ? "argument" : "arguments";
        return "AnkiConnect." + action + "() missing " + names.size() + " required positional " + noun + ": " + list;
    }
}
