package dev.ankiconnect.db;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Where database work outside an action's own code runs: inside a request on that request's transaction (its one
 * connection), elsewhere (start-up, the admin tool) in a transaction of its own.
 */
public interface Work {

    /** Work that only reads. */
    <T> T read(Function<EntityManager, T> work);

    /** Work that writes: kept even when the request's action is a read ({@link Tx#keepWrites}). */
    <T> T write(Function<EntityManager, T> work);

    /** Each call its own transaction on a connection of {@code emf}'s pool, committed when it returns: for tools. */
    static Work own(jakarta.persistence.EntityManagerFactory emf) {
        return new Work() {
            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return write(work);
            }

            @Override
            public <T> T write(Function<EntityManager, T> work) {
                EntityManager em = emf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    T result = work.apply(em);
                    em.getTransaction().commit();
                    return result;
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            }
        };
    }
}
