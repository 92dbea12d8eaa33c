/**
 * Decks and options presets: names with the :: hierarchy, the Default deck and preset, DeckIndex, the deck actions.
 * Uses scheduler, search, text, profile, db, api.
 */
package dev.ankiconnect.deck;
