package dev.ankiconnect.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Origins compared as browsers compare them: scheme, host and port, the scheme's default port spelled out. */
final class SameOrigin {

    private SameOrigin() {}

    /** scheme://host[:port], the host a name, an IPv4 address or a bracketed IPv6 address; nothing after it. */
    private static final Pattern ORIGIN =
            Pattern.compile("(https?)://(\\[[0-9a-f:.]+\\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([0-9]{1,5}))?/?");

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");

    /**
     * The origin as {@code scheme://host:port} in lower case, or null for anything that is not an http(s) origin
     * (a browser extension, {@code null}, garbage).
     */
    static String normalise(String origin) {
        if (origin == null) {
            return null;
        }
        Matcher m = ORIGIN.matcher(origin.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        String port = m.group(3);
        int p = port == null ? (scheme.equals("https") ? 443 : 80) : Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            return null;
        }
        return scheme + "://" + m.group(2) + ":" + p;
    }

    /**
     * True when {@code origin} (the Origin header) is the origin the request reached: {@code scheme} and {@code host}
     * (a Host header: name or address, and port). A host name counts only on a server that needs a key anyway
     * ({@code keyed}); an address or {@code localhost} always (see {@link AnkiConnectFilter#sameOrigin}).
     */
    static boolean own(String origin, String scheme, String host, boolean keyed) {
        if (origin == null || scheme == null || host == null) {
            return false;
        }
        String own = normalise(scheme.trim() + "://" + host.trim());
        if (own == null || !own.equals(normalise(origin.trim()))) {
            return false;
        }
        return keyed || addressOrLocalhost(own);
    }

    /** True when a normalised origin's host is an IP address or {@code localhost}: no DNS name can be rebound there. */
    static boolean addressOrLocalhost(String normalised) {
        String rest = normalised.substring(normalised.indexOf("://") + 3);
        String host = rest.substring(0, rest.lastIndexOf(':'));
        return host.startsWith("[")
                || host.equals("localhost")
                || IPV4.matcher(host).matches();
    }
}
