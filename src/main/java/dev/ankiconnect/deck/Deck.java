package dev.ankiconnect.deck;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A deck; {@code data} keeps the rest of Anki's v11 deck JSON (description, day counters, limits, filtered-deck terms). */
@Entity
@Table(name = "decks")
@IdClass(dev.ankiconnect.db.ProfileScopedId.class)
@NamedQuery(name = "Deck.byName", query = "select d from Deck d where d.profileId = :profile and d.nameKey = :key")
@NamedQuery(name = "Deck.all", query = "select d from Deck d where d.profileId = :profile order by d.nameKey")
public class Deck {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Id
    @Column(name = "id", nullable = false)
    private long id;

    /** Human name with {@code ::} between levels. */
    @Column(name = "name", nullable = false)
    private String name;

    /** Lower-cased name: decks are unique case-insensitively. */
    @Column(name = "name_key", nullable = false)
    private String nameKey;

    /** Normal or filtered. */
    @Column(name = "kind", nullable = false)
    @Convert(converter = DeckKindConverter.class)
    private DeckKind kind = DeckKind.NORMAL;

    /** Options preset id (normal decks). */
    @Column(name = "conf_id", nullable = false)
    private long confId;

    /** Modification time, seconds. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    @Column(name = "usn", nullable = false)
    private int usn;

    @Lob
    @Column(name = "data")
    private String data;

    public Deck() {}

    public long profileId() {
        return profileId;
    }

    public Deck profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public long id() {
        return id;
    }

    public Deck id(long id) {
        this.id = id;
        return this;
    }

    public String name() {
        return name;
    }

    public Deck name(String name) {
        this.name = name;
        return this;
    }

    public String nameKey() {
        return nameKey;
    }

    public Deck nameKey(String nameKey) {
        this.nameKey = nameKey;
        return this;
    }

    public DeckKind kind() {
        return kind;
    }

    public boolean isFiltered() {
        return kind == DeckKind.FILTERED;
    }

    public Deck kind(DeckKind kind) {
        this.kind = kind;
        return this;
    }

    public long confId() {
        return confId;
    }

    public Deck confId(long confId) {
        this.confId = confId;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public Deck mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }

    public int usn() {
        return usn;
    }

    public Deck usn(int usn) {
        this.usn = usn;
        return this;
    }

    public String data() {
        return data;
    }

    public Deck data(String data) {
        this.data = data;
        return this;
    }
}
