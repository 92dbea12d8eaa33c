/**
 * Profiles, each owning one collection; the collection clock, config keys, write counter, and the profile actions.
 * {@link dev.ankiconnect.profile.ProfileStore} is the one store of the {@code profiles} and {@code collection_locks}
 * tables (the writer lock, the write counter and the stamp, profile rows and their owners): static methods on the
 * caller's EntityManager, or on its connection for the JDBC stores, the search memory and Check Database, so that
 * the admin tool (without CDI) runs the server's code. Uses scheduler, settings, user, config, db, api. A new
 * collection is seeded through JPA and flushed once ({@code Profiles.seed}), because the request's plain-JDBC readers
 * see only flushed rows.
 */
package dev.ankiconnect.profile;
