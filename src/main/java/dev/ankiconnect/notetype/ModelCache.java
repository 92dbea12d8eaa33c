package dev.ankiconnect.notetype;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed note types, reused while their stored JSON is unchanged. An action that writes re-reads the
 * entities (a handful of rows, with their templates), so an edit by another action or server instance
 * is seen at once; only the JSON parsing and template analysis are cached. A read-only action also
 * reuses the whole set while the collection's write counter has not moved (any write, on any
 * instance, moves it), which spares cardsInfo and notesInfo re-reading every template on each call.
 */
@ApplicationScoped
public class ModelCache {

    @Inject
    NoteTypes noteTypes;

    private record Entry(String config, ModelInfo info) {}

    private final Map<String, Entry> parsed = new ConcurrentHashMap<>();

    @Inject
    dev.ankiconnect.db.Tx tx;

    @Inject
    dev.ankiconnect.profile.CollectionGeneration generation;

    @Inject
    dev.ankiconnect.profile.ActiveProfile profile;

    /** The last set read by a read-only action, with the profile and write counter it belongs to. */
    private record AllAt(long profileId, long gen, Map<Long, ModelInfo> all) {}

    private final java.util.concurrent.atomic.AtomicReference<AllAt> lastAll =
            new java.util.concurrent.atomic.AtomicReference<>();

    public ModelInfo info(NoteType type) {
        String key = type.profileId() + ":" + type.id();
        Entry e = parsed.get(key);
        if (e == null || !e.config.equals(type.config())) {
            e = new Entry(type.config(), new ModelInfo(NoteTypes.model(type)));
            parsed.put(key, e);
        }
        return e.info;
    }

    /** Every note type of the active profile, by id, parsed; not to be changed. */
    public Map<Long, ModelInfo> all() {
        if (!tx.readOnly()) {
            return read();
        }
        long id = profile.id();
        long gen = generation.current();
        AllAt last = lastAll.get();
        if (last != null && last.profileId() == id && last.gen() == gen) {
            return last.all();
        }
        Map<Long, ModelInfo> all = read();
        lastAll.set(new AllAt(id, gen, all));
        return all;
    }

    private Map<Long, ModelInfo> read() {
        Map<Long, ModelInfo> out = new HashMap<>();
        for (NoteType t : noteTypes.all()) {
            out.put(t.id(), info(t));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    public Optional<ModelInfo> byName(String name) {
        return noteTypes.byName(name).map(this::info);
    }

    public Optional<ModelInfo> byId(long id) {
        return noteTypes.byId(id).map(this::info);
    }
}
