/**
 * Decks and options presets: Anki's deck names with the :: hierarchy, the Default deck and preset, the deck kind
 * ({@link dev.ankiconnect.deck.DeckKind}, stored as its code), and the deck actions. Their settings JSON is read and
 * written through {@code settings}.
 * One store per aggregate, so a newcomer finds a table's reads and writes in one class: {@link
 * dev.ankiconnect.deck.Decks} owns {@code decks}, {@link dev.ankiconnect.deck.DeckConfigs} owns {@code deck_configs},
 * both through JPA (a handful of rows per profile, read by id or name). The one JDBC write is
 * {@code Decks.getOrCreateAll}'s batched insert of new decks (100,000 names took about a minute as entities); it runs
 * after a JPQL read, which flushes pending changes, so no manual flush is needed. Check Database (check.CollectionCheck)
 * reads and repairs them through the static {@code Decks.stored}/{@code useDefaultPreset}/{@code recover} and
 * {@code DeckConfigs.ids} on its caller's EntityManager (the admin tool has no CDI); {@code Decks.stored} is native
 * so that a deck with an unknown kind code is still listed.
 * Uses scheduler, search, text, profile, settings, db, api.
 */
package dev.ankiconnect.deck;
