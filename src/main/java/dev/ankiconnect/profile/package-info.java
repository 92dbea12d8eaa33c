/**
 * Profiles, each owning one collection; the collection clock, config keys, write counter, and the profile actions.
 * Uses scheduler, settings, user, config, db, api. A new collection is seeded through JPA and flushed once
 * ({@code Profiles.seed}), because the request's plain-JDBC readers see only flushed rows.
 */
package dev.ankiconnect.profile;
