package dev.ankiconnect.api;

/** The client's input was refused; the message is already the exact text the client sees. */
public class InvalidInputException extends ApiException {

    public InvalidInputException(String message) {
        super(message);
    }
}
