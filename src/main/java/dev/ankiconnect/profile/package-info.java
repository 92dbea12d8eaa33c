/** Profiles, each owning one collection, the collection config keys, and the profile actions. */
package dev.ankiconnect.profile;
