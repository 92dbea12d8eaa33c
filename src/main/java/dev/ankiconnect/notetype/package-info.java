/**
 * Note types (AnkiConnect's models) kept as Anki's v11 JSON, ModelInfo/ModelCache lookups, stock types, the model
 * actions. Below card and note: a saved edit reaches its notes through NotesSync (implemented by note.NoteTypeSync).
 * Uses deck, template, scheduler, text, profile, db, api.
 */
package dev.ankiconnect.notetype;
