/**
 * Anki's card template engine: parsing {@code {{...}}} templates into cached immutable trees,
 * built-in filters and cloze rendering, card question/answer rendering as AnkiConnect's
 * cardsInfo returns it, card-generation checks and template rewriting for field changes.
 */
package dev.ankiconnect.template;
