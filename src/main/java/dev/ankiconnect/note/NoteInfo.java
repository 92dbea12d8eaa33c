package dev.ankiconnect.note;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.card.CardStore;
import dev.ankiconnect.notetype.ModelCache;
import dev.ankiconnect.notetype.ModelInfo;
import dev.ankiconnect.profile.ActiveProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** notesInfo, notesModTime and deleteNotes: whole batches in a few statements. */
@ApplicationScoped
public class NoteInfo {

    @Inject
    NoteStore store;

    @Inject
    CardStore cards;

    @Inject
    ModelCache models;

    @Inject
    ActiveProfile profile;

    /** AnkiConnect's notesInfo entries, {} for unknown ids, in the order asked. */
    public List<JsonValue> info(List<Long> ids) {
        Map<Long, NoteRow> rows = store.byIds(ids);
        Map<Long, List<Long>> cardIds = cards.idsByNotes(rows.keySet());
        Map<Long, ModelInfo> byId = models.all();
        String profileName = profile.name();
        List<JsonValue> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            NoteRow r = rows.get(id);
            ModelInfo m = r == null ? null : byId.get(r.mid);
            if (m == null) {
                out.add(JsonValue.EMPTY_JSON_OBJECT);
                continue;
            }
            JsonArrayBuilder tags = Json.PROVIDER.createArrayBuilder();
            r.tagList().forEach(tags::add);
            JsonArrayBuilder cs = Json.PROVIDER.createArrayBuilder();
            cardIds.getOrDefault(id, List.of()).forEach(cs::add);
            out.add(Json.PROVIDER
                    .createObjectBuilder()
                    .add("noteId", r.id)
                    .add("profile", profileName)
                    .add("tags", tags)
                    .add("fields", m.fieldsObject(r.fields))
                    .add("modelName", m.name())
                    .add("mod", r.mtime)
                    .add("cards", cs)
                    .build());
        }
        return out;
    }

    public List<JsonValue> modTimes(List<Long> ids) {
        Map<Long, NoteRow> rows = store.byIds(ids);
        List<JsonValue> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            NoteRow r = rows.get(id);
            out.add(
                    r == null
                            ? JsonValue.EMPTY_JSON_OBJECT
                            : Json.PROVIDER
                                    .createObjectBuilder()
                                    .add("noteId", r.id)
                                    .add("mod", r.mtime)
                                    .build());
        }
        return out;
    }

    /** Deletes the notes and their cards; unknown ids are ignored. */
    public void delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        cards.deleteByNotes(ids);
        store.delete(ids);
    }
}
