/**
 * Multi-user mode ({@code users=true}): users, their API keys (stored as salted hashes only),
 * the per-user active profile, and the administration command-line tool {@link dev.ankiconnect.user.Admin}.
 */
package dev.ankiconnect.user;
