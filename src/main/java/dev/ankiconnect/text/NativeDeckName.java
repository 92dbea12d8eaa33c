package dev.ankiconnect.text;

/**
 * Anki's native form of a deck name, as its collection stores and sorts it: the levels joined with
 * U+001F instead of the {@code ::} users see. Not to be confused with {@link NoteFields#SEPARATOR}, which
 * is the same character with another meaning.
 */
public final class NativeDeckName {

    /** Separates the levels of a native deck name. */
    public static final char LEVEL_SEPARATOR = '\u001f';

    /** Separates the levels of a deck name as users write it. */
    public static final String HUMAN_LEVEL_SEPARATOR = "::";

    private NativeDeckName() {}

    /** The native form of a name users write ("A::B"). */
    public static String of(String humanName) {
        return humanName.replace(HUMAN_LEVEL_SEPARATOR, String.valueOf(LEVEL_SEPARATOR));
    }

    /** The name users write of a native one. */
    public static String toHuman(String nativeName) {
        return nativeName.replace(String.valueOf(LEVEL_SEPARATOR), HUMAN_LEVEL_SEPARATOR);
    }
}
