package dev.ankiconnect.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A card: one template (or cloze number) of a note, with its scheduling state. */
@Entity
@Table(name = "cards")
@IdClass(dev.ankiconnect.db.ProfileScopedId.class)
@NamedQuery(
        name = "Card.byNote",
        query = "select c from Card c where c.profileId = :profile and c.nid = :nid order by c.ord")
public class Card {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    /** Creation time, ms. */
    @Id
    @Column(name = "id", nullable = false)
    private long id;

    @Column(name = "nid", nullable = false)
    private long nid;

    /** Current deck. */
    @Column(name = "did", nullable = false)
    private long did;

    /** Template ordinal, or cloze number - 1. */
    @Column(name = "ord", nullable = false)
    private int ord;

    /** Seconds. */
    @Column(name = "mtime", nullable = false)
    private long mtime;

    @Column(name = "usn", nullable = false)
    private int usn;

    /** 0 new, 1 learning, 2 review, 3 relearning. */
    @Column(name = "ctype", nullable = false)
    private int type;

    /** -3..4, see Anki. */
    @Column(name = "queue", nullable = false)
    private int queue;

    /** Meaning depends on the queue. */
    @Column(name = "due", nullable = false)
    private long due;

    /** Days. */
    @Column(name = "ivl", nullable = false)
    private int ivl;

    /** Ease, permille. */
    @Column(name = "factor", nullable = false)
    private int factor;

    @Column(name = "reps", nullable = false)
    private int reps;

    @Column(name = "lapses", nullable = false)
    private int lapses;

    /** Remaining learning steps. */
    @Column(name = "remaining", nullable = false)
    private int left;

    @Column(name = "odue", nullable = false)
    private long odue;

    @Column(name = "odid", nullable = false)
    private long odid;

    @Column(name = "flags", nullable = false)
    private int flags;

    /** JSON: FSRS memory state, original position. */
    @Column(name = "data", nullable = false)
    private String data;

    public Card() {}

    public long profileId() {
        return profileId;
    }

    public Card profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public long id() {
        return id;
    }

    public Card id(long id) {
        this.id = id;
        return this;
    }

    public long nid() {
        return nid;
    }

    public Card nid(long nid) {
        this.nid = nid;
        return this;
    }

    public long did() {
        return did;
    }

    public Card did(long did) {
        this.did = did;
        return this;
    }

    public int ord() {
        return ord;
    }

    public Card ord(int ord) {
        this.ord = ord;
        return this;
    }

    public long mtime() {
        return mtime;
    }

    public Card mtime(long mtime) {
        this.mtime = mtime;
        return this;
    }

    public int usn() {
        return usn;
    }

    public Card usn(int usn) {
        this.usn = usn;
        return this;
    }

    public int type() {
        return type;
    }

    public Card type(int type) {
        this.type = type;
        return this;
    }

    public int queue() {
        return queue;
    }

    public Card queue(int queue) {
        this.queue = queue;
        return this;
    }

    public long due() {
        return due;
    }

    public Card due(long due) {
        this.due = due;
        return this;
    }

    public int ivl() {
        return ivl;
    }

    public Card ivl(int ivl) {
        this.ivl = ivl;
        return this;
    }

    public int factor() {
        return factor;
    }

    public Card factor(int factor) {
        this.factor = factor;
        return this;
    }

    public int reps() {
        return reps;
    }

    public Card reps(int reps) {
        this.reps = reps;
        return this;
    }

    public int lapses() {
        return lapses;
    }

    public Card lapses(int lapses) {
        this.lapses = lapses;
        return this;
    }

    public int left() {
        return left;
    }

    public Card left(int left) {
        this.left = left;
        return this;
    }

    public long odue() {
        return odue;
    }

    public Card odue(long odue) {
        this.odue = odue;
        return this;
    }

    public long odid() {
        return odid;
    }

    public Card odid(long odid) {
        this.odid = odid;
        return this;
    }

    public int flags() {
        return flags;
    }

    public Card flags(int flags) {
        this.flags = flags;
        return this;
    }

    public String data() {
        return data;
    }

    public Card data(String data) {
        this.data = data;
        return this;
    }
}
