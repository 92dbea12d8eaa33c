package dev.ankiconnect.db;

import dev.ankiconnect.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;

/** Holds the application's one {@link Database}, opened by the start-up listener. */
@ApplicationScoped
public class DatabaseHolder {

    private volatile Database database;

    public Database get() {
        Database d = database;
        if (d == null) {
            throw new Refusal(Refusal.Kind.COLLECTION_UNAVAILABLE);
        }
        return d;
    }

    void set(Database database) {
        this.database = database;
    }

    /** Opens the database; called once at start-up. */
    public void open(dev.ankiconnect.config.Config config) {
        set(Database.open(config));
    }

    /** Closes it; called when the application stops. */
    public void close() {
        Database d = database;
        database = null;
        if (d != null) {
            d.close();
        }
    }
}
