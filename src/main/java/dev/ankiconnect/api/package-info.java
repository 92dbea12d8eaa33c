/**
 * What every feature uses to speak AnkiConnect: {@code @Action}, {@code Params}, the envelope parsing with
 * Python's error texts, JSON reading and writing, the error types and {@code ApiErrors}, the one place that renders
 * failures as wire texts. Imports no feature package.
 */
package dev.ankiconnect.api;
