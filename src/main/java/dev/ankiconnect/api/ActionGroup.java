package dev.ankiconnect.api;

/** Marker for the CDI beans that hold {@link Action} methods; the registry collects every one. */
public interface ActionGroup {}
