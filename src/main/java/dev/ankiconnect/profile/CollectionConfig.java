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
@IdClass(dev.ankiconnect.profile.CollectionConfig.Key.class)
@NamedQuery(name = "CollectionConfig.all", query = "select c from CollectionConfig c where c.profileId = :profile")
public class CollectionConfig {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "ckey", nullable = false)
    private String key;

    /** JSON text. */
    @Lob
    @Column(name = "val")
    private String value;

    /** Ms. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    public CollectionConfig() {
    }

    public long profileId() {
        return profileId;
    }

    public CollectionConfig profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public String key() {
        return key;
    }

    public CollectionConfig key(String key) {
        this.key = key;
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

    /** The key of a config row. */
    public static class Key implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long profileId;
        private String key;

        public Key() {
        }

        public Key(long profileId, String key) {
            this.profileId = profileId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.profileId == profileId && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(profileId, key);
        }
    }

}
