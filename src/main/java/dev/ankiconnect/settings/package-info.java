/**
 * Typed settings of options presets, decks, note types and the collection config keys, and their one codec to the
 * v11 JSON Anki keeps in their {@code config}/{@code data}/{@code val} columns. Uses the JSON reader and writer of {@code api} and the pure
 * {@code scheduler}; no JPA, servlet or CDI.
 */
package dev.ankiconnect.settings;
