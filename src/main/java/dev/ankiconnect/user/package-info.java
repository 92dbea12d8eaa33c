/**
 * Multi-user mode (users=true): users, API keys stored as salted hashes, the key check (Authenticator) and the
 * caller. Uses scheduler, config, db, api; the command-line tool that administers users is admin.Admin.
 */
package dev.ankiconnect.user;
