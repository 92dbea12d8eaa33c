package dev.ankiconnect.media;

import dev.ankiconnect.error.Refusal;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Downloads a media {@code url}, when {@code mediaUrlDownloads} is on: http and https only,
 * {@code webTimeout} ms for connecting and for each read, at most {@code maxMediaFileBytes},
 * redirects followed by hand (at most {@link #MAX_REDIRECTS}) and every hop checked again. Unless
 * {@code mediaUrlAllowPrivate} is on, a host that resolves to any loopback, private, link-local,
 * shared, multicast or unspecified address is refused before it is contacted. No proxy is used.
 *
 * <p>The connection goes to the very address that was checked ({@link HttpGet}), so a DNS server
 * that answers differently the second time (rebinding) cannot redirect it.
 */
final class UrlSource {

    static final int MAX_REDIRECTS = 10;

    private final int timeoutMs;
    private final long maxBytes;
    private final java.util.function.Predicate<InetAddress> permitted;

    UrlSource(int timeoutMs, long maxBytes, boolean allowPrivate) {
        this(timeoutMs, maxBytes, allowPrivate ? a -> true : UrlSource::isPublic);
    }

    /** With the rule for which addresses may be contacted (tests narrow it to one loopback address). */
    UrlSource(int timeoutMs, long maxBytes, java.util.function.Predicate<InetAddress> permitted) {
        // 0 would mean "wait forever" to the HTTP stack; 0 ms here means "no time at all".
        this.timeoutMs = Math.max(1, timeoutMs);
        this.maxBytes = maxBytes;
        this.permitted = permitted;
    }

    byte[] download(String url) {
        URI current = parse(url, url);
        for (int hop = 0; ; hop++) {
            InetAddress address = check(url, current);
            HttpGet.Response r;
            try {
                // Non-ASCII characters (kana in a dictionary's audio URL) are sent percent-encoded as UTF-8.
                r = HttpGet.get(URI.create(current.toASCIIString()), address, timeoutMs, maxBytes);
            } catch (HttpGet.TooLarge e) {
                throw e.size >= 0
                        ? MediaStore.tooLarge(url, e.size, maxBytes)
                        : new Refusal(Refusal.Kind.MEDIA_TOO_LARGE_UNSIZED, url, maxBytes);
            } catch (SocketTimeoutException e) {
                throw new Refusal(Refusal.Kind.DOWNLOAD_TIMEOUT, url, timeoutMs);
            } catch (IOException | IllegalArgumentException e) {
                throw failed(url, e);
            }
            int status = r.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                if (r.location() == null) {
                    throw new Refusal(Refusal.Kind.DOWNLOAD_STATUS, url, status);
                }
                if (hop >= MAX_REDIRECTS) {
                    throw new Refusal(Refusal.Kind.DOWNLOAD_REDIRECTS, url, MAX_REDIRECTS);
                }
                current = current.resolve(parse(url, r.location()));
                continue;
            }
            if (status != 200) {
                throw new Refusal(Refusal.Kind.DOWNLOAD_STATUS, url, status);
            }
            return r.body();
        }
    }

    /** The URI of a URL as clients write it; characters URIs do not allow (spaces ...) are quoted. */
    private static URI parse(String url, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            try {
                java.net.URL u = new java.net.URL(text);
                return new URI(
                        u.getProtocol(),
                        u.getUserInfo(),
                        u.getHost(),
                        u.getPort(),
                        u.getPath(),
                        u.getQuery(),
                        u.getRef());
            } catch (java.net.MalformedURLException | URISyntaxException e2) {
                throw new Refusal(Refusal.Kind.URL_INVALID, url);
            }
        }
    }

    /** Scheme http(s), a host, and (unless allowed) only public addresses; returns the address to use. */
    private InetAddress check(String url, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refusal(Refusal.Kind.URL_SCHEME, url, uri.toString().equals(url) ? null : uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refusal(Refusal.Kind.URL_NO_HOST, url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refusal(Refusal.Kind.DOWNLOAD_UNKNOWN_HOST, url, host);
        }
        for (InetAddress a : addresses) {
            if (!permitted.test(a)) {
                throw new Refusal(Refusal.Kind.URL_PRIVATE, url, host, a.getHostAddress());
            }
        }
        return addresses[0];
    }

    /** False for loopback, unspecified, private, link-local, shared (CGNAT), multicast and ULA. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xFE && (b[1] & 0xC0) == 0xC0) {
                return false; // fec0::/10 site local (deprecated)
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
                // ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped): judge the IPv4 address.
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (first == 0x20 && b[1] == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4
            }
            if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        return !(a0 == 0
                || a0 == 10
                || a0 == 127
                || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 < 128)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 < 32)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xFF) == 0)
                || (a0 == 198 && (a1 == 18 || a1 == 19)));
    }

    private static Refusal failed(String url, Exception e) {
        return new Refusal(e, Refusal.Kind.DOWNLOAD_FAILED, url);
    }
}
