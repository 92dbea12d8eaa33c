/** The tags registered in a collection, unique without regard to case. */
package dev.ankiconnect.tag;
