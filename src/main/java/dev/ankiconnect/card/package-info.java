/**
 * Cards (JDBC rows, their store, generation from templates) and the card actions. {@link
 * dev.ankiconnect.card.CardStore} is the one store of the {@code cards} table, in batched JDBC ({@link
 * dev.ankiconnect.card.CardRow}): answering, scheduling, note writes, note-type saves, deck moves and removal (through
 * deck.DeckCards, which it implements), the deck list's counts, the collection report and package import and export
 * all read and write cards through it. JDBC rather than JPA because the hot paths are bulk: addNotes inserts thousands
 * of cards per call with the change record's stamp set in the statement (README "The change record and graves"), and
 * answerCards of 1,000 cards writes them back in one batch (ReviewBenchmark, see README "One store per table" for the
 * figures). Check Database (check) reads and repairs cards through its static methods on the caller's connection
 * (the admin tool runs the check without CDI). Search (search.run) keeps its own SQL over cards, as a query engine. Below note:
 * a note's writes create and delete its cards, so note uses card, and card reads notes only through CardNotes
 * (implemented in note). Uses notetype, deck, search.run, scheduler, template, profile, db, api.
 */
package dev.ankiconnect.card;
