/**
 * Multi-user mode (users=true): users, API keys stored as salted hashes, the key check (Authenticator), the caller, and
 * the administration tool Admin. Uses check, scheduler, config, db, api.
 */
package dev.ankiconnect.user;
