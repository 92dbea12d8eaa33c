package dev.ankiconnect.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trustedProxies}: the addresses (or CIDR ranges) of reverse proxies whose
 * {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed.
 * From anyone else these headers are ignored, so a client cannot choose its own address.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    /** Entries are IP literals or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); no host names. */
    public TrustedProxies(List<String> entries) {
        for (String e : entries) {
            String t = e.trim();
            int slash = t.indexOf('/');
            String addr = slash < 0 ? t : t.substring(0, slash);
            byte[] bytes = literal(addr);
            if (bytes == null) {
                throw new IllegalArgumentException("trustedProxies: '" + t + "' is not an IP address or CIDR range");
            }
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("trustedProxies: bad prefix length in '" + t + "'");
            }
            ranges.add(new Range(bytes, bits));
        }
    }

    /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        String s = text;
        if (s != null && s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s != null && s.indexOf('%') > 0 && s.contains(":")) {
            // An IPv6 zone (fe80::1%eth0) as some containers report the peer.
            s = s.substring(0, s.indexOf('%'));
        }
        if (s == null
                || s.isEmpty()
                || !s.matches("[0-9a-fA-F:.]+")
                || (!s.contains(":") && !s.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy; then the right-most
     * address of X-Forwarded-For that is not itself a trusted proxy.
     */
    public String clientAddress(String remoteAddr, String forwardedFor) {
        if (forwardedFor == null || !trusts(remoteAddr)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",");
        String candidate = remoteAddr;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) {
                // Garbage in the header: stop at the last address we could trust.
                return candidate;
            }
            candidate = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return candidate;
    }
}
