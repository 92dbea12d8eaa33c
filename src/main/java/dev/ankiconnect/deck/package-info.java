/**
 * Decks and options presets: Anki's deck names with the :: hierarchy, the Default deck and preset, the deck kind
 * ({@link dev.ankiconnect.deck.DeckKind}, stored as its code), and the deck actions. Their settings JSON is read and
 * written through {@code settings}.
 * Uses scheduler, search, text, profile, settings, db, api.
 */
package dev.ankiconnect.deck;
