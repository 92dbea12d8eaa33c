/**
 * The server database: Liquibase, the persistence unit, the per-action transaction (Tx) and its connection gate, the
 * JDBC helper Sql, Anki-style ids. Uses config, search (the request deadline), api (being removed by the errors work).
 */
package dev.ankiconnect.db;
