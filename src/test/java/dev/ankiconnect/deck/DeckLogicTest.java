package dev.ankiconnect.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.support.AnkiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deck ordering, Python int() and truthiness as the deck actions use them. */
class DeckLogicTest {

    @Test
    void nativeOrder_putsChildrenBeforeSpacedSiblingsAndIgnoresCase() {
        List<Deck> decks = new ArrayList<>();
        for (String n : List.of("b", "A B", "a::c", "A", "a::B", "A-z", "Ä")) {
            decks.add(new Deck().name(n));
        }
        decks.sort(Decks.NATIVE_ORDER);
        assertEquals(
                List.of("A", "a::B", "a::c", "A B", "A-z", "b", "Ä"),
                decks.stream().map(Deck::name).toList());
    }

    @Test
    void pythonInt_convertsLikeCPython() {
        assertEquals(12, PythonInt.of(AnkiClient.parse("\" 12 \"")));
        assertEquals(-3, PythonInt.of(AnkiClient.parse("\"-3\"")));
        assertEquals(1, PythonInt.of(AnkiClient.parse("1.9")));
        assertEquals(1, PythonInt.of(AnkiClient.parse("true")));
        assertEquals(
                "invalid literal for int() with base 10: 'x'",
                ApiErrors.message(assertThrows(Refusal.class, () -> PythonInt.of(AnkiClient.parse("\"x\"")))));
        assertEquals(
                "invalid literal for int() with base 10: '1.5'",
                ApiErrors.message(assertThrows(Refusal.class, () -> PythonInt.of(AnkiClient.parse("\"1.5\"")))));
        assertEquals(
                "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
                ApiErrors.message(assertThrows(Refusal.class, () -> PythonInt.of(AnkiClient.parse("null")))));
    }

    @Test
    void truthy_followsPython() {
        assertFalse(PythonTruth.truthy(null));
        assertFalse(PythonTruth.truthy(AnkiClient.parse("0")));
        assertFalse(PythonTruth.truthy(AnkiClient.parse("\"\"")));
        assertFalse(PythonTruth.truthy(AnkiClient.parse("[]")));
        assertTrue(PythonTruth.truthy(AnkiClient.parse("\"false\"")));
        assertTrue(PythonTruth.truthy(AnkiClient.parse("1")));
    }
}
