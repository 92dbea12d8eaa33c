/**
 * Typed settings of options presets, decks and note types, and their one codec to the v11 JSON Anki keeps in
 * their {@code config}/{@code data} columns. Uses the JSON reader and writer of {@code api} and the pure
 * {@code scheduler}; no JPA, servlet or CDI.
 */
package dev.ankiconnect.settings;
