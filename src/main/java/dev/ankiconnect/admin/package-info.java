/**
 * The administration tool run by scripts/admin.sh (users, keys, profiles, check PROFILE) outside the server.
 * Uses user, profile (ProfileStore, the same writer lock and counter code as the server), card, check, config, db;
 * nothing imports it.
 */
package dev.ankiconnect.admin;
