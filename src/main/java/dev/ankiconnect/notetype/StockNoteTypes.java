package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** The six note types of a fresh Anki collection, in Anki's order, with its exact texts. */
public final class StockNoteTypes {

    static final String BASIC_BACK = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}";

    static final String IO_FRONT = "{{#Header}}<div>{{Header}}</div>{{/Header}}\n"
            + "<div style=\"display: none\">{{cloze:Occlusion}}</div>\n"
            + "<div id=\"err\"></div>\n"
            + "<div id=\"image-occlusion-container\">\n"
            + "    {{Image}}\n"
            + "    <canvas id=\"image-occlusion-canvas\"></canvas>\n"
            + "</div>\n"
            + "<script>\n"
            + "try {\n"
            + "    anki.imageOcclusion.setup();\n"
            + "} catch (exc) {\n"
            + "    document.getElementById(\"err\").innerHTML = `Error loading image occlusion. Is your Anki version up to date?<br><br>${exc}`;\n"
            + "}\n"
            + "</script>\n";
    static final String IO_BACK = IO_FRONT + "\n<div><button id=\"toggle\">Toggle Masks</button></div>\n"
            + "{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}\n";
    static final String IO_CSS = "#image-occlusion-canvas {\n"
            + "    --inactive-shape-color: #ffeba2;\n"
            + "    --active-shape-color: #ff8e8e;\n"
            + "    --inactive-shape-border: 1px #212121;\n"
            + "    --active-shape-border: 1px #212121;\n"
            + "    --highlight-shape-color: #ff8e8e00;\n"
            + "    --highlight-shape-border: 1px #ff8e8e;\n"
            + "}\n"
            + "\n"
            + ".card {\n"
            + "    font-family: arial;\n"
            + "    font-size: 20px;\n"
            + "    text-align: center;\n"
            + "    color: black;\n"
            + "    background-color: white;\n"
            + "}\n";

    private StockNoteTypes() {}

    /** The stock note types, each with an id from {@code ids} (ascending, as Anki creates them). */
    public static List<JsonObject> create(LongSupplier ids, long nowSecs) {
        List<JsonObject> out = new ArrayList<>();
        out.add(NoteTypeJson.noteType(
                ids.getAsLong(),
                "Basic",
                NoteTypeJson.STANDARD,
                fields("Front", "Back"),
                List.of(NoteTypeJson.template("Card 1", 0, "{{Front}}", BASIC_BACK)),
                NoteTypeJson.DEFAULT_CSS,
                nowSecs,
                1));
        out.add(NoteTypeJson.noteType(
                ids.getAsLong(),
                "Basic (and reversed card)",
                NoteTypeJson.STANDARD,
                fields("Front", "Back"),
                List.of(
                        NoteTypeJson.template("Card 1", 0, "{{Front}}", BASIC_BACK),
                        NoteTypeJson.template("Card 2", 1, "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}")),
                NoteTypeJson.DEFAULT_CSS,
                nowSecs,
                2));
        out.add(NoteTypeJson.noteType(
                ids.getAsLong(),
                "Basic (optional reversed card)",
                NoteTypeJson.STANDARD,
                fields("Front", "Back", "Add Reverse"),
                List.of(
                        NoteTypeJson.template("Card 1", 0, "{{Front}}", BASIC_BACK),
                        NoteTypeJson.template(
                                "Card 2",
                                1,
                                "{{#Add Reverse}}{{Back}}{{/Add Reverse}}",
                                "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}")),
                NoteTypeJson.DEFAULT_CSS,
                nowSecs,
                3));
        out.add(NoteTypeJson.noteType(
                ids.getAsLong(),
                "Basic (type in the answer)",
                NoteTypeJson.STANDARD,
                fields("Front", "Back"),
                List.of(NoteTypeJson.template(
                        "Card 1", 0, "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")),
                NoteTypeJson.DEFAULT_CSS,
                nowSecs,
                4));
        out.add(NoteTypeJson.noteType(
                ids.getAsLong(),
                "Cloze",
                NoteTypeJson.CLOZE,
                List.of(
                        tagged(NoteTypeJson.field("Text", 0), 0, true),
                        tagged(NoteTypeJson.field("Back Extra", 1), 1, false)),
                List.of(NoteTypeJson.template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")),
                NoteTypeJson.DEFAULT_CSS + NoteTypeJson.CLOZE_CSS,
                nowSecs,
                5));
        String[] io = {"Occlusion", "Image", "Header", "Back Extra", "Comments"};
        List<JsonObject> ioFields = new ArrayList<>();
        for (int i = 0; i < io.length; i++) {
            ioFields.add(tagged(NoteTypeJson.field(io[i], i), i, i < 4));
        }
        out.add(NoteTypeJson.noteType(
                ids.getAsLong(),
                "Image Occlusion",
                NoteTypeJson.CLOZE,
                ioFields,
                List.of(NoteTypeJson.template("Image Occlusion", 0, IO_FRONT, IO_BACK)),
                IO_CSS,
                nowSecs,
                6));
        return out;
    }

    private static List<JsonObject> fields(String... names) {
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(NoteTypeJson.field(names[i], i));
        }
        return out;
    }

    private static JsonObject tagged(JsonObject field, int tag, boolean preventDeletion) {
        return Json.PROVIDER
                .createObjectBuilder(field)
                .add("tag", tag)
                .add("preventDeletion", preventDeletion)
                .build();
    }
}
