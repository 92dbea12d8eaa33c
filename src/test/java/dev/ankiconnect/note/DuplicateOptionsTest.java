package dev.ankiconnect.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ankiconnect.api.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class DuplicateOptionsTest {

    private static DuplicateOptions parse(String options) {
        JsonObject note = Json.createReader(new java.io.StringReader("{\"options\": " + options + "}")).readObject();
        return DuplicateOptions.parse(note);
    }

    @Test
    void defaultsAndScope() {
        assertEquals(DuplicateOptions.DEFAULT, DuplicateOptions.parse(Json.createObjectBuilder().build()));
        assertEquals(new DuplicateOptions(true, true, "D", true, true), parse("{\"allowDuplicate\": true, "
                + "\"duplicateScope\": \"deck\", \"duplicateScopeOptions\": {\"deckName\": \"D\", \"checkChildren\": true, "
                + "\"checkAllModels\": true}}"));
        assertEquals(DuplicateOptions.DEFAULT, parse("{\"duplicateScope\": \"collection\"}"));
        assertEquals(true, parse("{\"duplicateScope\": \"deck\"}").deckScope());
    }

    @Test
    void nonBooleansAreRefusedWithAnkiConnectsTexts() {
        assertEquals("option parameter \"allowDuplicate\" must be boolean",
                assertThrows(InvalidInputException.class, () -> parse("{\"allowDuplicate\": null}")).getMessage());
        assertEquals("option parameter \"duplicateScopeOptions.checkChildren\" must be boolean",
                assertThrows(InvalidInputException.class,
                        () -> parse("{\"duplicateScopeOptions\": {\"checkChildren\": \"yes\"}}")).getMessage());
        assertEquals("option parameter \"duplicateScopeOptions.checkAllModels\" must be boolean",
                assertThrows(InvalidInputException.class,
                        () -> parse("{\"duplicateScopeOptions\": {\"checkAllModels\": 0}}")).getMessage());
    }
}
