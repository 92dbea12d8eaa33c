package dev.ankiconnect.note;

import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.notetype.NoteTypeModel;
import dev.ankiconnect.notetype.StockNoteTypes;
import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/** The stock note types as {@link ModelInfo}, for unit tests. */
public final class StockModels {

    private StockModels() {}

    public static ModelInfo byName(String name) {
        AtomicLong ids = new AtomicLong(1000);
        for (JsonObject json : StockNoteTypes.create(ids::incrementAndGet, 1_700_000_000L)) {
            if (json.getString("name").equals(name)) {
                return new ModelInfo(new NoteTypeModel(json));
            }
        }
        throw new IllegalArgumentException(name);
    }
}
