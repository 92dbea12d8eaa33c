/**
 * Anki's pure text helpers: HTML stripping and entity decoding, note-field normalisation,
 * first-field checksum, base91 GUIDs and tag normalisation, matching Anki's Rust core.
 */
package dev.ankiconnect.text;
