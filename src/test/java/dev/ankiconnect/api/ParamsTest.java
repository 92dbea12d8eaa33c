package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static Params params(String json) {
        return new Params("test", PythonJsonReader.read(Json.PROVIDER, json).asJsonObject());
    }

    @Test
    void idsAreReadAsExactLongs() {
        Params p = params("{\"cards\": [1502098034045, 9007199254740993], \"deck\": 1}");
        assertEquals(List.of(1502098034045L, 9007199254740993L), p.longList("cards"));
        assertEquals(1L, p.longValue("deck"));
    }

    @Test
    void defaultsApplyWhenAbsent() {
        Params p = params("{}");
        assertFalse(p.bool("cardsToo", false));
        assertEquals("*", p.string("pattern", "*"));
        assertEquals(7, p.intValue("n", 7));
    }

    @Test
    void wrongTypes_nameTheParameter() {
        Params p = params("{\"deck\": 1, \"cards\": [\"a\"], \"flag\": \"yes\", \"x\": 1.5}");
        assertEquals(
                "test: parameter 'deck' must be a string, got 1",
                assertThrows(InvalidInputException.class, () -> p.string("deck"))
                        .getMessage());
        assertEquals(
                "test: parameter 'cards' must be an integer, got 'a'",
                assertThrows(InvalidInputException.class, () -> p.longList("cards"))
                        .getMessage());
        assertEquals(
                "test: parameter 'flag' must be a boolean, got 'yes'",
                assertThrows(InvalidInputException.class, () -> p.bool("flag", false))
                        .getMessage());
        assertEquals(
                "test: parameter 'x' must be an integer, got 1.5",
                assertThrows(InvalidInputException.class, () -> p.longValue("x"))
                        .getMessage());
    }

    @Test
    void hasTreatsNullAsAbsent() {
        Params p = params("{\"a\": null, \"b\": 0}");
        assertFalse(p.has("a"));
        assertTrue(p.has("b"));
    }
}
