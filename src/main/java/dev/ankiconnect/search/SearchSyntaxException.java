package dev.ankiconnect.search;

/** A malformed search query; the message is Anki's own English wording ("Invalid search: ..."). */
public final class SearchSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which of Anki's search error kinds this is, so callers and tests need not match on text. */
    public enum Kind {
        MISPLACED_AND,
        MISPLACED_OR,
        EMPTY_GROUP,
        UNOPENED_GROUP,
        UNCLOSED_GROUP,
        EMPTY_QUOTE,
        UNCLOSED_QUOTE,
        MISSING_KEY,
        UNKNOWN_ESCAPE,
        INVALID_STATE,
        INVALID_FLAG,
        INVALID_PROP_PROPERTY,
        INVALID_PROP_OPERATOR,
        INVALID_NUMBER,
        INVALID_WHOLE_NUMBER,
        INVALID_POSITIVE_WHOLE_NUMBER,
        INVALID_NEGATIVE_WHOLE_NUMBER,
        INVALID_ANSWER_BUTTON,
        REGEX,
        OTHER
    }

    private final Kind kind;

    public SearchSyntaxException(Kind kind, String reason) {
        // Anki wraps every reason in the "search-invalid-search" string.
        super("Invalid search: " + reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    // Factories carrying Anki's ftl wording (search.ftl, English). Backticks in user input become
    // apostrophes, as Anki does, so the markup of the message stays intact.
    static String tick(String s) {
        return s.replace('`', '\'');
    }

    static SearchSyntaxException misplacedAnd() {
        return new SearchSyntaxException(
                Kind.MISPLACED_AND,
                "an `and` was found but it is not connecting two "
                        + "search terms. If you want to search for the word itself, wrap it in double quotes: `\"and\"`.");
    }

    static SearchSyntaxException misplacedOr() {
        return new SearchSyntaxException(
                Kind.MISPLACED_OR,
                "an `or` was found but it is not connecting two "
                        + "search terms. If you want to search for the word itself, wrap it in double quotes: `\"or\"`.");
    }

    static SearchSyntaxException emptyGroup() {
        return new SearchSyntaxException(
                Kind.EMPTY_GROUP,
                "a group `(...)` was found, but there was nothing "
                        + "between the brackets to search for. If you want to search for literal brackets, wrap them in "
                        + "double quotes: `\"( )\"`.");
    }

    static SearchSyntaxException unopenedGroup() {
        return new SearchSyntaxException(
                Kind.UNOPENED_GROUP,
                "a closing bracket `)` was found, but there was no "
                        + "opening bracket `(` preceding it. If you want to search for a literal `)`, wrap it in double "
                        + "quotes or prepend a backslash: `\")\"` or `\\)`.");
    }

    static SearchSyntaxException unclosedGroup() {
        return new SearchSyntaxException(
                Kind.UNCLOSED_GROUP,
                "an opening bracket `(` was found, but there was no "
                        + "closing bracket `)` following it. If you want to search for a literal `(`, wrap it in double "
                        + "quotes or prepend a backslash: `\"(\"` or `\\(` .");
    }

    static SearchSyntaxException emptyQuote() {
        return new SearchSyntaxException(
                Kind.EMPTY_QUOTE,
                "a pair of double quotes `\"\"` was found, but there "
                        + "was nothing between them to search for. If you want to search for literal double quotes, "
                        + "prepend backslashes: `\\\"\\\"`.");
    }

    static SearchSyntaxException unclosedQuote() {
        return new SearchSyntaxException(
                Kind.UNCLOSED_QUOTE,
                "an opening double quote `\"` was found, but there "
                        + "was no second one to close it. If you want to search for a literal `\"`, prepend a backslash: "
                        + "`\\\"`.");
    }

    static SearchSyntaxException missingKey() {
        return new SearchSyntaxException(
                Kind.MISSING_KEY,
                "a colon `:` was found, but there was no keyword "
                        + "preceding it. If you want to search for a literal `:`, prepend a backslash: `\\:`.");
    }

    static SearchSyntaxException unknownEscape(String seq) {
        return new SearchSyntaxException(
                Kind.UNKNOWN_ESCAPE,
                "the escape sequence `" + tick(seq) + "` is not "
                        + "defined. If you want to search for a literal backslash `\\`, prepend another one: `\\\\`.");
    }

    static SearchSyntaxException invalidArgument(Kind kind, String term, String argument) {
        return new SearchSyntaxException(
                kind, "`" + term + "` was given an invalid argument '`" + tick(argument) + "`'.");
    }

    static SearchSyntaxException invalidFlag() {
        return new SearchSyntaxException(
                Kind.INVALID_FLAG,
                "`flag:` must be followed by a valid flag number: "
                        + "`1` (red), `2` (orange), `3` (green), `4` (blue), `5` (pink), `6` (turquoise), `7` (purple) "
                        + "or `0` (no flag).");
    }

    static SearchSyntaxException invalidPropOperator(String prop) {
        return new SearchSyntaxException(
                Kind.INVALID_PROP_OPERATOR,
                "`prop:" + prop + "` must be followed by "
                        + "one of the following comparison operators: `=`, `!=`, `<`, `>`, `<=` or `>=`.");
    }

    static SearchSyntaxException number(Kind kind, String context, String provided) {
        String what = switch (kind) {
            case INVALID_NUMBER -> "a number";
            case INVALID_WHOLE_NUMBER -> "a whole number";
            case INVALID_POSITIVE_WHOLE_NUMBER -> "a positive whole number";
            case INVALID_NEGATIVE_WHOLE_NUMBER -> "a whole number less than or equal to 0";
            case INVALID_ANSWER_BUTTON -> "an answer button between 1-4";
            default -> throw new IllegalArgumentException(kind.name());
        };
        return new SearchSyntaxException(
                kind, "expected " + what + " in \"`" + tick(context) + "`\", but found \"`" + tick(provided) + "`\".");
    }

    static SearchSyntaxException other(String info) {
        return new SearchSyntaxException(Kind.OTHER, info);
    }

    static SearchSyntaxException regex(String error) {
        // Anki shows the regex engine's own message in a <pre> block.
        return new SearchSyntaxException(Kind.REGEX, "<pre>`" + tick(error) + "`</pre>");
    }
}
