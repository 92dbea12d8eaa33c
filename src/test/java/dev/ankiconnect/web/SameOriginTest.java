package dev.ankiconnect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void normalise_spellsOutTheDefaultPort_andLowersTheCase() {
        assertEquals("http://127.0.0.1:80", SameOrigin.normalise("http://127.0.0.1"));
        assertEquals("https://anki.example:443", SameOrigin.normalise("HTTPS://Anki.Example"));
        assertEquals("http://[::1]:8765", SameOrigin.normalise("http://[::1]:8765"));
        assertNull(SameOrigin.normalise("null"));
        assertNull(SameOrigin.normalise("chrome-extension://abc"));
        assertNull(SameOrigin.normalise("http://a.example:99999"));
        assertNull(SameOrigin.normalise("http://a.example/path"));
        assertNull(SameOrigin.normalise("http://user@a.example"));
    }

    @Test
    void anAddressOrLocalhost_isTheServersOwnOrigin_withOrWithoutAKey() {
        assertTrue(SameOrigin.own("http://127.0.0.1:8765", "http", "127.0.0.1:8765", false));
        assertTrue(SameOrigin.own("http://localhost:8765", "http", "localhost:8765", false));
        assertTrue(SameOrigin.own("http://[::1]:8765", "http", "[::1]:8765", false));
        assertTrue(SameOrigin.own("https://10.0.0.5", "https", "10.0.0.5:443", false));
        assertTrue(SameOrigin.own("http://10.0.0.5", "http", "10.0.0.5", true));
    }

    @Test
    void anotherPortSchemeOrHost_isNot() {
        assertFalse(SameOrigin.own("http://127.0.0.1:8766", "http", "127.0.0.1:8765", true));
        assertFalse(SameOrigin.own("https://127.0.0.1:8765", "http", "127.0.0.1:8765", true));
        assertFalse(SameOrigin.own("http://127.0.0.2:8765", "http", "127.0.0.1:8765", true));
        assertFalse(SameOrigin.own("null", "http", "127.0.0.1:8765", true));
        assertFalse(SameOrigin.own("http://127.0.0.1:8765", "http", null, true));
    }

    @Test
    void aHostName_countsOnlyWhereAKeyIsNeeded() {
        // without a key, a page of any site whose name resolves to this server would have its own origin
        // (DNS rebinding); with a key that page still has no key
        assertTrue(SameOrigin.own("https://anki.example", "https", "anki.example", true));
        assertFalse(SameOrigin.own("https://anki.example", "https", "anki.example", false));
        assertFalse(SameOrigin.own("http://rebound.example:8765", "http", "rebound.example:8765", false));
    }
}
