package dev.ankiconnect.notetype;

/**
 * Brings the notes and cards of a note type in line with a saved edit of it (fields moved or removed, cards the new
 * templates generate). Implemented in {@code note} (note.NoteTypeSync), which sits above notetype and card, so that
 * notetype imports neither.
 */
public interface NotesSync {

    void apply(long mid, NoteTypeEdit.Saved saved);
}
