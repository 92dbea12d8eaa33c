/** Decks and options presets: Anki's deck names with the :: hierarchy, the Default deck and preset, and the deck actions. */
package dev.ankiconnect.deck;
