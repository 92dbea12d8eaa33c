package dev.ankiconnect.db;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of every collection row: the owning profile and the Anki id within it. */
public class ProfileScopedId implements Serializable {

    private static final long serialVersionUID = 1L;

    private long profileId;
    private long id;

    public ProfileScopedId() {}

    public ProfileScopedId(long profileId, long id) {
        this.profileId = profileId;
        this.id = id;
    }

    public long profileId() {
        return profileId;
    }

    public long id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileScopedId other && other.profileId == profileId && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileId, id);
    }
}
