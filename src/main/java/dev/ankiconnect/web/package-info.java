/**
 * HTTP only: the JSON endpoint servlet, the health servlet, the filter (CORS and preflight, refused origins, body limit,
 * API key with its throttle, access log), start-up. Uses dispatch, ops, user, profile, config, db, api; no feature.
 */
package dev.ankiconnect.web;
