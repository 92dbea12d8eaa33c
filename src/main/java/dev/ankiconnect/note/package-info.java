/** Notes: fields joined as Anki stores them, with their tags, guid and first-field checksum. */
package dev.ankiconnect.note;
