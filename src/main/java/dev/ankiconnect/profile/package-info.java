/**
 * Profiles, each owning one collection; the collection clock, config keys, write counter, and the profile actions.
 * Uses scheduler, user, config, db, api.
 */
package dev.ankiconnect.profile;
