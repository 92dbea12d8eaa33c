/**
 * Runs envelopes: the {@code @Action} registry, the dispatcher (key, binding, one transaction per action, retry,
 * read-only marks) and the actions about the API itself (version, multi, apiReflect, requestPermission). Uses
 * {@code api}, {@code db}, {@code profile}, {@code user}; features never import it, only the HTTP doors do.
 */
package dev.ankiconnect.dispatch;
