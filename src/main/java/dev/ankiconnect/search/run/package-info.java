/**
 * Search execution: findNotes/findCards run on the in-memory copy (SearchMemory) or as SQL (NoteSearch).
 * Uses search, deck, notetype, scheduler, template, text, profile, db, config, api; never note (FirstFieldKeys instead).
 */
package dev.ankiconnect.search.run;
