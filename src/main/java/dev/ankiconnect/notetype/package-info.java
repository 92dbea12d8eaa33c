/**
 * Note types (AnkiConnect's models) kept as Anki's v11 JSON, ModelInfo/ModelCache lookups, stock types, the model
 * actions. Uses deck, template, scheduler, text, profile, db, api (note, card: NoteTypeSync, for the stores work).
 */
package dev.ankiconnect.notetype;
