/** Check Database: the integrity check and repair of one collection (guiCheckDatabase, {@code admin.sh check}). */
package dev.ankiconnect.check;
