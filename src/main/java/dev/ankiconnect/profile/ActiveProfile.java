package dev.ankiconnect.profile;

import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import dev.ankiconnect.user.Caller;
import dev.ankiconnect.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which profile the server acts on. In single-user mode this is one server-wide choice,
 * {@code defaultProfile} until {@code loadProfile} switches it, like the one open profile of a
 * desktop Anki. In multi-user mode ({@code users=true}) each user has their own choice among
 * their own profiles, kept in the database ({@code users.active_profile_id}) so that it survives
 * restarts and holds across server instances.
 */
@ApplicationScoped
public class ActiveProfile {

    @Inject
    Settings settings;

    @Inject
    Profiles profiles;

    @Inject
    Caller caller;

    private final AtomicReference<Selected> selected = new AtomicReference<>();

    private record Selected(String name, long id) {}

    private boolean multiUser() {
        return settings.config().multiUser();
    }

    /** The active profile's id, creating the default profile on first use. */
    public long id() {
        if (multiUser()) {
            return forUser().id();
        }
        Selected s = selected.get();
        if (s == null) {
            String name = settings.config().string(ConfigKey.DEFAULT_PROFILE);
            s = new Selected(name, profiles.ensure(name));
            selected.compareAndSet(null, s);
            s = selected.get();
        }
        remember(s.id(), s.name());
        return s.id();
    }

    public String name() {
        if (multiUser()) {
            return forUser().name();
        }
        id();
        return selected.get().name();
    }

    /** The names of the profiles the caller may load: all of them, or in multi-user mode their own. */
    public List<String> names() {
        if (multiUser()) {
            id();
            return profiles.ofUser(user().id()).stream()
                    .map(ProfileStore.ProfileRow::name)
                    .toList();
        }
        id();
        return profiles.names();
    }

    /** Switches to an existing profile; false when there is none of that name (or it is not the caller's). */
    public boolean load(String name) {
        if (multiUser()) {
            UserStore.User u = user();
            Optional<ProfileStore.ProfileRow> own = profiles.ofUser(u.id()).stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst();
            own.ifPresent(p -> {
                store().setActiveProfile(u.id(), p.id());
                profiles.ensureSeeded(p.id());
                caller.profile(p.id(), p.name());
            });
            return own.isPresent();
        }
        return profiles.findId(name)
                .map(id -> {
                    selected.set(new Selected(name, id));
                    remember(id, name);
                    return true;
                })
                .orElse(false);
    }

    /** Notes the profile for the access log; outside a request (start-up) there is nobody to tell. */
    private void remember(long id, String name) {
        try {
            caller.profile(id, name);
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            // Start-up or a background task.
        }
    }

    private UserStore store() {
        return profiles.userStore();
    }

    private UserStore.User user() {
        UserStore.User u = caller.user();
        if (u == null) {
            throw new IllegalStateException("no user: in multi-user mode every action needs a user's api key");
        }
        return u;
    }

    /**
     * The caller's profile: the one they loaded last, else their first by name, else a new one
     * named after them. Resolved once per request.
     */
    private ProfileStore.ProfileRow forUser() {
        if (caller.profileId() != null) {
            return new ProfileStore.ProfileRow(caller.profileId(), caller.profileName());
        }
        UserStore.User u = user();
        UserStore store = store();
        ProfileStore.ProfileRow row = profiles.activeOf(u.id()).orElse(null);
        if (row == null) {
            List<ProfileStore.ProfileRow> own = profiles.ofUser(u.id());
            if (own.isEmpty()) {
                long id = profiles.createFor(u.name(), u.id());
                row = new ProfileStore.ProfileRow(id, u.name());
            } else {
                row = own.get(0);
            }
            store.setActiveProfile(u.id(), row.id());
        }
        profiles.ensureSeeded(row.id());
        caller.profile(row.id(), row.name());
        return row;
    }
}
