/** Configuration keys, their four sources in a fixed order, and validation that fails the start with the key's name. */
package dev.ankiconnect.config;
