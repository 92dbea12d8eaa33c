package dev.ankiconnect.web;

import java.util.ArrayList;
import java.util.List;

/**
 * AnkiConnect's origin rules: {@code webCorsOriginList} (plus the deprecated {@code webCorsOrigin}),
 * {@code "*"}, exact matches, and the extra origins that the default {@code http://localhost}
 * entry admits (127.0.0.1 and browser extensions).
 */
public final class CorsPolicy {

    static final String LOCALHOST = "http://localhost";

    private final List<String> origins;
    private final boolean any;
    private final boolean localhost;

    public CorsPolicy(List<String> originList, String extraOrigin) {
        List<String> all = new ArrayList<>(originList);
        if (extraOrigin != null && !extraOrigin.isEmpty()) {
            all.add(extraOrigin);
        }
        this.origins = List.copyOf(all);
        this.any = origins.contains("*");
        this.localhost = origins.contains(LOCALHOST);
    }

    /** The verdict for one request: may it be served, and what Access-Control-Allow-Origin says. */
    public record Decision(boolean allowed, String allowOrigin) {}

    /** @param origin the Origin header, or null when the request has none */
    public Decision decide(String origin) {
        if (any) {
            return new Decision(true, "*");
        }
        if (origin == null) {
            return new Decision(true, LOCALHOST);
        }
        if (origins.contains(origin)) {
            return new Decision(true, origin);
        }
        if (localhost && isLocalOrExtension(origin)) {
            return new Decision(true, origin);
        }
        return new Decision(false, LOCALHOST);
    }

    private static boolean isLocalOrExtension(String origin) {
        return origin.equals("http://127.0.0.1")
                || origin.equals("https://127.0.0.1")
                || origin.startsWith("http://127.0.0.1:")
                || origin.startsWith("chrome-extension://")
                || origin.startsWith("moz-extension://")
                || origin.startsWith("safari-web-extension://");
    }
}
