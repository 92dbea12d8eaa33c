/**
 * The administration tool run by scripts/admin.sh (users, keys, profiles, check PROFILE) outside the server.
 * Uses user, check, config, db; nothing imports it.
 */
package dev.ankiconnect.admin;
