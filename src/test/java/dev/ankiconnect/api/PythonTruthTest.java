package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PythonTruthTest {

    private static boolean truthy(String json) {
        return PythonTruth.truthy(PythonJsonReader.read(Json.PROVIDER, json));
    }

    @Test
    void falseValuesAsInPython() {
        assertFalse(PythonTruth.truthy(null));
        for (String json :
                new String[] {"null", "false", "0", "-0", "0.0", "-0.0", "0e5", "1e-400", "\"\"", "[]", "{}"}) {
            assertFalse(truthy(json), json);
        }
    }

    @Test
    void everythingElseIsTrue() {
        for (String json : new String[] {
            "true",
            "1",
            "-1",
            "0.5",
            "1e-300",
            "1e400",
            "123456789012345678901234567890",
            "\"0\"",
            "\"false\"",
            "\" \"",
            "[0]",
            "[null]",
            "{\"a\": 0}"
        }) {
            assertTrue(truthy(json), json);
        }
    }
}
