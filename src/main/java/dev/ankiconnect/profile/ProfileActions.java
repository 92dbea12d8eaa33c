package dev.ankiconnect.profile;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.ReadOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The profile actions. A server has no profile manager window: profiles live in the database. */
@ApplicationScoped
public class ProfileActions implements ActionGroup {

    @Inject
    Profiles profiles;

    @Inject
    ActiveProfile active;

    /** getProfiles: the names of all profiles; in multi-user mode, of the caller's own. */
    @ReadOnly
    @Action
    public List<String> getProfiles() {
        return active.names();
    }

    /** getActiveProfile: the name of the profile the server acts on. */
    @ReadOnly
    @Action
    public String getActiveProfile() {
        return active.name();
    }

    /**
     * loadProfile {name}: switches to that profile; false when it does not exist. A read: in multi-user mode the
     * user's choice and a new collection are written through {@code Work.write}, which keeps them.
     */
    @ReadOnly
    @Action("name")
    public boolean loadProfile(Params p) {
        return active.load(p.string("name"));
    }
}
