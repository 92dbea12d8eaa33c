package dev.ankiconnect.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void noValuesNoChunks() {
        assertEquals(List.of(), Chunks.of(List.of()));
    }

    @Test
    void splitsAtTheSizeInOrder() {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < 2 * Chunks.SIZE + 1; i++) {
            values.add(i);
        }
        List<List<Long>> chunks = Chunks.of(new LinkedHashSet<>(values));
        assertEquals(3, chunks.size());
        assertEquals(Chunks.SIZE, chunks.get(0).size());
        assertEquals(Chunks.SIZE, chunks.get(1).size());
        assertEquals(List.of(2L * Chunks.SIZE), chunks.get(2));
        List<Long> joined = new ArrayList<>();
        chunks.forEach(joined::addAll);
        assertEquals(values, joined);
    }

    @Test
    void exactMultipleHasNoEmptyTail() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < Chunks.SIZE; i++) {
            values.add(i);
        }
        assertEquals(1, Chunks.of(values).size());
    }
}
