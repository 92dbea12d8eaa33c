package dev.ankiconnect.text;

/**
 * The notes.fkey column: a 32-bit checksum of the first field's raw text with ASCII letters
 * lower-cased. A field search {@code Name:value} without wildcards matches a field equal to the
 * value ignoring ASCII case (Anki's LIKE), so when the named field is every note type's first
 * field, only notes with the value's key can match. The search then still runs in full on
 * those candidates, so checksum collisions cost nothing but time.
 */
public final class FirstFieldKey {

    private FirstFieldKey() {}

    public static long of(String firstField) {
        return NoteText.checksumOfStripped(asciiLower(firstField));
    }

    /** The key of a joined flds value. */
    public static long ofFlds(String flds) {
        int sep = flds.indexOf(NoteFields.SEPARATOR);
        return of(sep < 0 ? flds : flds.substring(0, sep));
    }

    static String asciiLower(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + 32);
            }
        }
        return out == null ? s : new String(out);
    }
}
