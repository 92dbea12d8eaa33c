package dev.ankiconnect.api;

/** Something the client named does not exist: a deck, a model, a card, a note ... */
public final class NotFoundException extends ApiException {

    /** What was looked up; each kind has its own wire text in {@link ApiErrors}. */
    public enum Kind {
        DECK,
        MODEL,
        CARD,
        NOTE,
        FIELD,
        TEMPLATE,
        PROFILE
    }

    private final Kind kind;
    private final String identifier;
    private final String context;

    public NotFoundException(Kind kind, Object identifier) {
        this(kind, identifier, null);
    }

    /** {@code context} is the owner, e.g. the model name for a missing field or template. */
    public NotFoundException(Kind kind, Object identifier, String context) {
        super(kind + " not found: " + identifier);
        this.kind = kind;
        this.identifier = String.valueOf(identifier);
        this.context = context;
    }

    public Kind kind() {
        return kind;
    }

    public String identifier() {
        return identifier;
    }

    public String context() {
        return context;
    }
}
