package dev.ankiconnect.apkg;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory contents of an .apkg/.colpkg: collection info, notetypes/decks/deck configs as Anki v11
 * JSON objects keyed by id, notes, cards, review log, tags and media. Close it to release the package
 * file that backs lazily opened media.
 */
public final class AnkiPackage implements AutoCloseable {

    private CollectionInfo collection;
    private PackageVersion sourceVersion;
    private final Map<Long, JsonObject> notetypes = new LinkedHashMap<>();
    private final Map<Long, JsonObject> decks = new LinkedHashMap<>();
    private final Map<Long, JsonObject> deckConfigs = new LinkedHashMap<>();
    private final Map<String, Integer> tags = new LinkedHashMap<>();
    private final List<ApkgNote> notes = new ArrayList<>();
    private final List<ApkgCard> cards = new ArrayList<>();
    private final List<ApkgRevlogEntry> revlog = new ArrayList<>();
    private final List<ApkgMediaFile> media = new ArrayList<>();
    private final List<Grave> graves = new ArrayList<>();
    private AutoCloseable resource;

    public AnkiPackage(CollectionInfo collection) {
        this.collection = collection;
    }

    public CollectionInfo collection() {
        return collection;
    }

    public void setCollection(CollectionInfo collection) {
        this.collection = collection;
    }

    /** The layout the package was read from; null for a package built in memory. */
    public PackageVersion sourceVersion() {
        return sourceVersion;
    }

    void setSourceVersion(PackageVersion sourceVersion) {
        this.sourceVersion = sourceVersion;
    }

    /** Notetype id → v11 notetype JSON (keys id, name, type, mod, usn, sortf, did, flds, tmpls, css, latexPre, latexPost, req...). */
    public Map<Long, JsonObject> notetypes() {
        return notetypes;
    }

    /** Deck id → v11 deck JSON (name with "::", dyn 0/1, conf, desc, newToday...). */
    public Map<Long, JsonObject> decks() {
        return decks;
    }

    /** Deck config id → v11 deck config JSON (new/rev/lapse groups). */
    public Map<Long, JsonObject> deckConfigs() {
        return deckConfigs;
    }

    /** Registered tag → usn (the col.tags JSON / schema-18 tags table). */
    public Map<String, Integer> tags() {
        return tags;
    }

    public List<ApkgNote> notes() {
        return notes;
    }

    public List<ApkgCard> cards() {
        return cards;
    }

    public List<ApkgRevlogEntry> revlog() {
        return revlog;
    }

    public List<ApkgMediaFile> media() {
        return media;
    }

    /** Deletion log rows (relevant for .colpkg only). */
    public List<Grave> graves() {
        return graves;
    }

    /** Something (the open package zip, a spooled temp file) to release on {@link #close()}. */
    void setResource(AutoCloseable resource) {
        this.resource = resource;
    }

    /** Releases the package file behind the media; media can no longer be opened afterwards. */
    @Override
    public void close() throws java.io.IOException {
        AutoCloseable r = resource;
        resource = null;
        if (r != null) {
            try {
                r.close();
            } catch (java.io.IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
        }
    }
}
