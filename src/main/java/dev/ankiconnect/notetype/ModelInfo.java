package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.template.CardTemplate;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed note type plus what notes and cards derive from it once: template list, per-template
 * deck overrides, the fields used with {@code {{cloze:}}}, field lookup maps. Immutable, shared
 * between requests through {@link ModelCache}.
 */
public final class ModelInfo {

    private static final Pattern CLOZE_REF = Pattern.compile("\\{\\{[^}]*?cloze:([^}]+?)\\s*\\}\\}");

    private final NoteTypeModel model;
    private final List<String> fronts;
    private final List<CardTemplate> templates;
    private final long[] deckOverrides;
    private final Set<String> clozeFields;
    private final Map<String, Integer> lowerIndex;
    private final Map<String, Integer> exactIndex;
    private final boolean latexSvg;

    public ModelInfo(NoteTypeModel model) {
        this.model = model;
        List<String> f = new ArrayList<>();
        List<CardTemplate> t = new ArrayList<>();
        for (NoteTypeModel.TemplateInfo ti : model.templates()) {
            f.add(ti.qfmt());
            t.add(new CardTemplate(ti.name(), ti.ord(), ti.qfmt(), ti.afmt()));
        }
        this.fronts = Collections.unmodifiableList(f);
        this.templates = Collections.unmodifiableList(t);
        this.deckOverrides = new long[t.size()];
        int i = 0;
        for (JsonValue v : model.json().getJsonArray("tmpls")) {
            JsonValue did = v.asJsonObject().get("did");
            deckOverrides[i++] = did instanceof JsonNumber n ? n.longValue() : 0;
        }
        Set<String> cloze = new HashSet<>();
        for (CardTemplate ct : t) {
            Matcher m = CLOZE_REF.matcher(ct.qfmt());
            while (m.find()) {
                cloze.add(m.group(1).trim());
            }
        }
        this.clozeFields = Collections.unmodifiableSet(cloze);
        Map<String, Integer> lower = new HashMap<>();
        Map<String, Integer> exact = new HashMap<>();
        List<String> names = model.fieldNames();
        for (int k = 0; k < names.size(); k++) {
            lower.putIfAbsent(names.get(k).toLowerCase(Locale.ROOT), k);
            exact.putIfAbsent(names.get(k), k);
        }
        this.lowerIndex = lower;
        this.exactIndex = exact;
        JsonObject json = model.json();
        this.latexSvg = json.get("latexsvg") == JsonValue.TRUE;
    }

    public NoteTypeModel model() {
        return model;
    }

    public long id() {
        return model.id();
    }

    public String name() {
        return model.name();
    }

    public boolean isCloze() {
        return model.isCloze();
    }

    public String css() {
        return model.css();
    }

    public List<String> fieldNames() {
        return model.fieldNames();
    }

    /** notesInfo's and cardsInfo's fields: {name: {value, order}} in field order, "" for a value missing. */
    public JsonObject fieldsObject(String[] values) {
        JsonObjectBuilder b = Json.PROVIDER.createObjectBuilder();
        List<String> names = fieldNames();
        for (int i = 0; i < names.size(); i++) {
            b.add(
                    names.get(i),
                    Json.PROVIDER
                            .createObjectBuilder()
                            .add("value", i < values.length ? values[i] : "")
                            .add("order", i));
        }
        return b.build();
    }

    public int fieldCount() {
        return model.fieldNames().size();
    }

    public int sortIndex() {
        return model.sortIndex();
    }

    public List<String> fronts() {
        return fronts;
    }

    public List<CardTemplate> templates() {
        return templates;
    }

    /** The template's deck override, or 0. */
    public long deckOverride(int ord) {
        return ord < deckOverrides.length ? deckOverrides[ord] : 0;
    }

    /** Field names used with {@code {{cloze:...}}} in the templates. */
    public Set<String> clozeFields() {
        return clozeFields;
    }

    /** Field ordinal by case-insensitive name (AnkiConnect's addNote mapping), or -1. */
    public int fieldIndexIgnoreCase(String name) {
        Integer i = lowerIndex.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** Field ordinal by exact name (updateNoteFields), or -1. */
    public int fieldIndex(String name) {
        Integer i = exactIndex.get(name);
        return i == null ? -1 : i;
    }

    public boolean latexSvg() {
        return latexSvg;
    }

    /** The template a card of this ordinal renders with (cloze: the single template). */
    public CardTemplate template(int ord) {
        if (isCloze() || templates.isEmpty()) {
            return templates.isEmpty() ? new CardTemplate("", 0, "", "") : templates.get(0);
        }
        return ord < templates.size() ? templates.get(ord) : null;
    }
}
