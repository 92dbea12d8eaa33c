/** AnkiConnect's "graphical" action group: the gui* actions that make sense without a window. */
package dev.ankiconnect.gui;
