/**
 * Notes (entity, JDBC rows, store), adding and updating them with duplicate checks, the note actions. Uses notetype,
 * deck, tag, card, search.run, template, text, profile, db, api (card, notetype, tag: cycles the stores work removes).
 */
package dev.ankiconnect.note;
