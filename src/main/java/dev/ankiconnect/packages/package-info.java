/**
 * importPackage and exportPackage: merging an .apkg into the active profile as Anki does, writing a
 * deck as an .apkg, the package directory those paths live in, and the HTTP upload/download
 * endpoints under {@code /packages/}. The zip/SQLite format itself is {@code dev.ankiconnect.apkg}.
 */
package dev.ankiconnect.packages;
