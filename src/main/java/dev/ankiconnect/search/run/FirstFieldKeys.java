package dev.ankiconnect.search.run;

import java.util.List;

/**
 * The notes whose first field has a {@link dev.ankiconnect.text.FirstFieldKey}: what a first-field search
 * narrows to before it runs. The note store answers it (from the notes.fkey column), so search execution needs
 * no import of the note package.
 */
public interface FirstFieldKeys {

    /** Note ids whose first field has this key, ascending. */
    List<Long> idsWithFirstFieldKey(long key);
}
