package dev.ankiconnect.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.error.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class DuplicateOptionsTest {

    private static DuplicateOptions parse(String options) {
        JsonObject note = Json.createReader(new java.io.StringReader("{\"options\": " + options + "}"))
                .readObject();
        return DuplicateOptions.parse(note);
    }

    @Test
    void defaultsAndScope() {
        assertEquals(
                DuplicateOptions.DEFAULT,
                DuplicateOptions.parse(Json.createObjectBuilder().build()));
        assertEquals(
                new DuplicateOptions(true, true, "D", true, true),
                parse("{\"allowDuplicate\": true, "
                        + "\"duplicateScope\": \"deck\", \"duplicateScopeOptions\": {\"deckName\": \"D\", \"checkChildren\": true, "
                        + "\"checkAllModels\": true}}"));
        assertEquals(DuplicateOptions.DEFAULT, parse("{\"duplicateScope\": \"collection\"}"));
        assertEquals(true, parse("{\"duplicateScope\": \"deck\"}").deckScope());
    }

    @Test
    void nonBooleansAreRefusedWithAnkiConnectsTexts() {
        assertEquals(
                "option parameter \"allowDuplicate\" must be boolean",
                ApiErrors.message(assertThrows(Refusal.class, () -> parse("{\"allowDuplicate\": null}"))));
        assertEquals(
                "option parameter \"duplicateScopeOptions.checkChildren\" must be boolean",
                ApiErrors.message(assertThrows(
                        Refusal.class, () -> parse("{\"duplicateScopeOptions\": {\"checkChildren\": \"yes\"}}"))));
        assertEquals(
                "option parameter \"duplicateScopeOptions.checkAllModels\" must be boolean",
                ApiErrors.message(assertThrows(
                        Refusal.class, () -> parse("{\"duplicateScopeOptions\": {\"checkAllModels\": 0}}"))));
    }
}
