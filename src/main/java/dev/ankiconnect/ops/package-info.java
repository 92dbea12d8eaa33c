/** Operations: the health endpoint, the access log, trusted reverse proxies and the key throttle. */
package dev.ankiconnect.ops;
