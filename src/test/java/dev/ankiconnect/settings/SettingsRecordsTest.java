package dev.ankiconnect.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ankiconnect.deck.DeckJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRecordsTest {

    @Test
    void deckSettingsKeepKeyOrderAndCountPerDay() {
        String stored = SettingsCodec.text(DeckJson.normalDeck(5, "A::B", 100));
        DeckSettings deck = DeckSettings.decode(stored);
        assertEquals(stored, deck.encode());
        assertNull(deck.desiredRetention());
        DeckSettings counted = deck.withCounted(7, Map.of("newToday", 2L)).withCounted(7, Map.of("newToday", 3L));
        assertEquals("[7, 5]", SettingsCodec.text(counted.json().getJsonArray("newToday")));
        assertEquals(
                "[8, 1]",
                SettingsCodec.text(
                        counted.withCounted(8, Map.of("newToday", 1L)).json().getJsonArray("newToday")));
        DeckSettings moved = deck.withPreset(9, 200).withName("C");
        assertEquals(9, moved.json().getInt("conf"));
        assertEquals(200, moved.json().getInt("mod"));
        assertEquals("C", moved.json().getString("name"));
        // replaced keys keep their place
        assertEquals(
                deck.json().keySet().stream().toList(),
                moved.json().keySet().stream().toList());
    }

    @Test
    void noteTypeSettingsReadTheColumnsTheyRepeat() {
        String stored =
                "{\"id\": 1700000000000, \"name\": \"Cloze\", \"type\": 1, \"mod\": 1700000001, \"x\": [1.5, null]}";
        NoteTypeSettings type = NoteTypeSettings.decode(stored);
        assertEquals(stored, type.encode());
        assertEquals(1700000000000L, type.id());
        assertEquals("Cloze", type.name());
        assertEquals(1, type.kind());
        assertEquals(1700000001L, type.mod());
    }
}
