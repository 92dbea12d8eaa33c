package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PythonReprTest {

    @Test
    void reprOfDecodedJson() {
        assertEquals("'6'", PythonRepr.repr(Json.PROVIDER.createValue("6")));
        assertEquals("\"it's\"", PythonRepr.repr(Json.PROVIDER.createValue("it's")));
        assertEquals("'say \"hi\" it\\'s'", PythonRepr.repr(Json.PROVIDER.createValue("say \"hi\" it's")));
        assertEquals(
                "{'a': [1, True, None], 'b': 'x\\n'}",
                PythonRepr.repr(PythonJsonReader.read(Json.PROVIDER, "{\"a\": [1, true, null], \"b\": \"x\\n\"}")));
    }

    @Test
    void strOfAStringIsItsText() {
        assertEquals("Basic", PythonRepr.str(Json.PROVIDER.createValue("Basic")));
        assertEquals("123", PythonRepr.str(Json.PROVIDER.createValue(123)));
    }

    @Test
    void typeNames() {
        assertEquals(
                "list", PythonRepr.typeName(Json.PROVIDER.createArrayBuilder().build()));
        assertEquals("str", PythonRepr.typeName(Json.PROVIDER.createValue("x")));
        assertEquals("float", PythonRepr.typeName(Json.PROVIDER.createValue(1.5)));
        assertEquals("int", PythonRepr.typeName(Json.PROVIDER.createValue(1)));
    }
}
