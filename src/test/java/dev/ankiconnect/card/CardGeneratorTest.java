package dev.ankiconnect.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.note.StockModels;
import dev.ankiconnect.notetype.ModelInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which cards a note gets (ANKI-MODEL 3). */
class CardGeneratorTest {

    static final ModelInfo BASIC = StockModels.byName("Basic");
    static final ModelInfo REVERSED = StockModels.byName("Basic (and reversed card)");
    static final ModelInfo OPTIONAL = StockModels.byName("Basic (optional reversed card)");
    static final ModelInfo CLOZE = StockModels.byName("Cloze");

    private static String[] f(String... v) {
        return v;
    }

    @Test
    void standardTypes_aCardPerNonEmptyFront() {
        assertEquals(List.of(0), CardGenerator.missing(BASIC, f("front", ""), false, List.of()));
        assertEquals(List.of(0, 1), CardGenerator.missing(REVERSED, f("front", "back"), false, List.of()));
        assertEquals(List.of(0), CardGenerator.missing(REVERSED, f("front", " <br> "), false, List.of()));
        assertEquals(List.of(0), CardGenerator.missing(OPTIONAL, f("front", "back", ""), false, List.of()));
        assertEquals(List.of(0, 1), CardGenerator.missing(OPTIONAL, f("front", "back", "y"), false, List.of()));
    }

    @Test
    void atLeastOneCard_butOnlyForNotesWithoutCards() {
        assertEquals(List.of(0), CardGenerator.missing(BASIC, f("", "back"), false, List.of()));
        assertEquals(List.of(0), CardGenerator.missing(CLOZE, f("no cloze", ""), false, List.of()));
        assertEquals(List.of(), CardGenerator.missing(OPTIONAL, f("", "", ""), false, List.of(0)));
    }

    @Test
    void cloze_aCardPerNumber_capAt499_andUpdatesOnlyAdd() {
        assertEquals(
                List.of(0, 1, 2, 499),
                CardGenerator.missing(
                        CLOZE,
                        f("{{c1::foo}} {{c2::bar}} {{c3::baz}} {{c0::quux}}", "{{c501::over}}"),
                        false,
                        List.of()));
        assertEquals(List.of(1), CardGenerator.missing(CLOZE, f("{{c1::a}} {{c2::b}}", ""), false, List.of(0, 4)));
        assertEquals(List.of(), CardGenerator.missing(CLOZE, f("{{c1::a}}", ""), false, List.of(0, 1)));
    }
}
