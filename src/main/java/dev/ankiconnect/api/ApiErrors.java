package dev.ankiconnect.api;

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

    /** Request bodies in flight already fill the server's budget for them (maxBodyMbInFlight). */
    public static final String BODIES_BUSY =
            "server busy: too many request bodies are being received at once (maxBodyMbInFlight); try again";

    /** The request's body did not arrive within the request's time budget. */
    public static String bodyTimeout(long ms) {
        return "the request body did not arrive within " + ms + " ms (requestTimeoutMs)";
    }

    private ApiErrors() {
    }

    /** The error text a client receives for this failure. */
    public static String message(Throwable failure) {
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
            LOG.warning(() -> text + (busy.getCause() != null ? " (" + busy.getCause().getMessage() + ")" : ""));
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
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null && !fs.getReason().isBlank()) {
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
            return e.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("XCL52".equals(sql.getSQLState())
                    || "57014".equals(sql.getSQLState()))) {
                return new dev.ankiconnect.search.Deadline.Exceeded(dev.ankiconnect.search.Deadline.budgetMs()).getMessage();
            }
        }
        return null;
    }

    /** The server could not serve the request in time; nothing of it was kept. */
    static String busy(dev.ankiconnect.db.ServerBusyException e) {
        return switch (e.reason()) {
            case CONNECTION -> "server busy: no database connection became free within " + e.waitedMs()
                    + " ms (dbWaitMs); try again";
            case LOCK -> "server busy: another request held the collection longer than dbWaitMs; try again";
        };
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
