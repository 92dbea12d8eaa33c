package dev.ankiconnect.api;

/**
 * A failure an action reports to the client. Subclasses carry structure; {@link ApiErrors} is
 * the one place that turns them into AnkiConnect's wire texts.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        // No stack trace: these are expected outcomes, raised often (duplicates, missing ids).
        super(message, null, false, false);
    }
}
