package dev.ankiconnect.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * {@link Work} for the server's beans: in a request on the request's {@link Tx}, so that a request never holds
 * two connections; outside one (start-up) in its own transaction, after a turn at the {@link ConnectionGate}.
 */
@ApplicationScoped
public class Transactions implements Work {

    @Inject
    Tx tx;

    @Inject
    DatabaseHolder database;

    @Inject
    BeanManager beans;

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        if (inRequest()) {
            return work.apply(tx.em());
        }
        return alone(work);
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        if (inRequest()) {
            tx.keepWrites();
            return work.apply(tx.em());
        }
        return alone(work);
    }

    private <T> T alone(Function<EntityManager, T> work) {
        Database db = database.get();
        try (ConnectionGate.Permit ignored = db.gate().enter()) {
            return Work.own(db.emf()).write(work);
        }
    }

    /** True while a request is being served on this thread. */
    public boolean inRequest() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
