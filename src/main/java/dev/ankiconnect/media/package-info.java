/**
 * The media files of a collection, kept in the database so that every server instance sees them, and the media actions.
 * {@link dev.ankiconnect.media.MediaStore} is the one store of the {@code media} table, through JPA. Its one manual
 * flush is not between styles: it makes a concurrent insert of the same name fail inside storeMediaFile, where it
 * becomes AnkiConnect's error, instead of at commit. Check Database lists the names through the static
 * {@code MediaStore.names} on its caller's EntityManager.
 * Uses note (the fields that name media), profile, db, config, api.
 */
package dev.ankiconnect.media;
