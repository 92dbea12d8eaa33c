/**
 * Operations: the health check (served by web.HealthServlet), access log, trusted reverse proxies, key throttle.
 * Uses config, db, profile (the health check reads the profiles table through ProfileStore).
 */
package dev.ankiconnect.ops;
