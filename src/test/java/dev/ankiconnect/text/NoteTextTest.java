package dev.ankiconnect.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NoteTextTest {
    @Test
    void checksumVectors_first4BytesOfSha1BigEndianUnsigned() {
        assertEquals(2840236005L, NoteText.fieldChecksum("test"));
        assertEquals(1464653051L, NoteText.fieldChecksum("今日"));
    }

    @Test
    void checksumIsOfStrippedFieldWithMediaNamesKept() {
        assertEquals(NoteText.checksumOfStripped("test"), NoteText.fieldChecksum("<b>test</b>"));
        assertEquals(NoteText.checksumOfStripped(" foo.jpg "), NoteText.fieldChecksum("<img src=foo.jpg>"));
    }

    @Test
    void checksumHasNoTrimmingOrCaseFolding() {
        assertEquals(false, NoteText.fieldChecksum("Test") == NoteText.fieldChecksum("test"));
        assertEquals(false, NoteText.fieldChecksum("test ") == NoteText.fieldChecksum("test"));
    }

    @Test
    void normalizeField_removesAsciiControlExceptNewlineAndTab() {
        assertEquals("a\nb\tcd", NoteText.normalizeField("a\nb\tc\u0001\r\u007fd"));
    }

    @Test
    void normalizeField_convertsToNfcOnlyWhenEnabled() {
        String decomposed = "e\u0301";
        assertEquals("\u00e9", NoteText.normalizeField(decomposed));
        assertEquals(decomposed, NoteText.normalizeField(decomposed, false));
    }

    @Test
    void sortField_isStrippedWithoutTruncation() {
        String longText = "x".repeat(500);
        assertEquals("a b " + longText, NoteText.sortFieldValue("<div>a&nbsp;b</div> " + longText));
        assertEquals(" foo.jpg ", NoteText.sortFieldValue("<img src=foo.jpg>"));
    }
}
