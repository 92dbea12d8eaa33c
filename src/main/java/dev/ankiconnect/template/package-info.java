/**
 * Anki's card template engine: templates parsed into cached trees, filters, cloze, question/answer rendering,
 * card-generation checks and template rewriting. Pure: uses text only.
 */
package dev.ankiconnect.template;
