package dev.ankiconnect.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One key of the collection config (Anki's {@code col.conf} / {@code config} table), a JSON value. */
@Entity
@Table(name = "col_config")
@IdClass(dev.ankiconnect.db.ProfileScopedName.class)
@NamedQuery(name = "CollectionConfig.all", query = "select c from CollectionConfig c where c.profileId = :profile")
public class CollectionConfig {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "ckey", nullable = false)
    private String name;

    /** JSON text. */
    @Lob
    @Column(name = "val")
    private String value;

    /** Ms. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    public CollectionConfig() {}

    public long profileId() {
        return profileId;
    }

    public CollectionConfig profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public String key() {
        return name;
    }

    public CollectionConfig key(String key) {
        this.name = key;
        return this;
    }

    public String value() {
        return value;
    }

    public CollectionConfig value(String value) {
        this.value = value;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public CollectionConfig mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }
}
