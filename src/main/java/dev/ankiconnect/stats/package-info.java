/**
 * Statistics of the collection: reviews per day and the collection report, using the collection's day rollover.
 * Uses deck, scheduler, text, profile, db, api.
 */
package dev.ankiconnect.stats;
