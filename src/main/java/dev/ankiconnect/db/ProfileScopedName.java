package dev.ankiconnect.db;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of collection rows named by text (tags, media files, config keys): profile and name. */
public class ProfileScopedName implements Serializable {

    private static final long serialVersionUID = 1L;

    private long profileId;
    private String name;

    public ProfileScopedName() {}

    public ProfileScopedName(long profileId, String name) {
        this.profileId = profileId;
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileScopedName other && other.profileId == profileId && Objects.equals(other.name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileId, name);
    }
}
