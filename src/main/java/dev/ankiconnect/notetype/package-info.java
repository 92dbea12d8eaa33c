/**
 * Note types (AnkiConnect's models) kept as Anki's v11 JSON, ModelInfo/ModelCache lookups, stock types, the model
 * actions. Below card and note: a saved edit reaches its notes through NotesSync (implemented by note.NoteTypeSync).
 * {@link dev.ankiconnect.notetype.NoteTypes} is the one store of the {@code notetypes} table, through JPA (a few rows
 * per profile, read by id or name; the importer and exporter use it too). Check Database reads it through the static
 * {@code NoteTypes.all} on its caller's EntityManager.
 * Uses deck, template, scheduler, text, profile, db, api.
 */
package dev.ankiconnect.notetype;
