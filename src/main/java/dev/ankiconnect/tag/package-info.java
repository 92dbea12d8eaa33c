/**
 * The tags registered in a collection, unique without regard to case, and the tag actions (TagActions).
 * Uses text, profile, db, api, and note (the note/tag cycle is the stores work's to remove).
 */
package dev.ankiconnect.tag;
