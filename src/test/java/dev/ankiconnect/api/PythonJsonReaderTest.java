package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonJsonReaderTest {

    private static JsonValue read(String text) {
        return PythonJsonReader.read(Json.PROVIDER, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String text) {
        return assertThrows(PythonJsonReader.JsonSyntaxError.class, () -> read(text))
                .getMessage();
    }

    @Test
    void readsNestedValues() {
        JsonObject o = read(" {\"a\": [1, -2.5, true, false, null, \"x\\u00e9\\n\"], \"b\": {}} ")
                .asJsonObject();
        assertEquals("[1,-2.5,true,false,null,\"xé\\n\"]", o.get("a").toString());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, o.get("b"));
    }

    @Test
    void largeIdsStayExact() {
        // 2^63-1 and an id above 2^53 must not pass through double.
        JsonNumber big = (JsonNumber) read("9223372036854775807");
        assertEquals(Long.MAX_VALUE, big.longValueExact());
        assertEquals(9007199254740993L, ((JsonNumber) read("9007199254740993")).longValueExact());
    }

    @Test
    void duplicateKeys_lastOneWins_asInPython() {
        assertEquals(2, read("{\"a\": 1, \"a\": 2}").asJsonObject().getInt("a"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{1: 2}|Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
                "' '|Expecting value: line 1 column 2 (char 1)",
                "[1, 2|Expecting ',' delimiter: line 1 column 6 (char 5)",
                "{\"a\" 1}|Expecting ':' delimiter: line 1 column 6 (char 5)",
                "{\"a\": 1,}|Expecting property name enclosed in double quotes: line 1 column 9 (char 8)",
                "[1,]|Expecting value: line 1 column 4 (char 3)",
                "\"abc|Unterminated string starting at: line 1 column 1 (char 0)",
                "\"a\\qb\"|Invalid \\escape: line 1 column 3 (char 2)",
                "\"\\u12x4\"|Invalid \\uXXXX escape: line 1 column 3 (char 2)",
                "1 2|Extra data: line 1 column 3 (char 2)",
                "tru|Expecting value: line 1 column 1 (char 0)",
                "-|Expecting value: line 1 column 1 (char 0)",
            })
    void errors_arePythons(String text, String expected) {
        assertEquals(expected, error(text == null ? "" : text));
    }

    @Test
    void linesAndColumns_countNewlines() {
        assertEquals("Expecting value: line 3 column 2 (char 8)", error("{\"a\":\n\n x}"));
        assertEquals("Expecting value: line 1 column 1 (char 0)", error(""));
    }

    @Test
    void controlCharacterInString_isRefused() {
        assertEquals("Invalid control character at: line 1 column 3 (char 2)", error("\"a\tb\""));
    }

    @Test
    void positionsCountCodePoints() {
        // The emoji is one code point in Python but two chars in Java.
        assertEquals("Expecting ',' delimiter: line 1 column 8 (char 7)", error("[\"\uD83D\uDE00ab\" 1]"));
    }

    @Test
    void badUtf8_isDescribedLikePythonsCodec() {
        assertEquals(
                "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data",
                assertThrows(
                                PythonJsonReader.JsonSyntaxError.class,
                                () -> PythonJsonReader.read(Json.PROVIDER, new byte[] {(byte) 0xE7, (byte) 0x8C}))
                        .getMessage());
        assertEquals(
                "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte",
                assertThrows(
                                PythonJsonReader.JsonSyntaxError.class,
                                () -> PythonJsonReader.read(Json.PROVIDER, new byte[] {'1', (byte) 0xFF}))
                        .getMessage());
        assertEquals(
                "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte",
                assertThrows(
                                PythonJsonReader.JsonSyntaxError.class,
                                () -> PythonJsonReader.read(Json.PROVIDER, new byte[] {(byte) 0xC3, 'a'}))
                        .getMessage());
    }
}
