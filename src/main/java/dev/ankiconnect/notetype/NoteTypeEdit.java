package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.template.ParsedTemplate;
import dev.ankiconnect.template.TemplateAnalysis;
import dev.ankiconnect.template.TemplateError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An edit of a note type's v11 JSON in the way Anki's Python side edits the dictionary and the
 * backend then saves it: fields and templates keep their original {@code ord} until the save
 * (new ones have none), so {@link #finish} can tell renames, removals, moves and additions
 * apart, rewrite templates, renumber, and report how notes and cards must follow.
 */
public final class NoteTypeEdit {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What a save changed for existing notes and cards.
     *
     * @param json            the note type as stored after the save
     * @param fieldOrigins    for each new field position, the old field ordinal, or -1 for a new field
     * @param templateOrigins for each new template position, the old template ordinal, or -1 for a new one
     * @param removedTemplates old ordinals of templates that are gone (their cards go too)
     * @param fieldsChanged   notes must be rewritten (fields moved/added/removed or the sort field moved)
     * @param generateCards   templates were added or a front changed: missing cards may now be due
     */
    public record Saved(
            JsonObject json,
            List<Integer> fieldOrigins,
            List<Integer> templateOrigins,
            Set<Integer> removedTemplates,
            boolean fieldsChanged,
            boolean generateCards) {}

    private final JsonObject original;
    private final Map<String, JsonValue> top;
    private final List<Map<String, JsonValue>> fields = new ArrayList<>();
    private final List<Map<String, JsonValue>> templates = new ArrayList<>();

    public NoteTypeEdit(JsonObject original) {
        this.original = original;
        this.top = new LinkedHashMap<>(original);
        original.getJsonArray("flds").forEach(v -> fields.add(new LinkedHashMap<>(v.asJsonObject())));
        original.getJsonArray("tmpls").forEach(v -> templates.add(new LinkedHashMap<>(v.asJsonObject())));
    }

    public String name() {
        return ((jakarta.json.JsonString) top.get("name")).getString();
    }

    /** The position of a field by exact name (AnkiConnect's {@code field_map}), or -1. */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (str(fields.get(i), "name").equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The position of a template by exact name, or -1. */
    public int templateIndex(String name) {
        for (int i = 0; i < templates.size(); i++) {
            if (str(templates.get(i), "name").equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public int fieldCount() {
        return fields.size();
    }

    public int templateCount() {
        return templates.size();
    }

    public Map<String, JsonValue> field(int index) {
        return fields.get(index);
    }

    public Map<String, JsonValue> template(int index) {
        return templates.get(index);
    }

    public List<Map<String, JsonValue>> templates() {
        return templates;
    }

    public void set(String key, JsonValue value) {
        top.put(key, value);
    }

    public String getString(String key) {
        return str(top, key);
    }

    /** Appends a field with Anki's defaults (Python's {@code new_field} + {@code add_field}). */
    public void addField(String name) {
        Map<String, JsonValue> f = new LinkedHashMap<>(NoteTypeJson.field(name, 0));
        f.put("ord", JsonValue.NULL);
        f.put("id", JsonValue.NULL);
        fields.add(f);
    }

    public void removeField(int index) {
        fields.remove(index);
    }

    /** Python's {@code reposition_field}: list.remove then list.insert (an index past the end appends). */
    public void repositionField(int index, int target) {
        move(fields, index, target);
    }

    /** Appends a template with blank browser formats (Python's {@code new_template} + {@code add_template}). */
    public void addTemplate(String name, String qfmt, String afmt) {
        Map<String, JsonValue> t = new LinkedHashMap<>(NoteTypeJson.template(name, 0, qfmt, afmt));
        t.put("ord", JsonValue.NULL);
        t.put("id", JsonValue.NULL);
        templates.add(t);
    }

    public void removeTemplate(int index) {
        templates.remove(index);
    }

    public void repositionTemplate(int index, int target) {
        move(templates, index, target);
    }

    static <T> void move(List<T> list, int index, int target) {
        if (index == target) {
            return;
        }
        T item = list.remove(index);
        list.add(pythonInsertIndex(target, list.size()), item);
    }

    /** Where Python's {@code list.insert(i, x)} puts x in a list of {@code size} items. */
    static int pythonInsertIndex(int i, int size) {
        if (i < 0) {
            return Math.max(0, size + i);
        }
        return Math.min(i, size);
    }

    /** Builds the saved note type and the consequences for notes and cards, as the backend's update does. */
    public Saved finish(long nowSecs) {
        if (fields.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOTETYPE_NEEDS_FIELD);
        }
        if (templates.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOTETYPE_NEEDS_TEMPLATE);
        }
        normalizeNames();
        int oldFieldCount = original.getJsonArray("flds").size();
        int oldTemplateCount = original.getJsonArray("tmpls").size();
        List<Integer> fieldOrigins = new ArrayList<>();
        fields.forEach(f -> fieldOrigins.add(ordOf(f)));
        List<Integer> templateOrigins = new ArrayList<>();
        templates.forEach(t -> templateOrigins.add(ordOf(t)));

        // Renames and removals, by original ordinal, rewrite every template.
        Map<String, Optional<String>> changes = new HashMap<>();
        List<String> oldNames = new ArrayList<>();
        original.getJsonArray("flds").forEach(v -> oldNames.add(v.asJsonObject().getString("name")));
        for (int old = 0; old < oldNames.size(); old++) {
            int now = fieldOrigins.indexOf(old);
            if (now < 0) {
                changes.put(oldNames.get(old), Optional.empty());
            } else if (!str(fields.get(now), "name").equals(oldNames.get(old))) {
                changes.put(oldNames.get(old), Optional.of(str(fields.get(now), "name")));
            }
        }
        boolean cloze = top.get("type") instanceof JsonNumber n && n.intValue() == NoteTypeJson.CLOZE;
        if (!changes.isEmpty() && !fields.isEmpty()) {
            for (Map<String, JsonValue> t : templates) {
                List<String> qa = TemplateAnalysis.updateTemplateForFieldChanges(
                        str(t, "qfmt"), str(t, "afmt"), changes, str(fields.get(0), "name"), cloze);
                t.put("qfmt", Json.PROVIDER.createValue(qa.get(0)));
                t.put("afmt", Json.PROVIDER.createValue(qa.get(1)));
            }
        }

        // The sort field is remembered by its original ordinal (rslib's reposition_sort_idx).
        int oldSort = top.get("sortf") instanceof JsonNumber n ? n.intValue() : 0;
        int sortf = fieldOrigins.indexOf(oldSort);
        if (sortf < 0) {
            sortf = Math.max(0, Math.min(oldSort, fields.size() - 1));
        }
        checkTemplates(cloze);

        Set<Integer> removedTemplates = new HashSet<>();
        for (int old = 0; old < oldTemplateCount; old++) {
            if (!templateOrigins.contains(old)) {
                removedTemplates.add(old);
            }
        }
        boolean generate = templateOrigins.contains(-1);
        List<JsonObject> oldTemplates = new ArrayList<>();
        original.getJsonArray("tmpls").forEach(v -> oldTemplates.add(v.asJsonObject()));
        for (int i = 0; i < templates.size(); i++) {
            int origin = templateOrigins.get(i);
            if (origin >= 0
                    && origin < oldTemplates.size()
                    && !oldTemplates.get(origin).getString("qfmt", "").equals(str(templates.get(i), "qfmt"))) {
                generate = true;
            }
        }

        List<JsonObject> builtFields = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Map<String, JsonValue> f = fields.get(i);
            f.put("ord", Json.PROVIDER.createValue(i));
            if (!(f.get("id") instanceof JsonNumber)) {
                f.put("id", Json.PROVIDER.createValue(RANDOM.nextLong()));
            }
            builtFields.add(object(f));
        }
        List<JsonObject> builtTemplates = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            Map<String, JsonValue> t = templates.get(i);
            t.put("ord", Json.PROVIDER.createValue(i));
            if (!(t.get("id") instanceof JsonNumber)) {
                t.put("id", Json.PROVIDER.createValue(RANDOM.nextLong()));
            }
            builtTemplates.add(object(t));
        }
        JsonArrayBuilder flds = Json.PROVIDER.createArrayBuilder();
        builtFields.forEach(flds::add);
        JsonArrayBuilder tmpls = Json.PROVIDER.createArrayBuilder();
        builtTemplates.forEach(tmpls::add);
        top.put("flds", flds.build());
        top.put("tmpls", tmpls.build());
        top.put("sortf", Json.PROVIDER.createValue(sortf));
        top.put("mod", Json.PROVIDER.createValue(nowSecs));
        top.put("usn", Json.PROVIDER.createValue(-1));
        top.put(
                "req",
                NoteTypeJson.requirements(
                        cloze ? NoteTypeJson.CLOZE : NoteTypeJson.STANDARD, builtFields, builtTemplates));

        boolean identity = fieldOrigins.size() == oldFieldCount;
        for (int i = 0; identity && i < fieldOrigins.size(); i++) {
            identity = fieldOrigins.get(i) == i;
        }
        boolean fieldsChanged = !identity || sortf != oldSort;
        return new Saved(object(top), fieldOrigins, templateOrigins, removedTemplates, fieldsChanged, generate);
    }

    /** Fields a template may name without the note type having them. */
    static final Set<String> SPECIAL_FIELDS =
            Set.of("FrontSide", "Card", "CardFlag", "Deck", "Subdeck", "Tags", "Type", "CardID");

    /**
     * Anki's template checks on save, in its order: identical fronts (unless they show
     * {@code {{Card}}}), then per template a parseable front naming some field and no unknown
     * fields on either side, then for cloze types a cloze on both sides of the first template.
     */
    private void checkTemplates(boolean cloze) {
        Map<String, Integer> fronts = new HashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            String q = str(templates.get(i), "qfmt");
            Integer earlier = fronts.putIfAbsent(q, i);
            if (earlier != null && !CARD_TAG.matcher(q).find()) {
                throw cardTypeError(Refusal.Kind.TEMPLATE_FRONT_IDENTICAL, i, earlier + 1);
            }
        }
        Set<String> known = new HashSet<>(SPECIAL_FIELDS);
        fields.forEach(f -> known.add(str(f, "name")));
        for (int i = 0; i < templates.size(); i++) {
            Set<String> q;
            Set<String> a;
            try {
                q = TemplateAnalysis.referencedFieldNames(ParsedTemplate.parse(str(templates.get(i), "qfmt")));
                a = TemplateAnalysis.referencedFieldNames(ParsedTemplate.parse(str(templates.get(i), "afmt")));
            } catch (TemplateError e) {
                throw cardTypeError(Refusal.Kind.TEMPLATE_SEE_PREVIEW, i);
            }
            if (q.isEmpty()) {
                throw cardTypeError(Refusal.Kind.TEMPLATE_NO_FRONT_FIELD, i);
            }
            for (String name : concat(q, a)) {
                if (!name.isEmpty() && !known.contains(name)) {
                    throw cardTypeError(Refusal.Kind.TEMPLATE_SEE_PREVIEW, i);
                }
            }
        }
        if (cloze && !(hasCloze(str(templates.get(0), "qfmt")) && hasCloze(str(templates.get(0), "afmt")))) {
            throw cardTypeError(Refusal.Kind.TEMPLATE_NO_CLOZE, 0);
        }
    }

    private static final java.util.regex.Pattern CARD_TAG = java.util.regex.Pattern.compile("\\{\\{\\s*Card\\s*\\}\\}");

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean hasCloze(String template) {
        try {
            return !TemplateAnalysis.clozeFieldNames(ParsedTemplate.parse(template))
                    .isEmpty();
        } catch (TemplateError e) {
            return false;
        }
    }

    /** A problem of the card template at {@code ordinal}: its number (1-based) and the note type's name come first. */
    private Refusal cardTypeError(Refusal.Kind kind, int ordinal, Object... more) {
        Object[] values = new Object[2 + more.length];
        values[0] = ordinal + 1;
        values[1] = name();
        System.arraycopy(more, 0, values, 2, more.length);
        return new Refusal(kind, values);
    }

    /** Anki's naming rules on save (rslib fix_name): forbidden characters dropped, duplicates (any case) get "+". */
    private void normalizeNames() {
        String typeName = name().replace("\"", "");
        if (typeName.isEmpty()) {
            throw new Refusal(Refusal.Kind.EMPTY_NOTETYPE_NAME);
        }
        top.put("name", Json.PROVIDER.createValue(nfc(typeName)));
        for (Map<String, JsonValue> f : fields) {
            f.put("name", Json.PROVIDER.createValue(fieldName(nfc(str(f, "name")))));
        }
        for (Map<String, JsonValue> t : templates) {
            String n = nfc(str(t, "name"));
            if (n.isEmpty()) {
                throw new Refusal(Refusal.Kind.EMPTY_TEMPLATE_NAME);
            }
            n = n.replace("\"", "");
            if (n.isEmpty()) {
                throw new Refusal(Refusal.Kind.TEMPLATE_NAME_QUOTES);
            }
            t.put("name", Json.PROVIDER.createValue(n));
        }
        // Templates first, then fields, as rslib's ensure_names_unique does.
        unique(templates);
        unique(fields);
    }

    private static void unique(List<Map<String, JsonValue>> items) {
        Set<String> seen = new HashSet<>();
        for (Map<String, JsonValue> item : items) {
            String n = str(item, "name");
            while (!seen.add(n.toLowerCase(Locale.ROOT))) {
                n = n + "+";
            }
            item.put("name", Json.PROVIDER.createValue(n));
        }
    }

    private static String nfc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    /** Field names lose : { } " and leading/trailing whitespace, and may not start with # / ^. */
    static String fieldName(String name) {
        if (name.isEmpty()) {
            throw new Refusal(Refusal.Kind.EMPTY_FIELD_NAME);
        }
        String n = name.replaceAll("[:{}\"]", "");
        String trimmed = n.strip();
        int start = 0;
        while (start < trimmed.length()
                && (trimmed.charAt(start) == '#'
                        || trimmed.charAt(start) == '/'
                        || trimmed.charAt(start) == '^'
                        || Character.isWhitespace(trimmed.charAt(start)))) {
            start++;
        }
        trimmed = trimmed.substring(start);
        if (trimmed.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_FIELD_NAME, n);
        }
        return trimmed;
    }

    private static int ordOf(Map<String, JsonValue> item) {
        return item.get("ord") instanceof JsonNumber n ? n.intValue() : -1;
    }

    private static String str(Map<String, JsonValue> m, String key) {
        return m.get(key) instanceof jakarta.json.JsonString s ? s.getString() : "";
    }

    private static JsonObject object(Map<String, JsonValue> m) {
        JsonObjectBuilder b = Json.PROVIDER.createObjectBuilder();
        m.forEach(b::add);
        return b.build();
    }
}
