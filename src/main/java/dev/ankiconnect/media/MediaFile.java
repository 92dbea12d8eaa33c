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
@IdClass(dev.ankiconnect.db.ProfileScopedName.class)
@NamedQuery(
        name = "MediaFile.names",
        query = "select m.name from MediaFile m where m.profileId = :profile order by m.name")
public class MediaFile {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "fname", nullable = false)
    private String name;

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

    public MediaFile() {}

    public long profileId() {
        return profileId;
    }

    public MediaFile profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public String fname() {
        return name;
    }

    public MediaFile fname(String fname) {
        this.name = fname;
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
}
