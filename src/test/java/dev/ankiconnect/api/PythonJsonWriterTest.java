package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PythonJsonWriterTest {

    @Test
    void usesPythonSeparatorsAndAsciiEscapes() {
        var value = Json.PROVIDER
                .createObjectBuilder()
                .add(
                        "a",
                        Json.PROVIDER
                                .createArrayBuilder()
                                .add(1)
                                .add("é\u4eca\"\\\n")
                                .addNull()
                                .add(true))
                .add("b", Json.PROVIDER.createObjectBuilder())
                .build();
        assertEquals(
                "{\"a\": [1, \"\\u00e9\\u4eca\\\"\\\\\\n\", null, true], \"b\": {}}", PythonJsonWriter.write(value));
    }

    @Test
    void astralCharacters_becomeSurrogatePairs() {
        assertEquals("\"\\ud83d\\ude00\"", PythonJsonWriter.write(Json.PROVIDER.createValue("\uD83D\uDE00")));
    }

    @Test
    void floats_lookLikePythonRepr() {
        assertEquals("2.5", PythonJsonWriter.write(Json.PROVIDER.createValue(2.5)));
        assertEquals("1.0", PythonJsonWriter.write(Json.PROVIDER.createValue(new BigDecimal("1.0"))));
        assertEquals("0.0001", PythonJsonWriter.write(Json.PROVIDER.createValue(0.0001)));
        assertEquals("1e-05", PythonJsonWriter.write(Json.PROVIDER.createValue(0.00001)));
        assertEquals("1.5e+20", PythonJsonWriter.write(Json.PROVIDER.createValue(1.5e20)));
        assertEquals("12345678.5", PythonJsonWriter.write(Json.PROVIDER.createValue(12345678.5)));
    }

    @Test
    void longsAreExact() {
        assertEquals("1496198395707", PythonJsonWriter.write(Json.PROVIDER.createValue(1496198395707L)));
        assertEquals("-9223372036854775808", PythonJsonWriter.write(Json.PROVIDER.createValue(Long.MIN_VALUE)));
    }

    @Test
    void escapesAnywhereInLongerText() {
        assertEquals(
                "\"a \\\"b\\\" c\\u007f\\u00e9d\\te\"",
                PythonJsonWriter.write(Json.PROVIDER.createValue("a \"b\" c\u007f\u00e9d\te")));
        assertEquals("\"\\n\"", PythonJsonWriter.write(Json.PROVIDER.createValue("\n")));
        assertEquals("\"\"", PythonJsonWriter.write(Json.PROVIDER.createValue("")));
        assertEquals("\"plain text\"", PythonJsonWriter.write(Json.PROVIDER.createValue("plain text")));
    }

    @Test
    void bigIntegralsAreExact() {
        assertEquals(
                "123456789012345678901234567890",
                PythonJsonWriter.write(Json.PROVIDER.createValue(new BigDecimal("123456789012345678901234567890"))));
        assertEquals("-7", PythonJsonWriter.write(Json.PROVIDER.createValue(new java.math.BigInteger("-7"))));
    }

    @Test
    void idListsAreWrittenStraightFromTheirLongs_likeAnyOtherArray() {
        Results results = new Results();
        jakarta.json.JsonValue ids = results.toJson(java.util.List.of(1L, 2L, 1234567890123L, -5L));
        assertTrue(ids instanceof LongArray);
        assertEquals("[1, 2, 1234567890123, -5]", PythonJsonWriter.write(ids));
        // the same text as the general path, and equal to a JSON-P array of the same numbers
        jakarta.json.JsonArray general = Json.PROVIDER
                .createArrayBuilder()
                .add(1L)
                .add(2L)
                .add(1234567890123L)
                .add(-5L)
                .build();
        assertEquals(PythonJsonWriter.write(general), PythonJsonWriter.write(ids));
        assertEquals(general, ids);
        assertEquals(
                1234567890123L, ((jakarta.json.JsonArray) ids).getJsonNumber(2).longValue());
        // inside a reply object
        assertEquals(
                "{\"result\": [7, 8], \"error\": null}",
                PythonJsonWriter.write(Reply.success(6, results.toJson(java.util.List.of(7L, 8L)))));
        // lists of other things, and empty lists, take the general path
        assertEquals("[1, \"a\"]", PythonJsonWriter.write(results.toJson(java.util.List.of(1L, "a"))));
        assertEquals("[]", PythonJsonWriter.write(results.toJson(java.util.List.of())));
    }
}
