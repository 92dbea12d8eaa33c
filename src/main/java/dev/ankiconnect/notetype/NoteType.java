package dev.ankiconnect.notetype;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A note type ("model"), stored as Anki's v11 notetype JSON (fields, templates, css, req). */
@Entity
@Table(name = "notetypes")
@IdClass(dev.ankiconnect.db.ProfileScopedId.class)
@NamedQuery(
        name = "NoteType.byName",
        query = "select n from NoteType n where n.profileId = :profile and n.nameKey = :key")
@NamedQuery(name = "NoteType.all", query = "select n from NoteType n where n.profileId = :profile order by n.nameKey")
public class NoteType {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "id", nullable = false)
    private long id;

    @Column(name = "name", nullable = false)
    private String name;

    /** Lower-cased name, unique per profile. */
    @Column(name = "name_key", nullable = false)
    private String nameKey;

    /** 0 standard, 1 cloze. */
    @Column(name = "kind", nullable = false)
    private int kind;

    /** Seconds. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    @Column(name = "usn", nullable = false)
    private int usn;

    /** The whole v11 JSON object. */
    @Lob
    @Column(name = "config")
    private String config;

    public NoteType() {}

    public long profileId() {
        return profileId;
    }

    public NoteType profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public long id() {
        return id;
    }

    public NoteType id(long id) {
        this.id = id;
        return this;
    }

    public String name() {
        return name;
    }

    public NoteType name(String name) {
        this.name = name;
        return this;
    }

    public String nameKey() {
        return nameKey;
    }

    public NoteType nameKey(String nameKey) {
        this.nameKey = nameKey;
        return this;
    }

    public int kind() {
        return kind;
    }

    public NoteType kind(int kind) {
        this.kind = kind;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public NoteType mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }

    public int usn() {
        return usn;
    }

    public NoteType usn(int usn) {
        this.usn = usn;
        return this;
    }

    public String config() {
        return config;
    }

    public NoteType config(String config) {
        this.config = config;
        return this;
    }
}
