package dev.ankiconnect.text;

import java.util.List;

/**
 * The one place that knows how a note's fields are stored: joined into one text with U+001F, Anki's
 * field separator (the {@code flds} column, in this server's database and in .apkg files alike).
 */
public final class NoteFields {

    /** Separates the fields of a note in its stored form. */
    public static final char SEPARATOR = '\u001f';

    private static final String SEPARATOR_TEXT = String.valueOf(SEPARATOR);

    private NoteFields() {}

    /** The stored form of these fields. */
    public static String join(Iterable<? extends CharSequence> fields) {
        return String.join(SEPARATOR_TEXT, fields);
    }

    /** The stored form of these fields. */
    public static String join(String... fields) {
        return String.join(SEPARATOR_TEXT, fields);
    }

    /** The fields of a stored text, empty ones (trailing too) kept: "" is one empty field. */
    public static String[] split(String flds) {
        return flds.split(SEPARATOR_TEXT, -1);
    }

    /** {@link #split} as a list. */
    public static List<String> list(String flds) {
        return List.of(split(flds));
    }
}
