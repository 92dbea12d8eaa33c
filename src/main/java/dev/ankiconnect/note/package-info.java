/**
 * Notes (entity, JDBC rows, store), adding and updating them with duplicate checks and their cards, the tag registry
 * (TagRegistry, TagSet) that every note write keeps, NoteTypeSync (a saved note type's notes and cards), the note
 * actions. Above card and notetype, below tag. Uses card, notetype, deck, search.run, template, text, profile, db, api.
 */
package dev.ankiconnect.note;
