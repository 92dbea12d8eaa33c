package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Json;
import dev.ankiconnect.template.CardGeneration;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds note types in Anki's v11 JSON shape, the shape AnkiConnect returns from
 * findModelsById/ByName: fields and templates with Anki's defaults and random 64-bit ids.
 */
public final class NoteTypeJson {

    public static final int STANDARD = 0;
    public static final int CLOZE = 1;

    public static final String DEFAULT_CSS =
            ".card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n"
                    + "    text-align: center;\n    color: black;\n    background-color: white;\n}\n";
    public static final String CLOZE_CSS = ".cloze {\n    font-weight: bold;\n    color: blue;\n}\n"
            + ".nightMode .cloze {\n    color: lightblue;\n}\n";
    public static final String LATEX_PRE = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
            + "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
            + "\\setlength{\\parindent}{0in}\n\\begin{document}\n";
    public static final String LATEX_POST = "\\end{document}";

    private static final SecureRandom RANDOM = new SecureRandom();

    private NoteTypeJson() {}

    /** A field object with Anki's defaults (Arial 20, a random id). */
    public static JsonObject field(String name, int ord) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("name", name)
                .add("ord", ord)
                .add("sticky", false)
                .add("rtl", false)
                .add("font", "Arial")
                .add("size", 20)
                .add("description", "")
                .add("plainText", false)
                .add("collapsed", false)
                .add("excludeFromSearch", false)
                .add("id", RANDOM.nextLong())
                .add("tag", JsonValue.NULL)
                .add("preventDeletion", false)
                .build();
    }

    /** A template object with empty browser formats, no deck override and a random id. */
    public static JsonObject template(String name, int ord, String qfmt, String afmt) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("name", name)
                .add("ord", ord)
                .add("qfmt", qfmt)
                .add("afmt", afmt)
                .add("bqfmt", "")
                .add("bafmt", "")
                .add("did", JsonValue.NULL)
                .add("bfont", "")
                .add("bsize", 0)
                .add("id", RANDOM.nextLong())
                .build();
    }

    /** A whole note type; {@code req} is computed from the templates as Anki does on save. */
    public static JsonObject noteType(
            long id,
            String name,
            int kind,
            List<JsonObject> fields,
            List<JsonObject> templates,
            String css,
            long mtimeSecs,
            Integer originalStockKind) {
        JsonArrayBuilder flds = Json.PROVIDER.createArrayBuilder();
        fields.forEach(flds::add);
        JsonArrayBuilder tmpls = Json.PROVIDER.createArrayBuilder();
        templates.forEach(tmpls::add);
        JsonObjectBuilder b = Json.PROVIDER
                .createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("type", kind)
                .add("mod", mtimeSecs)
                .add("usn", -1)
                .add("sortf", 0)
                .add("did", JsonValue.NULL)
                .add("tmpls", tmpls)
                .add("flds", flds)
                .add("css", css)
                .add("latexPre", LATEX_PRE)
                .add("latexPost", LATEX_POST)
                .add("latexsvg", false)
                .add("req", requirements(kind, fields, templates));
        if (originalStockKind != null) {
            b.add("originalStockKind", originalStockKind);
        }
        return b.build();
    }

    /** The legacy {@code req} array; cloze note types have none that matter, Anki writes one entry. */
    public static JsonArray requirements(int kind, List<JsonObject> fields, List<JsonObject> templates) {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.getString("name")));
        JsonArrayBuilder req = Json.PROVIDER.createArrayBuilder();
        for (int i = 0; i < templates.size(); i++) {
            if (kind == CLOZE && i > 0) {
                break;
            }
            CardGeneration.Requirement r =
                    CardGeneration.requirement(i, templates.get(i).getString("qfmt"), names);
            JsonArrayBuilder ords = Json.PROVIDER.createArrayBuilder();
            r.fieldOrds().forEach(ords::add);
            req.add(Json.PROVIDER.createArrayBuilder().add(i).add(r.kind()).add(ords));
        }
        return req.build();
    }
}
