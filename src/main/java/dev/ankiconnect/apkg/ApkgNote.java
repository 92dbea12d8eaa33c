package dev.ankiconnect.apkg;

import dev.ankiconnect.text.NoteFields;
import java.util.Arrays;
import java.util.List;

/**
 * One row of the {@code notes} table, column for column. {@code mod} is in seconds; {@code tags}
 * is the raw column (" a b " with padding spaces, or ""); {@code flds} joins fields with U+001F.
 */
public record ApkgNote(
        long id,
        String guid,
        long mid,
        long mod,
        int usn,
        String tags,
        String flds,
        String sfld,
        long csum,
        int flags,
        String data) {

    /** The fields in ordinal order. */
    public List<String> fields() {
        // trailing empty fields are real (empty) fields
        return Arrays.asList(NoteFields.split(flds));
    }

    /** The tags as a list (split on spaces, empty pieces dropped). */
    public List<String> tagList() {
        return Arrays.stream(tags.trim().split("[ \u3000]+"))
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
