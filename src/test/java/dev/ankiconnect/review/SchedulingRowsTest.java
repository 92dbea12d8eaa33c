package dev.ankiconnect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.card.Card;
import dev.ankiconnect.deck.DeckJson;
import dev.ankiconnect.scheduler.LeechAction;
import dev.ankiconnect.scheduler.MemoryState;
import dev.ankiconnect.scheduler.Preset;
import dev.ankiconnect.scheduler.SchedulingCard;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingRowsTest {

    @Test
    void defaultPresetJson_isAnkisDefaultPreset() {
        assertEquals(Preset.defaults(), SchedulingRows.preset(DeckJson.defaultPreset(1, "Default", 0)));
    }

    @Test
    void presetJson_mapsEveryOption() {
        String json = "{\"new\": {\"delays\": [2, 20.5], \"perDay\": 5, \"initialFactor\": 2300, \"ints\": [2, 6, 0], \"bury\": true},"
                + " \"rev\": {\"perDay\": 50, \"ease4\": 1.5, \"hardFactor\": 1.1, \"ivlFct\": 0.9, \"maxIvl\": 100, \"bury\": 1},"
                + " \"lapse\": {\"delays\": [5], \"mult\": 0.5, \"minInt\": 2, \"leechFails\": 4, \"leechAction\": 0},"
                + " \"maxTaken\": 30, \"buryInterdayLearning\": true, \"desiredRetention\": 0.85, \"sm2Retention\": 0.8,"
                + " \"fsrsParams6\": [0.5, 1.5]}";
        Preset p = SchedulingRows.preset(PythonJsonReader.read(Json.PROVIDER, json).asJsonObject());
        assertEquals(List.of(2f, 20.5f), p.learnSteps());
        assertEquals(List.of(5f), p.relearnSteps());
        assertEquals(5, p.newPerDay());
        assertEquals(50, p.reviewsPerDay());
        assertEquals(2.3f, p.initialEase());
        assertEquals(2, p.graduatingIntervalGood());
        assertEquals(6, p.graduatingIntervalEasy());
        assertEquals(1.5f, p.easyMultiplier());
        assertEquals(1.1f, p.hardMultiplier());
        assertEquals(0.9f, p.intervalMultiplier());
        assertEquals(100, p.maximumReviewInterval());
        assertEquals(0.5f, p.lapseMultiplier());
        assertEquals(2, p.minimumLapseInterval());
        assertEquals(4, p.leechThreshold());
        assertEquals(LeechAction.SUSPEND, p.leechAction());
        assertEquals(30, p.capAnswerTimeToSecs());
        assertEquals(true, p.buryNew());
        assertEquals(true, p.buryReviews());
        assertEquals(true, p.buryInterdayLearning());
        assertEquals(0.85f, p.desiredRetention());
        assertEquals(0.8f, p.historicalRetention());
        assertEquals(List.of(0.5f, 1.5f), p.fsrsParams());
    }

    @Test
    void cardData_roundTripsAndKeepsCustomData() {
        Card card = new Card().id(7).nid(3).did(1).type(2).queue(2).due(120).ivl(10).factor(2500).reps(4).lapses(1)
                .left(0).odue(0).odid(0).data("{\"pos\": 5, \"cd\": {\"x\": 1}}");
        SchedulingCard s = SchedulingRows.card(card);
        assertEquals(5, s.originalPosition());
        assertNull(s.memory());
        SchedulingCard changed = s.toBuilder().memory(new MemoryState(12.345678f, 5.123456f)).desiredRetention(0.9f)
                .decay(0.1542f).lastReviewTime(1_700_000_000L).due(130).build();
        SchedulingRows.apply(changed, card, 1_700_000_001L);
        assertEquals(130, card.due());
        assertEquals(1_700_000_001L, card.mtime());
        assertEquals(-1, card.usn());
        assertEquals("{\"cd\": {\"x\": 1}, \"pos\": 5, \"s\": 12.3457, \"d\": 5.123, \"dr\": 0.9, \"decay\": 0.154, \"lrt\": 1700000000}",
                card.data());
        SchedulingCard back = SchedulingRows.card(card);
        assertEquals(12.3457f, back.memory().stability());
        assertEquals(1_700_000_000L, back.lastReviewTime());
    }

    @Test
    void invalidCardData_readsAsAllAbsent() {
        Card card = new Card().id(1).type(0).queue(0).due(1).data("{not json");
        assertNull(SchedulingRows.card(card).originalPosition());
    }
}
