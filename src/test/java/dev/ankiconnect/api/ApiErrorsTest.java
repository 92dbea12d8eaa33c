package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.error.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    @Test
    void notFound_textsAreAnkiConnects() {
        assertEquals(
                "deck was not found: Japanese",
                ApiErrors.message(new NotFoundException(NotFoundException.Kind.DECK, "Japanese")));
        assertEquals(
                "model was not found: Basic",
                ApiErrors.message(new NotFoundException(NotFoundException.Kind.MODEL, "Basic")));
        assertEquals(
                "Card was not found: 123", ApiErrors.message(new NotFoundException(NotFoundException.Kind.CARD, 123L)));
        assertEquals("Note was not found: 5", ApiErrors.message(new NotFoundException(NotFoundException.Kind.NOTE, 5)));
        assertEquals(
                "field was not found in Basic: Back2",
                ApiErrors.message(new NotFoundException(NotFoundException.Kind.FIELD, "Back2", "Basic")));
        assertEquals(
                "template was not found in Basic: Card 9",
                ApiErrors.message(new NotFoundException(NotFoundException.Kind.TEMPLATE, "Card 9", "Basic")));
    }

    @Test
    void refusals_areWordedFromTheirValues() {
        assertEquals("'fields'", ApiErrors.message(new Refusal(Refusal.Kind.KEY_ERROR, "fields")));
        assertEquals(
                "string indices must be integers, not 'str'",
                ApiErrors.message(new Refusal(Refusal.Kind.NOT_SUBSCRIPTABLE, "str")));
        assertEquals(
                "'int' object is not subscriptable",
                ApiErrors.message(new Refusal(Refusal.Kind.NOT_SUBSCRIPTABLE, "int")));
        assertEquals(
                "invalid value for due", ApiErrors.message(new Refusal(Refusal.Kind.INVALID_CARD_VALUE, "due", null)));
        assertEquals(
                "invalid value for due: x",
                ApiErrors.message(new Refusal(Refusal.Kind.INVALID_CARD_VALUE, "due", "x")));
        assertEquals(
                "[Errno 2] No such file or directory: ''",
                ApiErrors.message(new Refusal(Refusal.Kind.NO_SUCH_FILE, (Object) null)));
        assertEquals(
                "Card template 2 in note type 'Basic' has a problem.<br>The front side is identical to card "
                        + "template 1.",
                ApiErrors.message(new Refusal(Refusal.Kind.TEMPLATE_FRONT_IDENTICAL, 2, "Basic", 1)));
        assertEquals(
                "cannot read package: No such file or directory",
                ApiErrors.message(new Refusal(
                        new java.nio.file.NoSuchFileException("/srv/data/x.apkg"), Refusal.Kind.PACKAGE_UNREADABLE)));
        assertEquals(
                "http://h/a download failed: SSLException: bad",
                ApiErrors.message(new Refusal(
                        new javax.net.ssl.SSLException("bad"), Refusal.Kind.DOWNLOAD_FAILED, "http://h/a")));
    }

    @Test
    void everyRefusal_hasAText() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            String text =
                    ApiErrors.message(new Refusal(new java.nio.file.NoSuchFileException("f"), kind, "a", "b", "c"));
            assertTrue(
                    text != null && !text.contains("internal server error") && !text.contains("Refusal"),
                    kind + ": " + text);
        }
    }

    @Test
    void missingArguments_usePythonsPluralForms() {
        assertEquals(
                "AnkiConnect.addNote() missing 1 required positional argument: 'note'",
                ApiErrors.missingArguments("addNote", List.of("note")));
        assertEquals(
                "AnkiConnect.changeDeck() missing 2 required positional arguments: 'cards' and 'deck'",
                ApiErrors.missingArguments("changeDeck", List.of("cards", "deck")));
        assertEquals(
                "AnkiConnect.f() missing 3 required positional arguments: 'a', 'b', and 'c'",
                ApiErrors.missingArguments("f", List.of("a", "b", "c")));
    }

    @Test
    void unexpectedFailures_giveOnlyALogId_neverTheirText() {
        String text = ApiErrors.message(new IllegalStateException("Exception [EclipseLink-4002] /srv/data/x"));
        assertTrue(
                text.matches("internal server error: the request was not completed; the server log has the "
                        + "details under id [0-9a-f]{12}"),
                text);
        String npe = ApiErrors.message(new NullPointerException());
        assertTrue(npe.startsWith("internal server error: "), npe);
        assertNotEquals(text, npe, "every failure has an id of its own");
        String type = ApiErrors.wrongType("findCards", new ClassCastException("class jakarta.json.JsonValueImpl"));
        assertTrue(
                type.matches("TypeError: a parameter of findCards has the wrong type \\(server log id [0-9a-f]{12}\\)"),
                type);
    }

    @Test
    void aValueTooLongForItsColumn_isAClearText() {
        java.sql.SQLException truncation = new java.sql.SQLDataException(
                "A truncation error was encountered trying to shrink VARCHAR 'x' to length 1000.", "22001");
        RuntimeException wrapped =
                new RuntimeException("Exception [EclipseLink-4002]", new IllegalStateException(truncation));
        assertEquals(ApiErrors.TOO_LONG, ApiErrors.message(wrapped));
        assertTrue(ApiErrors.TOO_LONG.startsWith("text too long: "));
    }

    @Test
    void aNulThatPostgresqlRefuses_isAClearText() {
        java.sql.SQLException nul =
                new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertEquals(
                ApiErrors.NUL_IN_TEXT, ApiErrors.message(new RuntimeException("Exception [EclipseLink-4002]", nul)));
    }
}
