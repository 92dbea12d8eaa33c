/** The AnkiConnect envelope and dispatch: request parsing with Python's error texts, the @Action registry, the dispatcher that runs each action in one transaction, and the one place that renders failures as wire texts. */
package dev.ankiconnect.api;
