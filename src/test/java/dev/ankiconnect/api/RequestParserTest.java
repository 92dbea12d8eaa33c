package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(Json.PROVIDER);

    private RequestParser.Parsed parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private String firstLine(String body) {
        return assertInstanceOf(RequestParser.Invalid.class, parse(body))
                .error()
                .split("\n")[0];
    }

    @Test
    void emptyBody_isTheBanner() {
        assertInstanceOf(RequestParser.Banner.class, parse(""));
    }

    @Test
    void defaults_versionFourAndEmptyParams() {
        Envelope e = assertInstanceOf(RequestParser.Valid.class, parse("{\"action\": \"deckNames\"}"))
                .envelope();
        assertEquals("deckNames", e.action());
        assertEquals(4, e.version());
        assertEquals(0, e.params().size());
        assertNull(e.key());
    }

    @Test
    void keyKeepsItsJsonType() {
        Envelope e = assertInstanceOf(RequestParser.Valid.class, parse("{\"action\": \"x\", \"key\": 5}"))
                .envelope();
        assertEquals("5", e.key().toString());
    }

    @Test
    void schemaFirstLines_inJsonschemaOrder() {
        assertEquals("[1] is not of type 'object'", firstLine("[1]"));
        assertEquals("'action' is a required property", firstLine("{\"version\": \"x\"}"));
        assertEquals("None is not of type 'string'", firstLine("{\"action\": null}"));
        assertEquals("'' should be non-empty", firstLine("{\"action\": \"\"}"));
        assertEquals("6.5 is not of type 'integer'", firstLine("{\"action\": \"a\", \"version\": 6.5}"));
        assertEquals("True is not of type 'integer'", firstLine("{\"action\": \"a\", \"version\": true}"));
        assertEquals("'x' is not of type 'object'", firstLine("{\"action\": \"a\", \"params\": \"x\"}"));
    }

    @Test
    void fullSchemaMessage_namesTheFailingRule() {
        String error = assertInstanceOf(RequestParser.Invalid.class, parse("{\"action\": 1}"))
                .error();
        assertEquals(
                "1 is not of type 'string'\n\nFailed validating 'type' in schema['properties']['action']:\n"
                        + "    {'minLength': 1, 'type': 'string'}\n\nOn instance['action']:\n    1",
                error);
    }

    @Test
    void integralFloatVersion_passes() {
        assertEquals(
                6,
                assertInstanceOf(RequestParser.Valid.class, parse("{\"action\": \"a\", \"version\": 6.0}"))
                        .envelope()
                        .version());
    }
}
