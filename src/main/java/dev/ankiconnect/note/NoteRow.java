package dev.ankiconnect.note;

import dev.ankiconnect.text.Tags;
import java.util.List;

/** One row of the notes table as the note operations read and write it. */
public final class NoteRow {

    public static final char SEPARATOR = '\u001f';

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

    public String flds() {
        return String.join(String.valueOf(SEPARATOR), fields);
    }

    public static String[] split(String flds) {
        return flds.split(String.valueOf(SEPARATOR), -1);
    }

    public List<String> tagList() {
        return Tags.split(tags);
    }
}
