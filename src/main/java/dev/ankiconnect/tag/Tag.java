package dev.ankiconnect.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A registered tag; the key is its lower-cased form, so tags are unique case-insensitively. */
@Entity
@Table(name = "tags")
@IdClass(dev.ankiconnect.db.ProfileScopedName.class)
@NamedQuery(name = "Tag.all", query = "select t from Tag t where t.profileId = :profile order by t.name")
public class Tag {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "tag_key", nullable = false)
    private String name;

    @Column(name = "tag", nullable = false)
    private String tag;

    @Column(name = "usn", nullable = false)
    private int usn;

    @Column(name = "collapsed", nullable = false)
    private boolean collapsed;

    public Tag() {}

    public long profileId() {
        return profileId;
    }

    public Tag profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public String tagKey() {
        return name;
    }

    public Tag tagKey(String tagKey) {
        this.name = tagKey;
        return this;
    }

    public String tag() {
        return tag;
    }

    public Tag tag(String tag) {
        this.tag = tag;
        return this;
    }

    public int usn() {
        return usn;
    }

    public Tag usn(int usn) {
        this.usn = usn;
        return this;
    }

    public boolean collapsed() {
        return collapsed;
    }

    public Tag collapsed(boolean collapsed) {
        this.collapsed = collapsed;
        return this;
    }
}
