package dev.ankiconnect.notetype;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A read-only view of a note type's v11 JSON: what notes, cards and rendering need. Built from
 * the stored JSON; edits go through the JSON and {@link NoteTypes#save}.
 */
public final class NoteTypeModel {

    /** One template: name, ordinal, question and answer formats. */
    public record TemplateInfo(String name, int ord, String qfmt, String afmt) {}

    private final long id;
    private final String name;
    private final int kind;
    private final String css;
    private final int sortIndex;
    private final List<String> fieldNames;
    private final List<TemplateInfo> templates;
    private final JsonObject json;

    public NoteTypeModel(JsonObject json) {
        this.json = json;
        this.id = json.getJsonNumber("id").longValueExact();
        this.name = json.getString("name");
        this.kind = json.getInt("type", 0);
        this.css = json.getString("css", "");
        this.sortIndex = json.getInt("sortf", 0);
        List<String> f = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("flds")) {
            f.add(v.asJsonObject().getString("name"));
        }
        this.fieldNames = Collections.unmodifiableList(f);
        List<TemplateInfo> t = new ArrayList<>();
        int ord = 0;
        for (JsonValue v : json.getJsonArray("tmpls")) {
            JsonObject o = v.asJsonObject();
            t.add(new TemplateInfo(o.getString("name"), ord++, o.getString("qfmt", ""), o.getString("afmt", "")));
        }
        this.templates = Collections.unmodifiableList(t);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isCloze() {
        return kind == NoteTypeJson.CLOZE;
    }

    public int kind() {
        return kind;
    }

    public String css() {
        return css;
    }

    public int sortIndex() {
        return sortIndex < fieldNames.size() ? sortIndex : 0;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    public List<TemplateInfo> templates() {
        return templates;
    }

    public JsonObject json() {
        return json;
    }

    /** The ordinal of a field by exact name, or -1. */
    public int fieldIndex(String field) {
        return fieldNames.indexOf(field);
    }

    /** The ordinal of a field matched case-insensitively (as AnkiConnect maps note fields), or -1. */
    public int fieldIndexIgnoreCase(String field) {
        String wanted = field.toLowerCase(Locale.ROOT);
        for (int i = 0; i < fieldNames.size(); i++) {
            if (fieldNames.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
