/** The tags registered in a collection, unique without regard to case, and the tag actions ({@link dev.ankiconnect.tag.TagActions}). */
package dev.ankiconnect.tag;
