/**
 * The tag actions (TagActions), tag changes on many notes (NoteTags) and TagMatcher. Above note, whose
 * store and tag registry (note.TagRegistry, note.TagSet, kept by every note write) it uses; also text, profile, db,
 * api.
 */
package dev.ankiconnect.tag;
