/**
 * What every feature uses to speak AnkiConnect: @Action and Params, envelope parsing with Python's error texts, JSON
 * reading and writing, the error types and ApiErrors (the one place that renders wire texts). Uses db, search only.
 */
package dev.ankiconnect.api;
