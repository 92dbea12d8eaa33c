package dev.ankiconnect.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntervalTextTest {
    static final float MONTH = 365f * 86_400f / 12f;

    @Test
    void ankiButtonLabels() {
        assertEquals("30s", IntervalText.answerButtonTime(30f));
        assertEquals("1m", IntervalText.answerButtonTime(70f));
        assertEquals("1.1mo", IntervalText.answerButtonTime(1.1f * MONTH));
        assertEquals("1.5h", IntervalText.answerButtonTime(5400f));
        assertEquals("1h", IntervalText.answerButtonTime(3600f));
        assertEquals("4d", IntervalText.answerButtonTime(4 * 86_400f));
        assertEquals("4.2mo", IntervalText.answerButtonTime(128 * 86_400f));
        assertEquals("1y", IntervalText.answerButtonTime(365 * 86_400f));
        assertEquals("2.7y", IntervalText.answerButtonTime(1000 * 86_400f));
    }

    @Test
    void collapsibleLabels() {
        assertEquals("<1m", IntervalText.answerButtonTimeCollapsible(60, 1200));
        assertEquals("<10m", IntervalText.answerButtonTimeCollapsible(600, 1200));
        assertEquals("20m", IntervalText.answerButtonTimeCollapsible(1200, 1200));
        assertEquals("(end)", IntervalText.answerButtonTimeCollapsible(0, 1200));
        assertEquals("1d", IntervalText.answerButtonTimeCollapsible(86_400, 1200));
    }
}
