/**
 * importPackage/exportPackage: merging an .apkg into the active profile as Anki does, exporting a deck, the package
 * directory, and the HTTP endpoints under /packages/. Uses apkg for the format, the collection packages, dispatch, web.
 */
package dev.ankiconnect.packages;
