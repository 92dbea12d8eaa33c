package dev.ankiconnect.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body the way AnkiConnect does ({@code json.loads(body.decode('utf-8'))}),
 * producing JSON-P values and, on bad input, Python's own error texts, which clients match on.
 */
public final class PythonJsonReader {

    /** Nesting depth a request may have unless {@code jsonMaxDepth} says otherwise. */
    public static final int DEFAULT_MAX_DEPTH = 512;
    /**
     * The deepest nesting ever read, whatever {@code jsonMaxDepth} says: about Python's own recursion limit, and
     * shallow enough for every recursive walk of a value (the writer, repr, JSON-P's equals and toString).
     */
    public static final int MAX_DEPTH_CAP = 1000;

    private final JsonProvider json;
    private final int maxDepth;
    private String text;
    private int pos;

    private PythonJsonReader(JsonProvider json, int maxDepth) {
        this.json = json;
        this.maxDepth = Math.max(1, Math.min(maxDepth, MAX_DEPTH_CAP));
    }

    /** Decodes UTF-8 and parses one JSON document; throws {@link JsonSyntaxError} with Python's message. */
    public static JsonValue read(JsonProvider json, byte[] body) {
        return read(json, body, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #read(JsonProvider, byte[])}, with containers nested at most {@code maxDepth} deep. */
    public static JsonValue read(JsonProvider json, byte[] body, int maxDepth) {
        PythonJsonReader reader = new PythonJsonReader(json, maxDepth);
        reader.text = decodeUtf8(body);
        return reader.document();
    }

    /** Parses one JSON document from text (stored data: nesting up to {@link #MAX_DEPTH_CAP}). */
    public static JsonValue read(JsonProvider json, String text) {
        PythonJsonReader reader = new PythonJsonReader(json, MAX_DEPTH_CAP);
        reader.text = text;
        return reader.document();
    }

    /** A body that Python's json module would refuse; the message is Python's. */
    public static final class JsonSyntaxError extends RuntimeException {
        JsonSyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private JsonValue document() {
        skipWhitespace();
        JsonValue value = value();
        skipWhitespace();
        if (pos != text.length()) {
            throw error("Extra data", pos);
        }
        return value;
    }

    /** An object or array being read: its builder, and for an object the key whose value comes next. */
    private static final class Open {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        String key;

        Open(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }
    }

    /**
     * One value, read without recursion: open containers wait on a stack of their own, so no input can
     * overflow the thread's stack. Past {@code maxDepth} open containers the text is Python's, whose
     * decoder is recursive and stops at its recursion limit.
     */
    private JsonValue value() {
        java.util.ArrayDeque<Open> stack = new java.util.ArrayDeque<>();
        while (true) {
            JsonValue v = null;
            if (pos >= text.length()) {
                throw error("Expecting value", pos);
            }
            char c = text.charAt(pos);
            if (c == '{' || c == '[') {
                if (stack.size() >= maxDepth) {
                    throw new JsonSyntaxError("maximum recursion depth exceeded while decoding a JSON "
                            + (c == '{' ? "object" : "array") + " from a unicode string");
                }
                pos++;
                skipWhitespace();
                if (c == '{') {
                    if (peek() == '}') {
                        pos++;
                        v = JsonValue.EMPTY_JSON_OBJECT;
                    } else {
                        Open open = new Open(json.createObjectBuilder(), null);
                        open.key = key();
                        stack.push(open);
                        continue;
                    }
                } else if (peek() == ']') {
                    pos++;
                    v = JsonValue.EMPTY_JSON_ARRAY;
                } else {
                    stack.push(new Open(null, json.createArrayBuilder()));
                    continue;
                }
            } else {
                v = scalar(c);
            }
            // The value is complete: add it to the container it is in, and close the containers that end here.
            while (true) {
                Open open = stack.peek();
                if (open == null) {
                    return v;
                }
                skipWhitespace();
                char next = peek();
                if (open.object != null) {
                    open.object.add(open.key, v);
                    if (next == '}') {
                        pos++;
                        stack.pop();
                        v = open.object.build();
                        continue;
                    }
                    if (next != ',') {
                        throw error("Expecting ',' delimiter", pos);
                    }
                    pos++;
                    skipWhitespace();
                    // Python reports the trailing-comma case with the same words, at the offending char.
                    open.key = key();
                    break;
                }
                open.array.add(v);
                if (next == ']') {
                    pos++;
                    stack.pop();
                    v = open.array.build();
                    continue;
                }
                if (next != ',') {
                    throw error("Expecting ',' delimiter", pos);
                }
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    throw error("Expecting value", pos);
                }
                break;
            }
        }
    }

    /** An object's key and its colon, leaving the position at its value. */
    private String key() {
        if (peek() != '"') {
            throw error("Expecting property name enclosed in double quotes", pos);
        }
        String key = string();
        skipWhitespace();
        if (peek() != ':') {
            throw error("Expecting ':' delimiter", pos);
        }
        pos++;
        skipWhitespace();
        return key;
    }

    private JsonValue scalar(char c) {
        switch (c) {
            case '"':
                return json.createValue(string());
            case 't':
                return literal("true", JsonValue.TRUE);
            case 'f':
                return literal("false", JsonValue.FALSE);
            case 'n':
                return literal("null", JsonValue.NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("Expecting value", pos);
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        if (text.startsWith(word, pos)) {
            pos += word.length();
            return value;
        }
        throw error("Expecting value", pos);
    }

    private String string() {
        int start = pos;
        pos++;
        StringBuilder out = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("Unterminated string starting at", start);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = out == null
                        ? text.substring(runStart, pos)
                        : out.append(text, runStart, pos).toString();
                pos++;
                return result;
            }
            if (c < 0x20) {
                throw error("Invalid control character at", pos);
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, runStart, pos);
                escape(out);
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private void escape(StringBuilder out) {
        int at = pos;
        if (pos + 1 >= text.length()) {
            throw error("Unterminated string starting at", at);
        }
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"':
                out.append('"');
                break;
            case '\\':
                out.append('\\');
                break;
            case '/':
                out.append('/');
                break;
            case 'b':
                out.append('\b');
                break;
            case 'f':
                out.append('\f');
                break;
            case 'n':
                out.append('\n');
                break;
            case 'r':
                out.append('\r');
                break;
            case 't':
                out.append('\t');
                break;
            case 'u':
                out.append((char) hex4(at));
                break;
            default:
                throw error("Invalid \\escape", at);
        }
    }

    private int hex4(int escapeAt) {
        // Python reports bad unicode escapes at the letter u, and needs a character after the four digits.
        if (pos + 4 >= text.length()) {
            throw error("Invalid \\uXXXX escape", escapeAt + 1);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("Invalid \\uXXXX escape", escapeAt + 1);
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return value;
    }

    private JsonValue number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("Expecting value", start);
        }
        boolean integral = true;
        if (peek() == '.' && isDigit(peekAt(pos + 1))) {
            integral = false;
            pos++;
            while (isDigit(peek())) {
                pos++;
            }
        }
        if ((peek() == 'e' || peek() == 'E')) {
            int mark = pos;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (isDigit(peek())) {
                integral = false;
                while (isDigit(peek())) {
                    pos++;
                }
            } else {
                pos = mark; // Python stops the number here; the rest becomes "Extra data".
            }
        }
        String literal = text.substring(start, pos);
        if (integral) {
            if (literal.length() <= 18) {
                return json.createValue(Long.parseLong(literal));
            }
            return json.createValue(new BigInteger(literal));
        }
        return json.createValue(new BigDecimal(literal));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return peekAt(pos);
    }

    private char peekAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Python: "msg: line L column C (char P)", positions counted in code points. */
    private JsonSyntaxError error(String message, int at) {
        int charPos = text.codePointCount(0, Math.min(at, text.length()));
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lastNewline = i;
            }
        }
        int column = text.codePointCount(lastNewline + 1, Math.min(at, text.length())) + 1;
        return new JsonSyntaxError(message + ": line " + line + " column " + column + " (char " + charPos + ")");
    }

    /** Strict UTF-8 decoding with Python's {@code 'utf-8' codec can't decode ...} messages. */
    static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JsonSyntaxError(Utf8Errors.describe(body));
        }
    }
}
