/**
 * Reading and writing Anki package files (.apkg deck packages and .colpkg collection packages)
 * into a plain in-memory {@link dev.ankiconnect.apkg.AnkiPackage} model that uses Anki's schema-11
 * JSON shapes, independent of any database or servlet layer.
 */
package dev.ankiconnect.apkg;
