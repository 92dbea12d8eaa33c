/**
 * Anki's search language: SearchParser builds the SearchNode tree, SqlWriter compiles it to SQL, MemorySearch runs it on
 * an in-memory CollectionSnapshot; also the request Deadline. Pure: uses text only; execution is search.run.
 */
package dev.ankiconnect.search;
