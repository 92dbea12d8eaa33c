/**
 * Cards (entity, JDBC rows, store, generation from templates) and the card actions. Uses notetype, deck, search.run,
 * scheduler, template, profile, db, api, and note (the card/note cycle is the stores work's to remove).
 */
package dev.ankiconnect.card;
