/** Statistics of the collection: reviews per day and the collection report, using the collection's day rollover. */
package dev.ankiconnect.stats;
