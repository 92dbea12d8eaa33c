package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {

    @Test
    void noKeyConfigured_acceptsOnlyRequestsWithoutKeyOrWithANullKey() {
        ApiKeyCheck check = new ApiKeyCheck(null);
        assertTrue(check.accepts("version", null));
        // request.get('key') is None for both: some clients always send the member
        assertTrue(check.accepts("version", JsonValue.NULL));
        assertFalse(check.accepts("version", Json.PROVIDER.createValue("")));
        assertFalse(check.accepts("version", JsonValue.FALSE));
        assertTrue(check.accepts("requestPermission", Json.PROVIDER.createValue("x")));
    }

    @Test
    void keyConfigured_needsTheSameString() {
        ApiKeyCheck check = new ApiKeyCheck("k3y");
        assertTrue(check.accepts("version", Json.PROVIDER.createValue("k3y")));
        assertFalse(check.accepts("version", Json.PROVIDER.createValue("k3y ")));
        assertFalse(check.accepts("version", Json.PROVIDER.createValue("K3Y")));
        assertFalse(check.accepts("version", null));
        assertFalse(check.accepts("version", JsonValue.NULL));
        assertTrue(check.accepts("requestPermission", null));
    }

    @Test
    void keyConfigured_typeMustMatch() {
        ApiKeyCheck check = new ApiKeyCheck("123");
        assertFalse(check.accepts("version", Json.PROVIDER.createValue(123)));
    }
}
