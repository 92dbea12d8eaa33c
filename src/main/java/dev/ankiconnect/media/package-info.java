/**
 * The media files of a collection, kept in the database so that every server instance sees them, and the media actions.
 * Uses note (the fields that name media), profile, db, config, api.
 */
package dev.ankiconnect.media;
