/**
 * Anki's v3 scheduler (SM-2 and FSRS), its day/time logic and the pure counting helpers,
 * as plain functions of card state, deck options and time.
 * Pure: no database, no clock, no servlet or CDI.
 * Callers load a {@link dev.ankiconnect.scheduler.SchedulingCard}, call {@link dev.ankiconnect.scheduler.Scheduler}
 * and persist the returned card and {@link dev.ankiconnect.scheduler.RevlogEntry} themselves.
 * {@link dev.ankiconnect.scheduler.CardType} and {@link dev.ankiconnect.scheduler.CardQueue} name the stored codes of a
 * card's type and queue for every package.
 */
package dev.ankiconnect.scheduler;
