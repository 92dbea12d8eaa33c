package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.db.Ids;
import dev.ankiconnect.db.Tx;
import dev.ankiconnect.profile.ActiveProfile;
import dev.ankiconnect.profile.CollectionConfigs;
import dev.ankiconnect.profile.CollectionCreated;
import dev.ankiconnect.settings.NoteTypeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finding, adding and saving note types of the active profile. */
@ApplicationScoped
public class NoteTypes {

    @Inject
    Tx tx;

    @Inject
    ActiveProfile profile;

    @Inject
    Ids ids;

    @Inject
    CollectionConfigs config;

    @Inject
    NotesSync sync;

    /** Gives a new collection Anki's stock note types; Basic becomes the current one. */
    void seed(@Observes CollectionCreated created) {
        List<JsonObject> stock = StockNoteTypes.create(ids::next, created.nowMs() / 1000);
        for (JsonObject json : stock) {
            created.em().persist(entity(created.profileId(), json));
        }
        config.set(
                created.em(),
                created.profileId(),
                "curModel",
                Json.PROVIDER.createValue(stock.get(0).getJsonNumber("id").longValueExact()),
                created.nowMs());
    }

    public Optional<NoteType> byName(String name) {
        return tx.em()
                .createNamedQuery("NoteType.byName", NoteType.class)
                .setParameter("profile", profile.id())
                .setParameter("key", key(name))
                .getResultStream()
                .findFirst();
    }

    public Optional<NoteType> byId(long id) {
        return Optional.ofNullable(
                tx.em().find(NoteType.class, new dev.ankiconnect.db.ProfileScopedId(profile.id(), id)));
    }

    /** The note type of that name, or AnkiConnect's {@code model was not found: X}. */
    public NoteType require(String name) {
        return byName(name).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.MODEL, name));
    }

    public List<NoteType> all() {
        return tx.em()
                .createNamedQuery("NoteType.all", NoteType.class)
                .setParameter("profile", profile.id())
                .getResultList();
    }

    /** The parsed view of a stored note type. */
    public static NoteTypeModel model(NoteType type) {
        return new NoteTypeModel(NoteTypeSettings.decode(type.config()).json());
    }

    /** Adds a note type given as v11 JSON (its id and name are used as they are). */
    public NoteType add(JsonObject json) {
        NoteType type = entity(profile.id(), json);
        tx.em().persist(type);
        return type;
    }

    /** Writes changed v11 JSON back: name, kind and modification time follow the JSON. */
    public void save(NoteType type, JsonObject json) {
        columns(type, new NoteTypeSettings(json));
    }

    /** Stores the settings with the columns that repeat them (name, its key, kind, modification time). */
    public static NoteType columns(NoteType type, NoteTypeSettings settings) {
        return type.name(settings.name())
                .nameKey(key(settings.name()))
                .kind(settings.kind())
                .mtime(settings.mod())
                .usn(-1)
                .config(settings.encode());
    }

    public long newId() {
        return ids.next();
    }

    static NoteType entity(long profileId, JsonObject json) {
        NoteTypeSettings settings = new NoteTypeSettings(json);
        return columns(new NoteType().profileId(profileId).id(settings.id()), settings);
    }

    /** Note type names are unique without regard to case. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Names of all note types, in name order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        all().forEach(t -> out.add(t.name()));
        return out;
    }

    /** AnkiConnect's {@code models.get(id)} or {@code model was not found: id}. */
    public NoteType requireId(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.MODEL, id));
    }

    /** The stored v11 JSON, as findModelsById returns it. */
    public static JsonObject json(NoteType type) {
        return NoteTypeSettings.decode(type.config()).json();
    }

    /** An edit of the stored note type, to be passed to {@link #update}. */
    public static NoteTypeEdit edit(NoteType type) {
        return new NoteTypeEdit(json(type));
    }

    /** Saves an edit as Anki's backend does, moving note fields and card ordinals along. */
    public JsonObject update(NoteType type, NoteTypeEdit edit) {
        NoteTypeEdit.Saved saved = edit.finish(System.currentTimeMillis() / 1000);
        save(type, saved.json());
        sync.apply(type.id(), saved);
        return saved.json();
    }

    /**
     * createModel's note type: Anki's stock Basic emptied, then the fields and templates added.
     * A name equal to another's but for case gets a 5-character checksum suffix, as pylib's
     * {@code ensure_name_unique} does.
     */
    public JsonObject create(
            String name, List<String> fieldNames, List<String[]> templates, String css, boolean cloze) {
        long now = System.currentTimeMillis() / 1000;
        if (byName(name).isPresent()) {
            name = name + "-" + suffix();
        }
        JsonObject empty = NoteTypeJson.noteType(
                newId(),
                name,
                cloze ? NoteTypeJson.CLOZE : NoteTypeJson.STANDARD,
                List.of(),
                List.of(),
                css == null ? NoteTypeJson.DEFAULT_CSS : css,
                now,
                1);
        NoteTypeEdit edit = new NoteTypeEdit(empty);
        fieldNames.forEach(edit::addField);
        templates.forEach(t -> edit.addTemplate(t[0], t[1], t[2]));
        NoteTypeEdit.Saved saved = edit.finish(now);
        add(saved.json());
        return saved.json();
    }

    /** Config {@code curModel}: the note type the Add screen opens with. */
    public void makeCurrent(NoteType type) {
        config.set("curModel", Json.PROVIDER.createValue(type.id()));
    }

    private static String suffix() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(String.valueOf(System.currentTimeMillis() / 1000.0)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    EntityManager em() {
        return tx.em();
    }

    /** The profile's note types, on the caller's EntityManager (Check Database, also without CDI). */
    public static List<NoteType> all(EntityManager em, long profileId) {
        return em.createNamedQuery("NoteType.all", NoteType.class)
                .setParameter("profile", profileId)
                .getResultList();
    }
}
