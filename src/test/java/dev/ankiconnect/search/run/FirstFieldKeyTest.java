package dev.ankiconnect.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ankiconnect.search.SearchContext;
import dev.ankiconnect.search.SearchParser;
import dev.ankiconnect.text.FirstFieldKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When findNotes may narrow by the first-field key, and what the key is. */
class FirstFieldKeyTest {

    static final SearchContext CTX = SearchContext.builder(1)
            .notetypeFields(Map.of(1L, List.of("Front", "Back"), 2L, List.of("Text", "Back Extra")))
            .build();

    private static Long key(String query) {
        return NoteSearch.firstFieldKey(SearchParser.parse(query), CTX);
    }

    @Test
    void keyIgnoresAsciiCaseOnly() {
        assertEquals(FirstFieldKey.of("word"), FirstFieldKey.of("WoRd"));
        assertNotEquals(FirstFieldKey.of("ä"), FirstFieldKey.of("Ä"));
        assertEquals(FirstFieldKey.of("front"), FirstFieldKey.ofFlds("Front\u001fback"));
    }

    @Test
    void onlyPlainSearchesOnAFirstField() {
        assertEquals(FirstFieldKey.of("word"), key("front:Word"));
        assertEquals(FirstFieldKey.of("word"), key("deck:x front:word tag:y"));
        assertEquals(FirstFieldKey.of("two words"), key("\"Text:two words\""));
        assertNull(key("back:word"));
        assertNull(key("front:wo*"));
        assertNull(key("front:wo_d"));
        assertNull(key("front:re:word"));
        assertNull(key("f*:word"));
        assertNull(key("word"));
        assertNull(key("front:word or back:x"));
        assertNull(key("-front:word"));
    }
}
