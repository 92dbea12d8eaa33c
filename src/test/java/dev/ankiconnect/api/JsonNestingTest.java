package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Deep nesting (issue 15): the reader never recurses, refuses nesting past its limit with Python's
 * RecursionError text, and the writer and repr stop before a thread's stack could run out.
 */
class JsonNestingTest {

    static final String ARRAY_TOO_DEEP =
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string";
    static final String OBJECT_TOO_DEEP =
            "maximum recursion depth exceeded while decoding a JSON object from a unicode string";

    static String arrays(int depth, boolean closed) {
        return "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
    }

    static String objects(int depth, boolean closed) {
        return "{\"a\": ".repeat(depth) + "1" + (closed ? "}".repeat(depth) : "");
    }

    private static String error(String text, int maxDepth) {
        return assertThrows(
                        PythonJsonReader.JsonSyntaxError.class,
                        () -> PythonJsonReader.read(Json.PROVIDER, text.getBytes(StandardCharsets.UTF_8), maxDepth))
                .getMessage();
    }

    @Test
    void hundredThousandLevels_areRefusedWithPythonsText_closedOrNot() {
        for (boolean closed : new boolean[] {true, false}) {
            assertEquals(ARRAY_TOO_DEEP, error(arrays(100_000, closed), 512));
            assertEquals(OBJECT_TOO_DEEP, error(objects(100_000, closed), 512));
            assertEquals(
                    ARRAY_TOO_DEEP,
                    error(
                            "{\"action\": \"notesInfo\", \"params\": {\"notes\": " + arrays(100_000, closed)
                                    + (closed ? "}}" : ""),
                            512));
            // the stored-data reader has the hard cap as its limit
            assertThrows(
                    PythonJsonReader.JsonSyntaxError.class,
                    () -> PythonJsonReader.read(Json.PROVIDER, arrays(100_000, closed)));
        }
    }

    @Test
    void theLimitItselfIsAllowed_oneMoreIsNot() {
        JsonValue v = PythonJsonReader.read(Json.PROVIDER, arrays(512, true).getBytes(StandardCharsets.UTF_8), 512);
        int depth = 0;
        while (v instanceof JsonArray a) {
            depth++;
            v = a.isEmpty() ? null : a.get(0);
        }
        assertEquals(512, depth);
        assertEquals(ARRAY_TOO_DEEP, error(arrays(513, true), 512));
        assertEquals(OBJECT_TOO_DEEP, error("[" + objects(512, true) + "]", 512));
        // a limit above the cap is the cap
        assertEquals(ARRAY_TOO_DEEP, error(arrays(PythonJsonReader.MAX_DEPTH_CAP + 1, true), Integer.MAX_VALUE));
    }

    @Test
    void iterativeReading_keepsPythonsErrorsAndValues() {
        JsonValue v = PythonJsonReader.read(Json.PROVIDER, "[{\"a\": [1, {\"b\": []}], \"c\": {}}, [], 2]");
        assertEquals("[{\"a\": [1, {\"b\": []}], \"c\": {}}, [], 2]", PythonJsonWriter.write(v));
        assertEquals("Expecting ',' delimiter: line 1 column 9 (char 8)", error("[[1, 2] 3]", 512));
        assertEquals("Expecting value: line 1 column 5 (char 4)", error("[1, ]", 512));
        assertEquals(
                "Expecting property name enclosed in double quotes: line 1 column 10 (char 9)",
                error("{\"a\": 1, }", 512));
        assertEquals("Expecting value: line 1 column 101 (char 100)", error(arrays(100, false), 512));
    }

    @Test
    void writerAndRepr_stopAtTheirLimit_withoutOverflowingTheStack() {
        JsonValue deep = JsonValue.EMPTY_JSON_ARRAY;
        for (int i = 0; i < 100_000; i++) {
            deep = Json.PROVIDER.createArrayBuilder().add(deep).build();
        }
        JsonValue value = deep;
        assertInstanceOf(
                IllegalStateException.class, assertThrows(RuntimeException.class, () -> PythonJsonWriter.write(value)));
        assertInstanceOf(
                IllegalStateException.class, assertThrows(RuntimeException.class, () -> PythonRepr.repr(value)));
        JsonValue allowed = PythonJsonReader.read(Json.PROVIDER, arrays(PythonJsonReader.MAX_DEPTH_CAP, true));
        assertEquals(arrays(PythonJsonReader.MAX_DEPTH_CAP, true), PythonJsonWriter.write(allowed));
        assertEquals(arrays(PythonJsonReader.MAX_DEPTH_CAP, true), PythonRepr.repr(allowed));
    }

    @Test
    void requestParser_answersDeepBodiesAsInvalid() {
        RequestParser parser = new RequestParser(Json.PROVIDER, 512);
        RequestParser.Parsed p = parser.parse(arrays(100_000, true).getBytes(StandardCharsets.UTF_8));
        assertEquals(new RequestParser.Invalid(ARRAY_TOO_DEEP), p);
        p = parser.parse(("{\"action\": \"version\", \"params\": " + objects(100_000, true) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new RequestParser.Invalid(OBJECT_TOO_DEEP), p);
    }
}
