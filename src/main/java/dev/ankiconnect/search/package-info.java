/**
 * Anki's search language: {@link dev.ankiconnect.search.SearchParser} turns a query into an immutable
 * {@link dev.ankiconnect.search.SearchNode} tree, and {@link dev.ankiconnect.search.SqlWriter} compiles that
 * tree into one parameterised, profile-restricted SQL statement plus an optional JVM-side row filter for
 * matching rules SQL cannot express portably (regex, Unicode case rules, per-field and HTML-aware matching).
 */
package dev.ankiconnect.search;
