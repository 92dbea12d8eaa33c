/**
 * Anki's search language: SearchParser builds the SearchNode tree, SqlWriter compiles it to SQL (on Derby, a note
 * search mixing note and card terms, or reading only the tags, to an IdPlan: id sets of several statements, combined by IdSets), MemorySearch runs
 * it on an in-memory CollectionSnapshot; also the request Deadline. Pure: uses text only; execution is search.run.
 */
package dev.ankiconnect.search;
