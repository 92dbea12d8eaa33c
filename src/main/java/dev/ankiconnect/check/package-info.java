/**
 * Check Database: the integrity check and repair of one collection (guiCheckDatabase, admin.sh check).
 * Uses the collection packages (note, card, deck, notetype), packages' merge rules, scheduler, text, api.
 */
package dev.ankiconnect.check;
