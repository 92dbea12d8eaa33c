/**
 * Anki's v3 scheduler (SM-2 and FSRS), its day and time logic, as plain functions of card state, deck options and time.
 * Pure: no database, no clock, no servlet or CDI; callers load a SchedulingCard and persist what Scheduler returns.
 */
package dev.ankiconnect.scheduler;
