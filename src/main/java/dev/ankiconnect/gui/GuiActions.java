package dev.ankiconnect.gui;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.check.CheckReport;
import dev.ankiconnect.check.CollectionCheck;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Sql;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * AnkiConnect's "graphical" actions that make sense on a server. Desktop AnkiConnect's gui* actions drive Anki's
 * windows; those that only open a window stay unsupported, but {@code guiCheckDatabase} is Anki's Check Database,
 * which repairs the collection and needs no window. The others of the group, should any become meaningful here,
 * belong in this class.
 */
@ApplicationScoped
public class GuiActions implements ActionGroup {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    dev.ankiconnect.profile.CollectionGeneration generation;

    /**
     * guiCheckDatabase: checks and repairs the active collection ({@link CollectionCheck}) and answers {@code true},
     * as AnkiConnect does. A read unless it repairs something: a healthy collection is left untouched and its write
     * counter stays (searches keep their in-memory copy); a repair is kept and counted through {@link Tx#keepWrites}.
     * What it found is logged (logger {@code dev.ankiconnect.check.CollectionCheck}).
     */
    @Action
    @ReadOnly
    public boolean guiCheckDatabase() {
        CheckReport report =
                CollectionCheck.run(tx.em(), Sql.connection(tx), profile.id(), profile.name(), ids::reserve);
        if (report.changed()) {
            // The repair must be made as every write is, as the collection's one writer (its lock taken before any
            // row): the change record stamps its rows with the counter the transaction commits, which only a
            // serialised writer knows. So the unlocked attempt is undone and the check run again under the lock.
            tx.rollback();
            generation.lockForWrite();
            CollectionCheck.run(tx.em(), Sql.connection(tx), profile.id(), profile.name(), ids::reserve);
            tx.keepWrites();
        }
        return true;
    }
}
