/**
 * Cards (entity, JDBC rows, store, generation from templates) and the card actions. Below note: a note's writes create
 * and delete its cards, so note uses card, and card reads notes only through CardNotes (implemented in note).
 * Uses notetype, deck, search.run, scheduler, template, profile, db, api.
 */
package dev.ankiconnect.card;
