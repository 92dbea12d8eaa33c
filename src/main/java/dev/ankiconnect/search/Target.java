package dev.ankiconnect.search;

/** What a compiled search returns: note ids (findNotes) or card ids (findCards). */
public enum Target {
    NOTES,
    CARDS
}
