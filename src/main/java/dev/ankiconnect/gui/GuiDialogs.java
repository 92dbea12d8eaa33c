package dev.ankiconnect.gui;

/**
 * One profile's Add and Edit dialogs (Anki has one of each): the Add dialog's draft note and the Edit dialog's note.
 *
 * @param addDraft the Add dialog's note as JSON ({@code {deckName, modelName, fields, tags}}), null while it is closed
 * @param editNote the note the Edit dialog shows, null while it is closed
 * @param version  how often the dialogs changed (0 for a profile that never opened one)
 */
public record GuiDialogs(String addDraft, Long editNote, long version) {

    /** Both dialogs closed. */
    public static final GuiDialogs INITIAL = new GuiDialogs(null, null, 0);

    public GuiDialogs withAddDraft(String draft) {
        return new GuiDialogs(draft, editNote, version);
    }

    public GuiDialogs withEditNote(Long note) {
        return new GuiDialogs(addDraft, note, version);
    }
}
