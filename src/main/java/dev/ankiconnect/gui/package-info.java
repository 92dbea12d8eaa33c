/**
 * AnkiConnect's "graphical" action group: the gui* actions that make sense without a window.
 * Uses check, profile, db, api.
 */
package dev.ankiconnect.gui;
