package dev.ankiconnect.profile;

import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which profile the server acts on. In single-user mode this is one server-wide choice,
 * {@code defaultProfile} until {@code loadProfile} switches it, like the one open profile of a
 * desktop Anki.
 */
@ApplicationScoped
public class ActiveProfile {

    @Inject
    Settings settings;

    @Inject
    Profiles profiles;

    private final AtomicReference<Selected> selected = new AtomicReference<>();

    private record Selected(String name, long id) {
    }

    /** The active profile's id, creating the default profile on first use. */
    public long id() {
        Selected s = selected.get();
        if (s == null) {
            String name = settings.config().string(ConfigKey.DEFAULT_PROFILE);
            s = new Selected(name, profiles.ensure(name));
            selected.compareAndSet(null, s);
            s = selected.get();
        }
        return s.id();
    }

    public String name() {
        id();
        return selected.get().name();
    }

    /** Switches to an existing profile; false when there is none of that name. */
    public boolean load(String name) {
        return profiles.findId(name).map(id -> {
            selected.set(new Selected(name, id));
            return true;
        }).orElse(false);
    }
}
