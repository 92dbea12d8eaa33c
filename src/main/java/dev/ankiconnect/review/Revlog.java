package dev.ankiconnect.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One answer or manual reschedule of a card, as Anki's revlog row. */
@Entity
@Table(name = "revlog")
@IdClass(dev.ankiconnect.db.ProfileScopedId.class)
@NamedQuery(
        name = "Revlog.byCard",
        query = "select r from Revlog r where r.profileId = :profile and r.cid = :cid order by r.id")
public class Revlog {

    @Id
    @Column(name = "profile_id", nullable = false)
    private long profileId;

    /** Answer time, ms. */
    @Id
    @Column(name = "id", nullable = false)
    private long id;

    @Column(name = "cid", nullable = false)
    private long cid;

    @Column(name = "usn", nullable = false)
    private int usn;

    /** 1-4, or 0 for a manual entry. */
    @Column(name = "ease", nullable = false)
    private int ease;

    /** Days, or negative seconds. */
    @Column(name = "ivl", nullable = false)
    private int ivl;

    @Column(name = "last_ivl", nullable = false)
    private int lastIvl;

    @Column(name = "factor", nullable = false)
    private int factor;

    /** Milliseconds. */
    @Column(name = "taken", nullable = false)
    private int time;

    /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
    @Column(name = "rtype", nullable = false)
    private int type;

    public Revlog() {}

    public long profileId() {
        return profileId;
    }

    public Revlog profileId(long profileId) {
        this.profileId = profileId;
        return this;
    }

    public long id() {
        return id;
    }

    public Revlog id(long id) {
        this.id = id;
        return this;
    }

    public long cid() {
        return cid;
    }

    public Revlog cid(long cid) {
        this.cid = cid;
        return this;
    }

    public int usn() {
        return usn;
    }

    public Revlog usn(int usn) {
        this.usn = usn;
        return this;
    }

    public int ease() {
        return ease;
    }

    public Revlog ease(int ease) {
        this.ease = ease;
        return this;
    }

    public int ivl() {
        return ivl;
    }

    public Revlog ivl(int ivl) {
        this.ivl = ivl;
        return this;
    }

    public int lastIvl() {
        return lastIvl;
    }

    public Revlog lastIvl(int lastIvl) {
        this.lastIvl = lastIvl;
        return this;
    }

    public int factor() {
        return factor;
    }

    public Revlog factor(int factor) {
        this.factor = factor;
        return this;
    }

    public int time() {
        return time;
    }

    public Revlog time(int time) {
        this.time = time;
        return this;
    }

    public int type() {
        return type;
    }

    public Revlog type(int type) {
        this.type = type;
        return this;
    }
}
