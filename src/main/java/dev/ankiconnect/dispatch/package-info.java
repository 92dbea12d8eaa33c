/** Actions about the API itself: version, requestPermission, apiReflect and multi. */
package dev.ankiconnect.misc;
