package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PythonJsonWriterTest {

    @Test
    void usesPythonSeparatorsAndAsciiEscapes() {
        var value = Json.PROVIDER.createObjectBuilder()
                .add("a", Json.PROVIDER.createArrayBuilder().add(1).add("é\u4eca\"\\\n").addNull().add(true))
                .add("b", Json.PROVIDER.createObjectBuilder())
                .build();
        assertEquals("{\"a\": [1, \"\\u00e9\\u4eca\\\"\\\\\\n\", null, true], \"b\": {}}", PythonJsonWriter.write(value));
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
        assertEquals("\"a \\\"b\\\" c\\u007f\\u00e9d\\te\"", PythonJsonWriter.write(Json.PROVIDER.createValue("a \"b\" c\u007f\u00e9d\te")));
        assertEquals("\"\\n\"", PythonJsonWriter.write(Json.PROVIDER.createValue("\n")));
        assertEquals("\"\"", PythonJsonWriter.write(Json.PROVIDER.createValue("")));
        assertEquals("\"plain text\"", PythonJsonWriter.write(Json.PROVIDER.createValue("plain text")));
    }

    @Test
    void bigIntegralsAreExact() {
        assertEquals("123456789012345678901234567890",
                PythonJsonWriter.write(Json.PROVIDER.createValue(new BigDecimal("123456789012345678901234567890"))));
        assertEquals("-7", PythonJsonWriter.write(Json.PROVIDER.createValue(new java.math.BigInteger("-7"))));
    }
}
