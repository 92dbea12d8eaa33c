package dev.ankiconnect.note;

import dev.ankiconnect.text.NoteFields;
import dev.ankiconnect.text.Tags;
import java.util.List;

/** One row of the notes table as the note operations read and write it. */
public final class NoteRow {

    public long id;
    public String guid;
    public long mid;
    public long mtime;
    public int usn;
    /** Storage form " a b " or "". */
    public String tags = "";

    public String[] fields;
    public String sfld;
    public long csum;
    /** Written by insert; read only by {@link NoteStore#complete}. */
    public int flags;
    /** Written by insert; read only by {@link NoteStore#complete}. */
    public String data = "";

    public String flds() {
        return NoteFields.join(fields);
    }

    public List<String> tagList() {
        return Tags.split(tags);
    }
}
