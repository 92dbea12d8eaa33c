package dev.ankiconnect.apkg;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * v11 JSON objects every collection has (Default deck, Default preset, a Basic notetype), used to
 * fill gaps so old importers that assume deck 1 / preset 1 exist do not fail, and for the stub.
 */
final class AnkiDefaults {
    private static final JsonProvider P = JsonSupport.PROVIDER;

    static final String BASIC_CSS = ".card {\n    font-family: arial;\n    font-size: 20px;\n"
            + "    text-align: center;\n    color: black;\n    background-color: white;\n}\n";

    private AnkiDefaults() {}

    static JsonObject defaultDeck() {
        return P.createObjectBuilder()
                .add("id", 1)
                .add("name", "Default")
                .add("mod", 0)
                .add("usn", 0)
                .add("newToday", dayPair())
                .add("revToday", dayPair())
                .add("lrnToday", dayPair())
                .add("timeToday", dayPair())
                .add("collapsed", false)
                .add("browserCollapsed", false)
                .add("desc", "")
                .add("dyn", 0)
                .add("conf", 1)
                .add("extendNew", 0)
                .add("extendRev", 0)
                .build();
    }

    private static JsonArrayBuilder dayPair() {
        return P.createArrayBuilder().add(0).add(0);
    }

    /** Preset 1 with Anki's default options (ANKI-MODEL 1.11). */
    static JsonObject defaultDeckConfig() {
        return P.createObjectBuilder()
                .add("id", 1)
                .add("name", "Default")
                .add("mod", 0)
                .add("usn", 0)
                .add("dyn", false)
                .add(
                        "new",
                        P.createObjectBuilder()
                                .add("delays", P.createArrayBuilder().add(1.0).add(10.0))
                                .add(
                                        "ints",
                                        P.createArrayBuilder().add(1).add(4).add(0))
                                .add("initialFactor", 2500)
                                .add("order", 1)
                                .add("perDay", 20)
                                .add("bury", false)
                                .add("separate", true))
                .add(
                        "rev",
                        P.createObjectBuilder()
                                .add("perDay", 200)
                                .add("ease4", 1.3)
                                .add("ivlFct", 1.0)
                                .add("maxIvl", 36500)
                                .add("hardFactor", 1.2)
                                .add("bury", false)
                                .add("fuzz", 0.05)
                                .add("minSpace", 1))
                .add(
                        "lapse",
                        P.createObjectBuilder()
                                .add("delays", P.createArrayBuilder().add(10.0))
                                .add("mult", 0.0)
                                .add("minInt", 1)
                                .add("leechFails", 8)
                                .add("leechAction", 1))
                .add("maxTaken", 60)
                .add("timer", 0)
                .add("autoplay", true)
                .add("replayq", true)
                .build();
    }

    /** A two-field, one-template standard notetype named Basic. */
    static JsonObject basicNotetype(long id) {
        return P.createObjectBuilder()
                .add("id", id)
                .add("name", "Basic")
                .add("type", 0)
                .add("mod", 0)
                .add("usn", 0)
                .add("sortf", 0)
                .addNull("did")
                .add("flds", P.createArrayBuilder().add(field("Front", 0)).add(field("Back", 1)))
                .add(
                        "tmpls",
                        P.createArrayBuilder()
                                .add(P.createObjectBuilder()
                                        .add("name", "Card 1")
                                        .add("ord", 0)
                                        .add("qfmt", "{{Front}}")
                                        .add("afmt", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}")
                                        .add("bqfmt", "")
                                        .add("bafmt", "")
                                        .addNull("did")
                                        .add("bfont", "")
                                        .add("bsize", 0)))
                .add("css", BASIC_CSS)
                .add(
                        "latexPre",
                        "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
                                + "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
                                + "\\setlength{\\parindent}{0in}\n\\begin{document}\n")
                .add("latexPost", "\\end{document}")
                .add("latexsvg", false)
                .add(
                        "req",
                        P.createArrayBuilder()
                                .add(P.createArrayBuilder()
                                        .add(0)
                                        .add("any")
                                        .add(P.createArrayBuilder().add(0))))
                .add("tags", P.createArrayBuilder())
                .add("vers", P.createArrayBuilder())
                .build();
    }

    private static JsonObjectBuilder field(String name, int ord) {
        return P.createObjectBuilder()
                .add("name", name)
                .add("ord", ord)
                .add("sticky", false)
                .add("rtl", false)
                .add("font", "Arial")
                .add("size", 20)
                .add("media", P.createArrayBuilder());
    }

    /**
     * The config of a fresh collection (ANKI-MODEL 1.13) when the model has none; a non-empty config
     * is kept exactly, so a read-write round trip does not change it.
     */
    static JsonObject withConfigDefaults(JsonObject conf, long curModel, long nextPos) {
        if (conf != null && !conf.isEmpty()) {
            return conf;
        }
        JsonObjectBuilder b = P.createObjectBuilder()
                .add("activeDecks", P.createArrayBuilder().add(1))
                .add("curDeck", 1)
                .add("newSpread", 0)
                .add("collapseTime", 1200)
                .add("timeLim", 0)
                .add("estTimes", true)
                .add("dueCounts", true)
                .add("curModel", curModel)
                .add("nextPos", nextPos)
                .add("sortType", "noteFld")
                .add("sortBackwards", false)
                .add("addToCur", true);
        return b.build();
    }
}
