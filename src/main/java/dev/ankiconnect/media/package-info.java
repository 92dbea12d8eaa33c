/** The media files of a collection, kept in the database so that every server instance sees them. */
package dev.ankiconnect.media;
