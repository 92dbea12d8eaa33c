package dev.ankiconnect.profile;

/** Fired after a transaction that counted a write of this profile's collection has committed. */
public record CollectionWritten(long profileId) {}
