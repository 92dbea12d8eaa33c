package dev.ankiconnect.apkg;

/**
 * Package layout versions, numbered as in the zip's {@code meta} entry
 * ({@code PackageMetadata.version}).
 */
public enum PackageVersion {
    /** {@code collection.anki2}, schema 11, JSON media map; no meta (Anki 2.0 era). */
    LEGACY_1(1, "collection.anki2"),
    /** {@code collection.anki21}, schema 11, JSON media map, plus a stub {@code collection.anki2}. */
    LEGACY_2(2, "collection.anki21"),
    /** zstd {@code collection.anki21b}, schema 18, protobuf media map, zstd media files. */
    LATEST(3, "collection.anki21b");

    private final int metaValue;
    private final String collectionEntry;

    PackageVersion(int metaValue, String collectionEntry) {
        this.metaValue = metaValue;
        this.collectionEntry = collectionEntry;
    }

    public int metaValue() {
        return metaValue;
    }

    /** Name of the zip entry holding the collection database in this layout. */
    public String collectionEntry() {
        return collectionEntry;
    }

    static PackageVersion fromMeta(long value) {
        for (PackageVersion v : values()) {
            if (v.metaValue == value) {
                return v;
            }
        }
        return null;
    }
}
