/**
 * Configuration keys, their four sources in a fixed order, and validation that fails the start with the key's name.
 * Uses nothing of the project.
 */
package dev.ankiconnect.config;
