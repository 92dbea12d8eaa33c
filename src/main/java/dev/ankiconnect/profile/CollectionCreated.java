package dev.ankiconnect.profile;

import jakarta.persistence.EntityManager;

/**
 * Fired inside the transaction that creates a profile, so each feature can give the new
 * collection what a fresh Anki collection has (the Default deck, presets, stock note types).
 *
 * @param em the EntityManager of that transaction; observers write through it
 */
public record CollectionCreated(long profileId, EntityManager em, long nowMs) {}
