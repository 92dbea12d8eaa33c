/**
 * The review log and the scheduling actions (answerCards, setDueDate, ...) on top of scheduler.
 * {@link dev.ankiconnect.review.RevlogStore} is the one store of the {@code revlog} table (JPA, rows are written one
 * answer or one import at a time; its bulk read for getReviewsOfCards is chunked JDBC on the cid index). The
 * search package's revlog sub-queries (rated:, introduced:) stay with the search SQL they are part of.
 * Uses card, note, deck, tag, scheduler, text, profile, db, api.
 */
package dev.ankiconnect.review;
