package dev.ankiconnect.note;

import dev.ankiconnect.text.FirstFieldKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A note: field contents joined with U+001F, tags in Anki's " a b " form. */
@Entity
@Table(name = "notes")
@IdClass(dev.ankiconnect.db.ProfileScopedId.class)
@NamedQuery(name = "Note.byMid", query = "select n from Note n where n.profileId = :profile and n.mid = :mid")
@NamedQuery(name = "Note.byCsum", query = "select n from Note n where n.profileId = :profile and n.csum = :csum")
public class Note {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    /** Creation time, ms. */
    @Id
    @Column(name = "id", nullable = false)
    private long id;

    @Column(name = "guid", nullable = false)
    private String guid;

    /** Note type id. */
    @Column(name = "mid", nullable = false)
    private long mid;

    /** Modification time, seconds. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    @Column(name = "usn", nullable = false)
    private int usn;

    /** Space-separated with a leading and a trailing space, or empty. */
    @Column(name = "tags", nullable = false)
    private String tags;

    /** Field values joined with U+001F, in field order. */
    @Lob
    @Column(name = "flds")
    private String flds;

    /** Sort field, HTML stripped (cut at 8000 characters for the index). */
    @Column(name = "sfld", nullable = false)
    private String sfld;

    /** First-field checksum. */
    @Column(name = "csum", nullable = false)
    private long csum;

    @Column(name = "flags", nullable = false)
    private int flags;

    @Column(name = "data", nullable = false)
    private String data;

    /** {@link FirstFieldKey} of the first field, kept in step with flds on every JPA write. */
    @Column(name = "fkey")
    private Long fkey;

    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void deriveKey() {
        fkey = flds == null ? null : FirstFieldKey.ofFlds(flds);
    }

    public Note() {}

    public long profileId() {
        return profileId;
    }

    public Note profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public long id() {
        return id;
    }

    public Note id(long id) {
        this.id = id;
        return this;
    }

    public String guid() {
        return guid;
    }

    public Note guid(String guid) {
        this.guid = guid;
        return this;
    }

    public long mid() {
        return mid;
    }

    public Note mid(long mid) {
        this.mid = mid;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public Note mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }

    public int usn() {
        return usn;
    }

    public Note usn(int usn) {
        this.usn = usn;
        return this;
    }

    public String tags() {
        return tags;
    }

    public Note tags(String tags) {
        this.tags = tags;
        return this;
    }

    public String flds() {
        return flds;
    }

    public Note flds(String flds) {
        this.flds = flds;
        return this;
    }

    public String sfld() {
        return sfld;
    }

    public Note sfld(String sfld) {
        this.sfld = sfld;
        return this;
    }

    public long csum() {
        return csum;
    }

    public Note csum(long csum) {
        this.csum = csum;
        return this;
    }

    public int flags() {
        return flags;
    }

    public Note flags(int flags) {
        this.flags = flags;
        return this;
    }

    public String data() {
        return data;
    }

    public Note data(String data) {
        this.data = data;
        return this;
    }
}
