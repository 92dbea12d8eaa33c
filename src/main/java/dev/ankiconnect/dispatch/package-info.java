/**
 * Runs envelopes: the @Action registry, the dispatcher (key, binding, one transaction per action, retry, read-only
 * marks) and the protocol actions version, multi, apiReflect, requestPermission. Uses api, db, profile, user, config.
 */
package dev.ankiconnect.dispatch;
