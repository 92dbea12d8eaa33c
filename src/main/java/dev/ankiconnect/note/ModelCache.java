package dev.ankiconnect.note;

import dev.ankiconnect.notetype.NoteType;
import dev.ankiconnect.notetype.NoteTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed note types, reused while their stored JSON is unchanged. The entity is re-read in every
 * action (cheap: a handful of rows), so an edit by another action or server instance is seen at
 * once; only the JSON parsing and template analysis are cached.
 */
@ApplicationScoped
public class ModelCache {

    @Inject
    NoteTypes noteTypes;

    private record Entry(String config, ModelInfo info) {
    }

    private final Map<String, Entry> parsed = new ConcurrentHashMap<>();

    public ModelInfo info(NoteType type) {
        String key = type.profileId() + ":" + type.id();
        Entry e = parsed.get(key);
        if (e == null || !e.config.equals(type.config())) {
            e = new Entry(type.config(), new ModelInfo(NoteTypes.model(type)));
            parsed.put(key, e);
        }
        return e.info;
    }

    /** Every note type of the active profile, by id, parsed. */
    public Map<Long, ModelInfo> all() {
        Map<Long, ModelInfo> out = new HashMap<>();
        for (NoteType t : noteTypes.all()) {
            out.put(t.id(), info(t));
        }
        return out;
    }

    public Optional<ModelInfo> byName(String name) {
        return noteTypes.byName(name).map(this::info);
    }

    public Optional<ModelInfo> byId(long id) {
        return noteTypes.byId(id).map(this::info);
    }
}
