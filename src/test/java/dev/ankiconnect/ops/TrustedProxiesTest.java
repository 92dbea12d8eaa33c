package dev.ankiconnect.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void noTrustedProxies_forwardedHeaderIsIgnored() {
        TrustedProxies p = new TrustedProxies(List.of());
        assertEquals("203.0.113.9", p.clientAddress("203.0.113.9", "1.2.3.4"));
    }

    @Test
    void trustedPeer_rightmostUntrustedHopIsTheClient() {
        TrustedProxies p = new TrustedProxies(List.of("127.0.0.1", "10.0.0.0/8", "::1"));
        assertEquals("198.51.100.7", p.clientAddress("127.0.0.1", "198.51.100.7"));
        // A client cannot hide behind a forged left-most entry.
        assertEquals("198.51.100.7", p.clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"));
        assertEquals("10.0.0.1", p.clientAddress("127.0.0.1", "10.0.0.1"));
        assertEquals("127.0.0.1", p.clientAddress("127.0.0.1", "not-an-address"));
        assertEquals("198.51.100.7", p.clientAddress("0:0:0:0:0:0:0:1", "198.51.100.7"));
        assertEquals("198.51.100.7", p.clientAddress("0:0:0:0:0:0:0:1%0", "198.51.100.7"));
        assertEquals("198.51.100.7", p.clientAddress("[::1]", "198.51.100.7"));
    }

    @Test
    void untrustedPeer_isTheClient() {
        TrustedProxies p = new TrustedProxies(List.of("10.0.0.0/8"));
        assertEquals("192.0.2.1", p.clientAddress("192.0.2.1", "10.0.0.5"));
        assertTrue(p.trusts("10.255.0.1"));
        assertFalse(p.trusts("11.0.0.1"));
        assertFalse(p.trusts("localhost"));
    }

    @Test
    void hostNamesAndBadRanges_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
    }
}
