package dev.ankiconnect.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteFieldsTest {

    @Test
    void joinAndSplitKeepEmptyFields() {
        String flds = NoteFields.join(List.of("front", "", ""));
        assertEquals("front\u001f\u001f", flds);
        assertArrayEquals(new String[] {"front", "", ""}, NoteFields.split(flds));
        assertArrayEquals(new String[] {""}, NoteFields.split(""));
        assertEquals(flds, NoteFields.join("front", "", ""));
    }

    @Test
    void nativeDeckNamesUseTheSameCharacterForLevels() {
        assertEquals("A\u001fB\u001fC", NativeDeckName.of("A::B::C"));
        assertEquals("A::B", NativeDeckName.toHuman("A\u001fB"));
        assertEquals("plain", NativeDeckName.of("plain"));
    }
}
