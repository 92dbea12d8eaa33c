/** Cards: one template or cloze number of a note, with its scheduling state in Anki's columns. */
package dev.ankiconnect.card;
