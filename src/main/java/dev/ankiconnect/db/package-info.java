/** The server database: Liquibase migrations, the RESOURCE_LOCAL persistence unit, the per-action transaction and Anki-style millisecond ids. */
package dev.ankiconnect.db;
