/**
 * HTTP only: the JSON endpoint servlet, the health servlet, the study pages' file servlet, the filter (CORS and
 * preflight, the server's own origin, refused origins, body limit, API key with its throttle, access log), start-up.
 * The study pages themselves are static files under {@code WEB-INF/study/} that call the JSON endpoint like any
 * client. Uses dispatch, ops, user, profile, config, db, api; no feature.
 */
package dev.ankiconnect.web;
