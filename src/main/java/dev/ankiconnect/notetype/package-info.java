/** Note types (AnkiConnect's models) kept as Anki's v11 JSON: the stock note types and the model actions. */
package dev.ankiconnect.notetype;
