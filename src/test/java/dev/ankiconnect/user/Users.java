package dev.ankiconnect.user;

import dev.ankiconnect.config.Config;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.db.Database;
import dev.ankiconnect.db.Work;
import dev.ankiconnect.profile.Profiles;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Test set-up: users, keys and profiles written into a deployment's database before the server opens it. */
public final class Users {

    private Users() {}

    /** What the set-up may do: the admin tool's user, key and profile commands. */
    public static final class Setup {

        private final Work work;
        private final UserStore store;

        Setup(Work work) {
            this.work = work;
            this.store = new UserStore(work);
        }

        public UserStore.User createUser(String name) {
            return store.createUser(name);
        }

        /** A bare profile owned by the user, as {@code admin.sh profile add USER PROFILE}. */
        public void createProfileRow(String userName, String profileName) {
            Profiles.createBare(work, store.requireUser(userName).id(), profileName);
        }

        public ApiKeys.Issued issueKey(String userName, String label) {
            return store.issueKey(userName, label);
        }

        public boolean revokeKey(String keyId) {
            return store.revokeKey(keyId);
        }
    }

    public static void prepare(Map<String, String> databaseConfig, Consumer<Setup> setup) {
        Map<ConfigKey, String> keys = new EnumMap<>(ConfigKey.class);
        databaseConfig.forEach((k, v) -> keys.put(ConfigKey.byKey(k), v));
        try (Database db = Database.open(Config.of(keys))) {
            setup.accept(new Setup(Work.own(db.emf())));
        }
    }
}
