/** The review log: one row per answer or manual reschedule, as Anki writes it. */
package dev.ankiconnect.review;
