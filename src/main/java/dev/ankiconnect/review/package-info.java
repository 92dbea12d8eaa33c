/**
 * The review log and the scheduling actions (answerCards, setDueDate, ...) on top of scheduler.
 * Uses card, note, deck, tag, scheduler, text, profile, db, api.
 */
package dev.ankiconnect.review;
