package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.NotFoundException;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.PythonRepr;
import dev.ankiconnect.api.PythonTruth;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.error.Refusal;
import dev.ankiconnect.template.TemplateAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model (note type) actions. */
@ApplicationScoped
public class ModelActions implements ActionGroup {

    @Inject
    NoteTypes noteTypes;

    /** modelNames: the names of all note types, in Anki's (name) order. */
    @ReadOnly
    @Action
    public List<String> modelNames() {
        return noteTypes.names();
    }

    /** modelNamesAndIds: {name: id} for every note type. */
    @ReadOnly
    @Action
    public Map<String, Long> modelNamesAndIds() {
        Map<String, Long> out = new LinkedHashMap<>();
        noteTypes.all().forEach(t -> out.put(t.name(), t.id()));
        return out;
    }

    /** findModelsById {modelIds}: the full model dictionaries in input order; the first unknown id fails. */
    @ReadOnly
    @Action("modelIds")
    public List<JsonObject> findModelsById(Params p) {
        List<JsonObject> out = new ArrayList<>();
        for (long id : p.longList("modelIds")) {
            out.add(NoteTypes.json(noteTypes.requireId(id)));
        }
        return out;
    }

    /** findModelsByName {modelNames}: the full model dictionaries in input order; the first unknown name fails. */
    @ReadOnly
    @Action("modelNames")
    public List<JsonObject> findModelsByName(Params p) {
        List<JsonObject> out = new ArrayList<>();
        for (String name : p.stringList("modelNames")) {
            out.add(NoteTypes.json(noteTypes.require(name)));
        }
        return out;
    }

    /** modelNameFromId {modelId}: the model's name, or {@code model was not found: id}. */
    @ReadOnly
    @Action("modelId")
    public String modelNameFromId(Params p) {
        return noteTypes.requireId(p.longValue("modelId")).name();
    }

    /** modelFieldNames {modelName}: field names in order. */
    @ReadOnly
    @Action("modelName")
    public List<String> modelFieldNames(Params p) {
        List<String> out = new ArrayList<>();
        fields(p).forEach(f -> out.add(f.getString("name")));
        return out;
    }

    /** modelFieldDescriptions {modelName}: field descriptions in order. */
    @ReadOnly
    @Action("modelName")
    public List<String> modelFieldDescriptions(Params p) {
        List<String> out = new ArrayList<>();
        fields(p).forEach(f -> out.add(f.getString("description", "")));
        return out;
    }

    /** modelFieldFonts {modelName}: {field: {font, size}}. */
    @ReadOnly
    @Action("modelName")
    public Map<String, Map<String, JsonValue>> modelFieldFonts(Params p) {
        Map<String, Map<String, JsonValue>> out = new LinkedHashMap<>();
        for (JsonObject f : fields(p)) {
            Map<String, JsonValue> font = new LinkedHashMap<>();
            font.put("font", f.get("font"));
            font.put("size", f.get("size"));
            out.put(f.getString("name"), font);
        }
        return out;
    }

    /** modelFieldsOnTemplates {modelName}: {template: [question fields, answer fields]} by AnkiConnect's scan. */
    @ReadOnly
    @Action("modelName")
    public Map<String, List<List<String>>> modelFieldsOnTemplates(Params p) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (JsonObject t : templates(p)) {
            out.put(t.getString("name"), TemplateAnalysis.fieldsOnTemplate(t.getString("qfmt"), t.getString("afmt")));
        }
        return out;
    }

    /** createModel {modelName, inOrderFields, cardTemplates, css=None, isCloze=False}: the new model's dictionary. */
    @Action(
            value = {"modelName", "inOrderFields", "cardTemplates"},
            optional = {"css", "isCloze"})
    public JsonObject createModel(Params p) {
        String name = p.string("modelName");
        JsonArray fieldList = p.array("inOrderFields");
        JsonArray cardList = p.array("cardTemplates");
        if (fieldList.isEmpty()) {
            throw new Refusal(Refusal.Kind.MODEL_NEEDS_FIELD_PARAM);
        }
        if (cardList.isEmpty()) {
            throw new Refusal(Refusal.Kind.MODEL_NEEDS_CARD_PARAM);
        }
        if (noteTypes.names().contains(name)) {
            throw new Refusal(Refusal.Kind.MODEL_NAME_EXISTS);
        }
        List<String> fieldNames = p.stringList("inOrderFields");
        List<String[]> templates = new ArrayList<>();
        int count = 1;
        for (JsonValue v : cardList) {
            JsonObject card = asDict(v);
            String cardName = card.containsKey("Name") ? string(card.get("Name")) : "Card " + count;
            count++;
            templates.add(new String[] {cardName, string(key(card, "Front")), string(key(card, "Back"))});
        }
        String css = p.has("css") ? p.string("css") : null;
        boolean cloze = PythonTruth.truthy(p.value("isCloze"));
        return noteTypes.create(name, fieldNames, templates, css, cloze);
    }

    /** modelTemplates {modelName}: {template: {Front, Back}}. */
    @ReadOnly
    @Action("modelName")
    public Map<String, Map<String, String>> modelTemplates(Params p) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (JsonObject t : templates(p)) {
            Map<String, String> sides = new LinkedHashMap<>();
            sides.put("Front", t.getString("qfmt"));
            sides.put("Back", t.getString("afmt"));
            out.put(t.getString("name"), sides);
        }
        return out;
    }

    /** modelStyling {modelName}: {css}. */
    @ReadOnly
    @Action("modelName")
    public Map<String, String> modelStyling(Params p) {
        return Map.of(
                "css", NoteTypes.json(noteTypes.require(p.string("modelName"))).getString("css", ""));
    }

    /** updateModelTemplates {model: {name, templates}}: replaces the non-empty sides of the named existing templates. */
    @Action("model")
    public Object updateModelTemplates(Params p) {
        JsonObject model = p.object("model");
        NoteType type = noteTypes.require(string(key(model, "name")));
        JsonValue templates = key(model, "templates");
        if (!(templates instanceof JsonObject byName)) {
            throw new Refusal(Refusal.Kind.NO_ATTRIBUTE, PythonRepr.typeName(templates), "get");
        }
        NoteTypeEdit edit = NoteTypes.edit(type);
        for (Map<String, JsonValue> t : edit.templates()) {
            JsonValue change = byName.get(((JsonString) t.get("name")).getString());
            if (!PythonTruth.truthy(change)) {
                continue;
            }
            JsonObject sides = asDict(change);
            if (PythonTruth.truthy(sides.get("Front"))) {
                t.put("qfmt", Json.PROVIDER.createValue(string(sides.get("Front"))));
            }
            if (PythonTruth.truthy(sides.get("Back"))) {
                t.put("afmt", Json.PROVIDER.createValue(string(sides.get("Back"))));
            }
        }
        noteTypes.update(type, edit);
        return null;
    }

    /** updateModelStyling {model: {name, css}}: replaces the css. */
    @Action("model")
    public Object updateModelStyling(Params p) {
        JsonObject model = p.object("model");
        NoteType type = noteTypes.require(string(key(model, "name")));
        String css = string(key(model, "css"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        edit.set("css", Json.PROVIDER.createValue(css));
        noteTypes.update(type, edit);
        return null;
    }

    /** findAndReplaceInModels {modelName, findText, replaceText, front, back, css}: count of models with a replacement. */
    @Action(
            value = {"modelName", "findText", "replaceText"},
            optional = {"front", "back", "css"})
    public int findAndReplaceInModels(Params p) {
        JsonValue modelName = p.value("modelName");
        List<NoteType> targets = new ArrayList<>();
        if (!PythonTruth.truthy(modelName)) {
            targets.addAll(noteTypes.all());
        } else {
            targets.add(noteTypes.require(string(modelName)));
        }
        String find = p.string("findText");
        String replace = p.string("replaceText");
        boolean front = !p.json().containsKey("front") || PythonTruth.truthy(p.value("front"));
        boolean back = !p.json().containsKey("back") || PythonTruth.truthy(p.value("back"));
        boolean css = !p.json().containsKey("css") || PythonTruth.truthy(p.value("css"));
        int updated = 0;
        for (NoteType type : targets) {
            NoteTypeEdit edit = NoteTypes.edit(type);
            boolean found = false;
            String style = edit.getString("css");
            if (css && style.contains(find)) {
                found = true;
                edit.set("css", Json.PROVIDER.createValue(style.replace(find, replace)));
            }
            for (Map<String, JsonValue> t : edit.templates()) {
                found |= replaceIn(t, "qfmt", front, find, replace);
                found |= replaceIn(t, "afmt", back, find, replace);
            }
            // AnkiConnect saves every model it looked at, changed or not.
            noteTypes.update(type, edit);
            if (found) {
                updated++;
            }
        }
        return updated;
    }

    private static boolean replaceIn(
            Map<String, JsonValue> t, String side, boolean enabled, String find, String replace) {
        String text = ((JsonString) t.get(side)).getString();
        if (!enabled || !text.contains(find)) {
            return false;
        }
        t.put(side, Json.PROVIDER.createValue(text.replace(find, replace)));
        return true;
    }

    /** modelTemplateRename {modelName, oldTemplateName, newTemplateName}: renames a template. */
    @Action({"modelName", "oldTemplateName", "newTemplateName"})
    public Object modelTemplateRename(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = template(edit, p.string("oldTemplateName"));
        edit.template(index).put("name", Json.PROVIDER.createValue(p.string("newTemplateName")));
        noteTypes.update(type, edit);
        return null;
    }

    /** modelTemplateReposition {modelName, templateName, index}: moves a template; card ordinals follow. */
    @Action({"modelName", "templateName", "index"})
    public Object modelTemplateReposition(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = template(edit, p.string("templateName"));
        edit.repositionTemplate(index, p.intValue("index"));
        noteTypes.update(type, edit);
        return null;
    }

    /** modelTemplateAdd {modelName, template: {Name, Front, Back}}: appends a template and generates its cards; an existing name changes nothing. */
    @Action({"modelName", "template"})
    public Object modelTemplateAdd(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        JsonObject template = asDict(p.value("template"));
        String name = string(key(template, "Name"));
        String qfmt = string(key(template, "Front"));
        String afmt = string(key(template, "Back"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        if (edit.templateIndex(name) >= 0) {
            // AnkiConnect overwrites the formats in memory and returns without saving.
            return null;
        }
        edit.addTemplate(name, qfmt, afmt);
        noteTypes.update(type, edit);
        return null;
    }

    /** modelTemplateRemove {modelName, templateName}: removes a template and its cards. */
    @Action({"modelName", "templateName"})
    public Object modelTemplateRemove(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = template(edit, p.string("templateName"));
        if (edit.templateCount() <= 1) {
            // pylib's remove_template asserts more than one template; AnkiConnect reports str(AssertionError()).
            throw new Refusal(Refusal.Kind.ASSERTION);
        }
        edit.removeTemplate(index);
        noteTypes.update(type, edit);
        return null;
    }

    /** modelFieldRename {modelName, oldFieldName, newFieldName}: renames a field and its references in the templates. */
    @Action({"modelName", "oldFieldName", "newFieldName"})
    public Object modelFieldRename(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = field(edit, p.string("oldFieldName"));
        edit.field(index).put("name", Json.PROVIDER.createValue(p.string("newFieldName")));
        noteTypes.update(type, edit);
        // AnkiConnect goes through pylib's legacy renameField, which also makes the type current.
        noteTypes.makeCurrent(type);
        return null;
    }

    /** modelFieldReposition {modelName, fieldName, index}: moves a field; note values follow. */
    @Action({"modelName", "fieldName", "index"})
    public Object modelFieldReposition(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = field(edit, p.string("fieldName"));
        edit.repositionField(index, p.intValue("index"));
        noteTypes.update(type, edit);
        return null;
    }

    /** modelFieldAdd {modelName, fieldName, index=None}: adds the field unless it exists, then moves it to index if given. */
    @Action(
            value = {"modelName", "fieldName"},
            optional = "index")
    public Object modelFieldAdd(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        String name = p.string("fieldName");
        if (edit.fieldIndex(name) < 0) {
            edit.addField(name);
        }
        if (p.has("index")) {
            edit.repositionField(edit.fieldIndex(name), p.intValue("index"));
        }
        noteTypes.update(type, edit);
        return null;
    }

    /** modelFieldRemove {modelName, fieldName}: removes the field from the type, its templates and every note. */
    @Action({"modelName", "fieldName"})
    public Object modelFieldRemove(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        edit.removeField(field(edit, p.string("fieldName")));
        noteTypes.update(type, edit);
        return null;
    }

    /** modelFieldSetFont {modelName, fieldName, font}: sets the editor font (a string). */
    @Action({"modelName", "fieldName", "font"})
    public Object modelFieldSetFont(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = field(edit, p.string("fieldName"));
        JsonValue font = p.value("font");
        if (!(font instanceof JsonString)) {
            throw new Refusal(Refusal.Kind.FONT_NOT_STRING, PythonRepr.str(font));
        }
        edit.field(index).put("font", font);
        noteTypes.update(type, edit);
        return null;
    }

    /** modelFieldSetFontSize {modelName, fieldName, fontSize}: sets the editor font size (an integer; booleans pass as in Python). */
    @Action({"modelName", "fieldName", "fontSize"})
    public Object modelFieldSetFontSize(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = field(edit, p.string("fieldName"));
        JsonValue size = p.value("fontSize");
        long value;
        if (size instanceof JsonNumber n && n.isIntegral()) {
            value = n.longValue();
        } else if (size == JsonValue.TRUE || size == JsonValue.FALSE) {
            value = size == JsonValue.TRUE ? 1 : 0;
        } else {
            throw new Refusal(Refusal.Kind.FONT_SIZE_NOT_INTEGER, PythonRepr.str(size));
        }
        edit.field(index).put("size", Json.PROVIDER.createValue(value));
        noteTypes.update(type, edit);
        return null;
    }

    /** modelFieldSetDescription {modelName, fieldName, description}: sets the editor placeholder; true when stored. */
    @Action({"modelName", "fieldName", "description"})
    public boolean modelFieldSetDescription(Params p) {
        NoteType type = noteTypes.require(p.string("modelName"));
        NoteTypeEdit edit = NoteTypes.edit(type);
        int index = field(edit, p.string("fieldName"));
        JsonValue description = p.value("description");
        if (!(description instanceof JsonString)) {
            throw new Refusal(Refusal.Kind.DESCRIPTION_NOT_STRING, PythonRepr.str(description));
        }
        edit.field(index).put("description", description);
        noteTypes.update(type, edit);
        return true;
    }

    private List<JsonObject> fields(Params p) {
        List<JsonObject> out = new ArrayList<>();
        NoteTypes.json(noteTypes.require(p.string("modelName")))
                .getJsonArray("flds")
                .forEach(v -> out.add(v.asJsonObject()));
        return out;
    }

    private List<JsonObject> templates(Params p) {
        List<JsonObject> out = new ArrayList<>();
        NoteTypes.json(noteTypes.require(p.string("modelName")))
                .getJsonArray("tmpls")
                .forEach(v -> out.add(v.asJsonObject()));
        return out;
    }

    /** AnkiConnect's getField: exact name, error naming the model as stored. */
    private static int field(NoteTypeEdit edit, String name) {
        int index = edit.fieldIndex(name);
        if (index < 0) {
            throw new NotFoundException(NotFoundException.Kind.FIELD, name, edit.name());
        }
        return index;
    }

    private static int template(NoteTypeEdit edit, String name) {
        int index = edit.templateIndex(name);
        if (index < 0) {
            throw new NotFoundException(NotFoundException.Kind.TEMPLATE, name, edit.name());
        }
        return index;
    }

    /** {@code d[key]} with Python's KeyError text. */
    private static JsonValue key(JsonObject dict, String key) {
        JsonValue v = dict.get(key);
        if (v == null) {
            throw new Refusal(Refusal.Kind.KEY_ERROR, key);
        }
        return v;
    }

    private static JsonObject asDict(JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        // What Python says when d['key'] is applied to something that is not a dict.
        String type = PythonRepr.typeName(v);
        throw new Refusal(Refusal.Kind.NOT_SUBSCRIPTABLE, type);
    }

    private static String string(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new Refusal(Refusal.Kind.EXPECTED_STRING, PythonRepr.repr(v));
    }
}
