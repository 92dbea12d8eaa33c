/**
 * Check Database: the integrity check and repair of one collection (guiCheckDatabase, admin.sh check).
 * Decks, presets, note types, media and config keys are read and repaired through their stores (deck, notetype,
 * media, profile) on the caller's EntityManager; cards, notes, tags and the profile's creation time through the static
 * check methods of card.CardStore, note.NoteStore, note.TagRegistry and profile.ProfileStore on the same transaction's
 * connection (one streamed pass each over cards and notes at 100,000 notes, batched writes). The check has no SQL of
 * its own.
 * Uses the collection packages (note, card, deck, notetype, media, profile), packages' merge rules, scheduler,
 * settings, text.
 */
package dev.ankiconnect.check;
