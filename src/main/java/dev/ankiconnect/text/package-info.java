/**
 * Anki's pure text helpers: HTML stripping and entities, note fields, the first-field checksum and FirstFieldKey, GUIDs,
 * tags, whitespace, matching Anki's Rust core. Pure: uses nothing of the project.
 */
package dev.ankiconnect.text;
