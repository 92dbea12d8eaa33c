/**
 * The Anki file format: .apkg and .colpkg read into and written from a plain in-memory model (AnkiPackage, ApkgNote,
 * ApkgCard...) in Anki's schema-11 shapes. Pure: uses text only; no database, servlet or CDI.
 */
package dev.ankiconnect.apkg;
