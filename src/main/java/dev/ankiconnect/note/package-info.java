/**
 * Notes (JDBC rows and their store), adding and updating them with duplicate checks and their cards, the tag registry
 * (TagRegistry, TagSet) that every note write keeps, NoteTypeSync (a saved note type's notes and cards), the note
 * actions. {@link dev.ankiconnect.note.NoteStore} is the one store of the {@code notes} table, in batched JDBC ({@link
 * dev.ankiconnect.note.NoteRow}): note actions, NoteTypeSync, leech tagging (review), deck removal (through
 * deck.DeckNotes, which it implements) and package import and export read and write notes through it. JDBC rather
 * than JPA because addNotes inserts thousands of notes per call with the change record's stamp and the first-field
 * key set in the statement (README "The change record and graves"; NotesBenchmark), and the search-side reads want
 * rows, not managed entities. Check Database (check) reads and repairs notes and the tag list through static methods
 * of NoteStore and TagRegistry on the caller's connection (the admin tool runs the check without CDI). Search
 * (search.run) keeps its own SQL over notes, as a query engine. Above card and notetype, below tag. Uses card, notetype, deck, search.run, template, text, profile, db, api.
 */
package dev.ankiconnect.note;
