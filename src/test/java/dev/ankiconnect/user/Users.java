package dev.ankiconnect.user;

import dev.ankiconnect.config.Config;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.db.Database;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Test set-up: users and keys written into a deployment's database before the server opens it. */
public final class Users {

    private Users() {}

    public static void prepare(Map<String, String> databaseConfig, Consumer<UserStore> setup) {
        Map<ConfigKey, String> keys = new EnumMap<>(ConfigKey.class);
        databaseConfig.forEach((k, v) -> keys.put(ConfigKey.byKey(k), v));
        try (Database db = Database.open(Config.of(keys))) {
            setup.accept(new UserStore(dev.ankiconnect.db.Work.own(db.emf())));
        }
    }
}
