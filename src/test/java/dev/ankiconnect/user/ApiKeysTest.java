package dev.ankiconnect.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void issuedKey_parsesAndMatchesItsHash_only() {
        ApiKeys.Issued k = ApiKeys.issue();
        assertTrue(k.key().startsWith("ak_" + k.id() + "_"));
        ApiKeys.Parsed p = ApiKeys.parse(k.key()).orElseThrow();
        assertEquals(k.id(), p.id());
        assertTrue(ApiKeys.matches(k.salt(), k.hash(), p.secret()));
        assertFalse(ApiKeys.matches(k.salt(), k.hash(), p.secret() + "x"));
        assertFalse(k.hash().contains(p.secret()));
    }

    @Test
    void sameSecret_differentSalt_differentHash() {
        assertNotEquals(ApiKeys.hash("00", "s"), ApiKeys.hash("01", "s"));
        assertNotEquals(ApiKeys.issue().key(), ApiKeys.issue().key());
    }

    @Test
    void malformedKeys_doNotParse() {
        assertTrue(ApiKeys.parse(null).isEmpty());
        assertTrue(ApiKeys.parse("").isEmpty());
        assertTrue(ApiKeys.parse("s3cret").isEmpty());
        assertTrue(ApiKeys.parse("ak_123_x").isEmpty());
        assertTrue(ApiKeys.parse("ak_ABCDEF0123456789_x").isEmpty());
        assertTrue(ApiKeys.parse("ak_zzzzzzzzzzzzzzzz_x").isEmpty());
        assertTrue(ApiKeys.parse("ak_0123456789abcdef_" + "x".repeat(300)).isEmpty());
    }
}
