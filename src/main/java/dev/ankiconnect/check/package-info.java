/**
 * Check Database: the integrity check and repair of one collection (guiCheckDatabase, admin.sh check).
 * Decks, presets, note types, media and config keys are read and repaired through their stores (deck, notetype,
 * media, profile) on the caller's EntityManager; the passes over cards and notes, and the tag list, are batched JDBC on
 * the same transaction's connection (one pass each at 100,000 notes).
 * Uses the collection packages (note, card, deck, notetype, media, profile), packages' merge rules, scheduler,
 * settings, text.
 */
package dev.ankiconnect.check;
