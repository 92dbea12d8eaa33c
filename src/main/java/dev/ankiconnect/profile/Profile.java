package dev.ankiconnect.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A profile owns exactly one collection; every collection row carries its id. Read and written through {@link ProfileStore}. */
@Entity
@Table(name = "profiles")
public class Profile {

    @Id
    private long id;

    @Column(nullable = false, unique = true)
    private String name;

    /** Collection creation, Unix seconds, snapped to the day rollover as Anki does. */
    @Column(nullable = false)
    private long crt;

    @Column(name = "created_ms", nullable = false)
    private long createdMs;

    /** Last modification of the collection, ms. */
    @Column(nullable = false)
    private long mtime;

    /** Last schema change, ms. */
    @Column(nullable = false)
    private long scm;

    /** The owning user in multi-user mode; null in single-user mode. */
    @Column(name = "user_id")
    private Long userId;

    protected Profile() {}

    public Profile(long id, String name, long crt, long nowMs) {
        this.id = id;
        this.name = name;
        this.crt = crt;
        this.createdMs = nowMs;
        this.mtime = nowMs;
        this.scm = nowMs;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long crt() {
        return crt;
    }

    public long mtime() {
        return mtime;
    }

    public long scm() {
        return scm;
    }

    public Long owner() {
        return userId;
    }

    public void owner(Long userId) {
        this.userId = userId;
    }

    public void touch(long nowMs) {
        mtime = nowMs;
    }

    public void schemaChanged(long nowMs) {
        scm = nowMs;
        mtime = nowMs;
    }
}
