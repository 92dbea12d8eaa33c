package dev.ankiconnect.deck;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An options preset, stored as Anki's v11 deck-config JSON so it round-trips unchanged. */
@Entity
@Table(name = "deck_configs")
@IdClass(dev.ankiconnect.db.ProfileScopedId.class)
@NamedQuery(name = "DeckConfig.all", query = "select c from DeckConfig c where c.profileId = :profile order by c.id")
public class DeckConfig {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "id", nullable = false)
    private long id;

    @Column(name = "name", nullable = false)
    private String name;

    /** Seconds. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    @Column(name = "usn", nullable = false)
    private int usn;

    /** The whole v11 JSON object. */
    @Lob
    @Column(name = "config")
    private String config;

    public DeckConfig() {}

    public long profileId() {
        return profileId;
    }

    public DeckConfig profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public long id() {
        return id;
    }

    public DeckConfig id(long id) {
        this.id = id;
        return this;
    }

    public String name() {
        return name;
    }

    public DeckConfig name(String name) {
        this.name = name;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public DeckConfig mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }

    public int usn() {
        return usn;
    }

    public DeckConfig usn(int usn) {
        this.usn = usn;
        return this;
    }

    public String config() {
        return config;
    }

    public DeckConfig config(String config) {
        this.config = config;
        return this;
    }
}
