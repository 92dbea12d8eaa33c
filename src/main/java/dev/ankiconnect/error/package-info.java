/**
 * Failures a client is told about, as data: a {@link dev.ankiconnect.error.Refusal} names its kind and carries the
 * values (names, ids, paths) its text needs, never the text. It imports nothing of ours, so every feature package,
 * {@code db} and {@code api} may use it without a cycle; {@code api.ApiErrors} alone turns a refusal into
 * AnkiConnect's wire text.
 */
package dev.ankiconnect.error;
