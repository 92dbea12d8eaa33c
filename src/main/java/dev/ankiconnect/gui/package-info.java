/**
 * AnkiConnect's "graphical" action group: Check Database, and the reviewer's actions on each profile's "main window"
 * (deck browser, overview, reviewer), whose state {@link dev.ankiconnect.gui.GuiStateStore} alone reads and writes
 * ({@code gui_state}). The study queue's order is scheduler's (StudyQueue), its SQL the card store's, answers go through
 * review.Reviews as answerCards' do. The same row keeps the card browser (guiBrowse, guiCloseWindow) and the answer guiUndo
 * takes back. The Add and Edit dialogs (guiAddCards, guiAddNoteSetData, guiEditNote; guiCloseWindow closes them) are
 * {@link dev.ankiconnect.gui.GuiDialogActions}, their state {@link dev.ankiconnect.gui.GuiDialogStore}'s
 * ({@code gui_dialogs}); a note object's media is stored through note.NoteMediaHook, as addNote's. Uses check, card,
 * deck, note, notetype, review, scheduler, search (guiBrowse runs findCards' search), profile, db, api, error.
 */
package dev.ankiconnect.gui;
