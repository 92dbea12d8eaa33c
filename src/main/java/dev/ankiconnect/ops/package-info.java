/**
 * Operations: the health check (served by web.HealthServlet), access log, trusted reverse proxies, key throttle.
 * Uses config, db.
 */
package dev.ankiconnect.ops;
