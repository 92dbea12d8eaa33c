package dev.ankiconnect.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A file of the profile's media folder, kept in the database so every server instance sees it. */
@Entity
@Table(name = "media")
@IdClass(dev.ankiconnect.media.MediaFile.Key.class)
@NamedQuery(name = "MediaFile.names", query = "select m.fname from MediaFile m where m.profileId = :profile order by m.fname")
public class MediaFile {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "fname", nullable = false)
    private String fname;

    /** Hex SHA-1 of the content. */
    @Column(name = "sha1", nullable = false)
    private String sha1;

    @Column(name = "size", nullable = false)
    private long size;

    /** Seconds. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    @Lob
    @Column(name = "content")
    private byte[] content;

    public MediaFile() {
    }

    public long profileId() {
        return profileId;
    }

    public MediaFile profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public String fname() {
        return fname;
    }

    public MediaFile fname(String fname) {
        this.fname = fname;
        return this;
    }

    public String sha1() {
        return sha1;
    }

    public MediaFile sha1(String sha1) {
        this.sha1 = sha1;
        return this;
    }

    public long size() {
        return size;
    }

    public MediaFile size(long size) {
        this.size = size;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public MediaFile mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }

    public byte[] content() {
        return content;
    }

    public MediaFile content(byte[] content) {
        this.content = content;
        return this;
    }

    /** The key of a media row. */
    public static class Key implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long profileId;
        private String fname;

        public Key() {
        }

        public Key(long profileId, String fname) {
            this.profileId = profileId;
            this.fname = fname;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.profileId == profileId && k.fname.equals(fname);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(profileId, fname);
        }
    }

}
