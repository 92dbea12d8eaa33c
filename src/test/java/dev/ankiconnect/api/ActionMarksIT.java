package dev.ankiconnect.api;

import static dev.ankiconnect.support.JsonArgs.a;
import static dev.ankiconnect.support.JsonArgs.o;
import static dev.ankiconnect.support.JsonArgs.v;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Reads stay reads": every action the server registers runs here with valid parameters from a recipe, and a
 * test-only servlet ({@link MarksProbe}) reads the profile's write counter ({@code profiles.gen}) and a digest of
 * every row of the collection before and after. Data changed if and only if the counter moved; an action that
 * changed nothing is marked {@link ReadOnly} (else it would count as a write and make the next search re-read
 * the in-memory copy); an action that changed data is not, unless it is a read that must create what it names
 * ({@code Tx.keepWrites}). An action without a recipe, or a recipe whose action answers an error, fails the test.
 */
@ExtendWith(ArquillianExtension.class)
class ActionMarksIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("action-marks").addClass(MarksProbe.class);
    }

    @ArquillianResource
    URL url;

    AnkiClient client;
    String profile;
    String s;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What a recipe's run must show. */
    enum Kind {
        /** Changes nothing; marked @ReadOnly. */
        READ,
        /** Changes data; not marked @ReadOnly. */
        WRITE,
        /**
         * A read that creates what it names, as Anki does, or repairs what it finds (guiCheckDatabase): changes data;
         * marked @ReadOnly (Tx.keepWrites).
         */
        CREATES,
        /** multi with sub-actions that write: changes data (one count per writing sub-action); multi is @ReadOnly. */
        DELEGATES,
        /** Changes server state outside the collection (the active profile): changes no collection data; either mark. */
        SERVER_STATE,
        /** Always answers an error by design (sync); changes nothing; marked @ReadOnly. */
        FAILS,
        /**
         * Moves the reviewer's window (gui*): changes the profile's window row and no collection data, does not move
         * gen; marked @ReadOnly (Tx.keepWindow commits it).
         */
        WINDOW
    }

    record Recipe(String action, String label, Kind kind, int counts, Supplier<JsonObject> params) {}

    @BeforeEach
    void setUp() {
        client = new AnkiClient(url);
        profile = ((JsonString) client.call("getActiveProfile")).getString();
        s = UUID.randomUUID().toString().substring(0, 8);
    }

    // ---------------------------------------------------------------- the probe

    /** @param xid on PostgreSQL a transaction id the probe took, else null */
    record State(long gen, JsonObject tables, JsonObject readOnly, Long xid, JsonObject window) {}

    State state() {
        URI probe = URI.create(url.toString())
                .resolve(MarksProbe.PATH.substring(1) + "?profile="
                        + URLEncoder.encode(profile, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(probe)
                .timeout(Duration.ofSeconds(60))
                // the application's filter in front of every path wants an AnkiConnect body
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"marksProbe\", \"version\": 6}"))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("probe " + probe + " failed: " + e, e);
        }
        JsonValue body = AnkiClient.parse(response.body());
        if (response.statusCode() != 200 || !(body instanceof JsonObject o) || !o.containsKey("gen")) {
            throw new AssertionError("probe " + probe + " answered " + response.statusCode() + ": " + response.body());
        }
        return new State(
                o.getJsonNumber("gen").longValue(),
                o.getJsonObject("tables"),
                o.getJsonObject("readOnly"),
                o.containsKey("xid") ? o.getJsonNumber("xid").longValue() : null,
                o.getJsonObject("window"));
    }

    /** The tables whose rows differ. */
    static Set<String> changed(State before, State after) {
        Set<String> out = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.tables().keySet());
        names.addAll(after.tables().keySet());
        for (String t : names) {
            if (!String.valueOf(before.tables().get(t))
                    .equals(String.valueOf(after.tables().get(t)))) {
                out.add(t);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- JSON helpers

    JsonValue call(String action, JsonObject params) {
        return client.call(action, params);
    }

    long note(String deck, String model, Object... fieldsAndValues) {
        return ((JsonNumber) call(
                        "addNote", o("note", note(deck, model, List.of("marks", "tagA-" + s), fieldsAndValues))))
                .longValue();
    }

    static JsonObject note(String deck, String model, List<String> tags, Object... fieldsAndValues) {
        return o("deckName", deck, "modelName", model, "fields", o(fieldsAndValues), "tags", tags);
    }

    List<Long> cardsOf(long note) {
        List<Long> out = new ArrayList<>();
        for (JsonValue v : call("findCards", o("query", "nid:" + note)).asJsonArray()) {
            out.add(((JsonNumber) v).longValue());
        }
        return out;
    }

    long card(long note) {
        return cardsOf(note).get(0);
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the seeded collection

    /** What the recipes work on: decks, notes of several note types, reviewed cards, media, tags, a preset. */
    final class Seed {
        final String deck = "Marks-" + s;
        final String sub = deck + "::Sub";
        final String other = "Marks-" + s + "-Other";
        final String model = "MarksModel-" + s;
        final String media = "_marks-" + s + ".txt";
        final String tag = "tagA-" + s;
        final long preset;
        final long modelId;
        final long[] basic = new long[12];
        final long cloze;
        final long reversed;
        final long custom;
        final long reviewed;
        final long reviewedCard;

        Seed() {
            call("createDeck", o("deck", deck));
            call("createDeck", o("deck", sub));
            call("createDeck", o("deck", other));
            preset = ((JsonNumber) call("cloneDeckConfigId", o("name", "Marks preset " + s, "cloneFrom", 1)))
                    .longValue();
            call("setDeckConfigId", o("decks", a(deck), "configId", preset));
            call("storeMediaFile", o("filename", media, "data", base64("marks media " + s)));
            JsonObject created = call(
                            "createModel",
                            o(
                                    "modelName",
                                    model,
                                    "inOrderFields",
                                    a("F1", "F2", "F3"),
                                    "cardTemplates",
                                    a(
                                            o("Name", "T1", "Front", "{{F1}}", "Back", "{{F2}}"),
                                            o("Name", "T2", "Front", "{{F2}} second", "Back", "{{F1}}")),
                                    "css",
                                    ".card { color: black; }"))
                    .asJsonObject();
            modelId = created.getJsonNumber("id").longValue();
            for (int i = 0; i < basic.length; i++) {
                basic[i] = note(
                        deck,
                        "Basic",
                        "Front",
                        "front " + i + " " + s,
                        "Back",
                        "back " + i + " <img src=\"" + media + "\">");
            }
            cloze = note(sub, "Cloze", "Text", "{{c1::alpha}} and {{c2::beta}} " + s, "Back Extra", "extra");
            reversed = note(deck, "Basic (and reversed card)", "Front", "rev " + s, "Back", "erse");
            custom = note(deck, model, "F1", "one " + s, "F2", "two", "F3", "three");
            reviewed = note(deck, "Basic", "Front", "reviewed " + s, "Back", "r");
            reviewedCard = card(reviewed);
            call(
                    "answerCards",
                    o(
                            "answers",
                            a(
                                    o("cardId", reviewedCard, "ease", 3),
                                    o("cardId", card(basic[3]), "ease", 3),
                                    o("cardId", card(basic[4]), "ease", 1))));
            call("setDueDate", o("cards", a(card(basic[4])), "days", "1!"));
        }
    }

    // ---------------------------------------------------------------- the recipes

    /** One or more recipes per registered action, in the order they run. */
    List<Recipe> recipes(Seed d) {
        List<Recipe> r = new ArrayList<>();
        // Cards
        r.add(read("getEaseFactors", () -> o("cards", a(d.reviewedCard))));
        r.add(write("setEaseFactors", () -> o("cards", a(d.reviewedCard), "easeFactors", a(2130))));
        r.add(write("setSpecificValueOfCard", () -> o("card", d.reviewedCard, "keys", a("flags"), "newValues", a(3))));
        r.add(write("suspend", () -> o("cards", a(card(d.basic[0])))));
        r.add(read("suspended", () -> o("card", card(d.basic[0]))));
        r.add(read("areSuspended", () -> o("cards", a(card(d.basic[0]), card(d.basic[1])))));
        r.add(write("unsuspend", () -> o("cards", a(card(d.basic[0])))));
        r.add(read("areDue", () -> o("cards", a(d.reviewedCard, card(d.basic[1])))));
        r.add(read("getIntervals", () -> o("cards", a(d.reviewedCard), "complete", true)));
        r.add(read("findCards", () -> o("query", "deck:\"" + d.deck + "\" is:new")));
        r.add(read("cardsToNotes", () -> o("cards", a(d.reviewedCard, card(d.cloze)))));
        r.add(read("cardsModTime", () -> o("cards", a(d.reviewedCard))));
        r.add(read(
                "cardsInfo",
                () -> o(
                        "cards",
                        List.of(cardsOf(d.cloze).get(0), cardsOf(d.cloze).get(1), d.reviewedCard))));
        r.add(write("forgetCards", () -> o("cards", a(card(d.basic[3])))));
        r.add(write("relearnCards", () -> o("cards", a(card(d.basic[4])))));
        r.add(write("answerCards", () -> o("answers", a(o("cardId", card(d.basic[5]), "ease", 3)))));
        r.add(write("setDueDate", () -> o("cards", a(card(d.basic[6])), "days", "3")));
        // Decks
        r.add(read("deckNames", () -> o()));
        r.add(read("deckNamesAndIds", () -> o()));
        r.add(read("getDecks", () -> o("cards", a(d.reviewedCard, card(d.cloze)))));
        r.add(write("createDeck", () -> o("deck", d.deck + "::Created")));
        r.add(write("changeDeck", () -> o("cards", a(card(d.basic[7])), "deck", d.other)));
        r.add(write("deleteDecks", () -> {
            String doomed = "Marks-" + s + "-Doomed";
            call("createDeck", o("deck", doomed));
            note(doomed, "Basic", "Front", "doomed " + s, "Back", "x");
            return o("decks", a(doomed), "cardsToo", true);
        }));
        r.add(read("getDeckConfig", () -> o("deck", d.deck)));
        r.add(write("saveDeckConfig", () -> {
            JsonObject config = call("getDeckConfig", o("deck", d.deck)).asJsonObject();
            JsonObject nw = config.getJsonObject("new");
            return o(
                    "config",
                    Json.createObjectBuilder(config)
                            .add("new", Json.createObjectBuilder(nw).add("perDay", nw.getInt("perDay") + 7))
                            .build());
        }));
        r.add(write("setDeckConfigId", () -> o("decks", a(d.other), "configId", d.preset)));
        r.add(write("cloneDeckConfigId", () -> o("name", "Marks clone " + s, "cloneFrom", d.preset)));
        r.add(write(
                "removeDeckConfigId",
                () -> o("configId", call("cloneDeckConfigId", o("name", "Marks doomed preset " + s)))));
        r.add(read("getDeckStats", () -> o("decks", a(d.deck, d.sub))));
        r.add(creates("getDeckStats", () -> o("decks", a(d.deck, "Marks-" + s + "-StatsNew"))));
        r.add(read(
                "deckNameFromId",
                () -> o("deckId", call("deckNamesAndIds", o()).asJsonObject().get(d.sub))));
        // Media
        r.add(write(
                "storeMediaFile", () -> o("filename", "_marks-stored-" + s + ".txt", "data", base64("stored " + s))));
        r.add(read("retrieveMediaFile", () -> o("filename", d.media)));
        r.add(read("getMediaFilesNames", () -> o("pattern", "_marks-*")));
        r.add(write("deleteMediaFile", () -> {
            String name = "_marks-doomed-" + s + ".txt";
            call("storeMediaFile", o("filename", name, "data", base64("doomed")));
            return o("filename", name);
        }));
        r.add(read("getMediaDirPath", () -> o()));
        // Misc and profiles
        r.add(read("version", () -> o()));
        r.add(read("requestPermission", () -> o()));
        r.add(read("apiReflect", () -> o("scopes", a("actions"), "actions", a("version", "deckNames", "nope"))));
        r.add(read("reloadCollection", () -> o()));
        r.add(new Recipe("sync", "", Kind.FAILS, 0, () -> o()));
        r.add(read("getProfiles", () -> o()));
        r.add(read("getActiveProfile", () -> o()));
        r.add(new Recipe("loadProfile", "the active one", Kind.SERVER_STATE, 0, () -> o("name", profile)));
        r.add(new Recipe(
                "multi",
                "of reads",
                Kind.READ,
                0,
                () -> o(
                        "actions",
                        a(
                                o("action", "deckNames"),
                                o("action", "findNotes", "params", o("query", "tag:" + d.tag)),
                                o("action", "cardReviews", "params", o("deck", d.deck, "startID", 0)),
                                o("action", "getDeckStats", "params", o("decks", a(d.deck))),
                                o("action", "version", "version", 6)))));
        r.add(new Recipe(
                "multi",
                "with two writes among reads",
                Kind.DELEGATES,
                2,
                () -> o(
                        "actions",
                        a(
                                o("action", "deckNames"),
                                o("action", "addTags", "params", o("notes", a(d.basic[8]), "tags", "multi-" + s)),
                                o("action", "findNotes", "params", o("query", "tag:multi-" + s)),
                                o(
                                        "action",
                                        "updateNoteFields",
                                        "params",
                                        o("note", o("id", d.basic[8], "fields", o("Back", "multi " + s)))),
                                o("action", "getTags")))));
        r.add(new Recipe(
                "multi",
                "of reads, one of which creates a deck",
                Kind.DELEGATES,
                1,
                () -> o(
                        "actions",
                        a(
                                o("action", "deckNames"),
                                o("action", "getDeckStats", "params", o("decks", a("Marks-" + s + "-MultiNew"))),
                                o("action", "version")))));
        // Packages
        r.add(read("exportPackage", () -> o("deck", d.deck, "path", "marks-" + s + ".apkg", "includeSched", true)));
        r.add(write("importPackage", () -> {
            String deck = "Marks-" + s + "-Pkg";
            call("createDeck", o("deck", deck));
            long n = note(deck, "Basic", "Front", "packaged " + s, "Back", "p");
            call("exportPackage", o("deck", deck, "path", "marks-pkg-" + s + ".apkg"));
            call("deleteNotes", o("notes", a(n)));
            return o("path", "marks-pkg-" + s + ".apkg");
        }));
        // Note types
        r.add(read("modelNames", () -> o()));
        r.add(read("modelNamesAndIds", () -> o()));
        r.add(read("findModelsById", () -> o("modelIds", a(d.modelId))));
        r.add(read("findModelsByName", () -> o("modelNames", a(d.model, "Cloze"))));
        r.add(read("modelNameFromId", () -> o("modelId", d.modelId)));
        r.add(read("modelFieldNames", () -> o("modelName", d.model)));
        r.add(read("modelFieldDescriptions", () -> o("modelName", d.model)));
        r.add(read("modelFieldFonts", () -> o("modelName", d.model)));
        r.add(read("modelFieldsOnTemplates", () -> o("modelName", d.model)));
        r.add(read("modelTemplates", () -> o("modelName", d.model)));
        r.add(read("modelStyling", () -> o("modelName", d.model)));
        r.add(write(
                "createModel",
                () -> o(
                        "modelName",
                        "MarksNew-" + s,
                        "inOrderFields",
                        a("A", "B"),
                        "cardTemplates",
                        a(o("Front", "{{A}}", "Back", "{{B}}")))));
        r.add(write(
                "updateModelTemplates",
                () -> o(
                        "model",
                        o(
                                "name",
                                d.model,
                                "templates",
                                o("T1", o("Front", "{{F1}} updated", "Back", "{{F2}} updated"))))));
        r.add(write("updateModelStyling", () -> o("model", o("name", d.model, "css", ".card { color: navy; }"))));
        r.add(write(
                "findAndReplaceInModels",
                () -> o(
                        "modelName",
                        d.model,
                        "findText",
                        "navy",
                        "replaceText",
                        "teal",
                        "front",
                        true,
                        "back",
                        true,
                        "css",
                        true)));
        r.add(write(
                "modelTemplateRename",
                () -> o("modelName", d.model, "oldTemplateName", "T2", "newTemplateName", "T2r")));
        r.add(write("modelTemplateReposition", () -> o("modelName", d.model, "templateName", "T2r", "index", 0)));
        r.add(write(
                "modelTemplateAdd",
                () -> o("modelName", d.model, "template", o("Name", "T3", "Front", "{{F3}}", "Back", "{{F1}}"))));
        r.add(write("modelTemplateRemove", () -> o("modelName", d.model, "templateName", "T3")));
        r.add(write("modelFieldRename", () -> o("modelName", d.model, "oldFieldName", "F3", "newFieldName", "F3r")));
        r.add(write("modelFieldReposition", () -> o("modelName", d.model, "fieldName", "F3r", "index", 0)));
        r.add(write("modelFieldAdd", () -> o("modelName", d.model, "fieldName", "F4", "index", 1)));
        r.add(write("modelFieldRemove", () -> o("modelName", d.model, "fieldName", "F4")));
        r.add(write("modelFieldSetFont", () -> o("modelName", d.model, "fieldName", "F1", "font", "Courier")));
        r.add(write("modelFieldSetFontSize", () -> o("modelName", d.model, "fieldName", "F1", "fontSize", 31)));
        r.add(write(
                "modelFieldSetDescription", () -> o("modelName", d.model, "fieldName", "F1", "description", "first")));
        // Notes and tags
        r.add(write(
                "addNote",
                () -> o("note", note(d.deck, "Basic", List.of("added"), "Front", "added " + s, "Back", "a"))));
        r.add(write(
                "addNotes",
                () -> o(
                        "notes",
                        a(
                                note(d.deck, "Cloze", List.of(), "Text", "{{c1::many}} " + s),
                                note(d.other, "Basic", List.of(), "Front", "many " + s, "Back", "m")))));
        JsonObject candidate = note(d.deck, "Basic", List.of(), "Front", "front 1 " + s, "Back", "dup?");
        JsonObject fresh = note(d.deck, "Basic", List.of(), "Front", "never added " + s, "Back", "n");
        r.add(read("canAddNotes", () -> o("notes", a(candidate, fresh))));
        r.add(read("canAddNote", () -> o("note", fresh)));
        r.add(read("canAddNotesWithErrorDetail", () -> o("notes", a(candidate, fresh))));
        r.add(read("canAddNoteWithErrorDetail", () -> o("note", candidate)));
        r.add(write("updateNoteFields", () -> o("note", o("id", d.basic[1], "fields", o("Back", "updated " + s)))));
        r.add(write(
                "updateNote",
                () -> o(
                        "note",
                        o(
                                "id",
                                d.basic[2],
                                "fields",
                                o("Front", "updated front " + s),
                                "tags",
                                a("marks", "updated")))));
        r.add(write(
                "updateNoteModel",
                () -> o(
                        "note",
                        o(
                                "id",
                                d.basic[9],
                                "modelName",
                                "Basic (and reversed card)",
                                "fields",
                                o("Front", "moved " + s, "Back", "m"),
                                "tags",
                                a("moved")))));
        r.add(write("updateNoteTags", () -> o("note", d.basic[10], "tags", a("marks", "retagged-" + s))));
        r.add(read("getNoteTags", () -> o("note", d.basic[10])));
        r.add(write("addTags", () -> o("notes", a(d.basic[11]), "tags", "added-" + s)));
        r.add(write("removeTags", () -> o("notes", a(d.basic[11]), "tags", "added-" + s)));
        r.add(read("getTags", () -> o()));
        r.add(write(
                "replaceTags",
                () -> o("notes", a(d.basic[11]), "tag_to_replace", d.tag, "replace_with_tag", "tagB-" + s)));
        r.add(write("replaceTagsInAllNotes", () -> o("tag_to_replace", d.tag, "replace_with_tag", "tagC-" + s)));
        r.add(write("clearUnusedTags", () -> o()));
        r.add(read("findNotes", () -> o("query", "deck:\"" + d.deck + "\" tag:marks")));
        r.add(read("notesInfo", () -> o("notes", a(d.cloze, d.custom, d.reversed))));
        r.add(read("notesInfo", "by query", () -> o("query", "\"deck:" + d.deck + "\"")));
        r.add(read("notesModTime", () -> o("notes", a(d.cloze))));
        r.add(write("deleteNotes", () -> o("notes", a(d.basic[0]))));
        // Reviews and statistics
        r.add(read("cardReviews", () -> o("deck", d.deck, "startID", 0)));
        r.add(creates("cardReviews", () -> o("deck", "Marks-" + s + "-ReviewsNew", "startID", 0)));
        r.add(read("getLatestReviewID", () -> o("deck", d.deck)));
        r.add(creates("getLatestReviewID", () -> o("deck", "Marks-" + s + "-LatestNew")));
        r.add(read("getReviewsOfCards", () -> o("cards", a(d.reviewedCard, card(d.basic[3])))));
        r.add(write(
                "insertReviews",
                () -> o(
                        "reviews",
                        a(a(System.currentTimeMillis() + 17, d.reviewedCard, -1, 3, 4, -60, 2500, 6157, 1)))));
        r.add(read("getNumCardsReviewedToday", () -> o()));
        r.add(read("getNumCardsReviewedByDay", () -> o()));
        r.add(read("getCollectionStatsHTML", () -> o("wholeCollection", true)));
        // Check Database: a read unless it repairs something. A tag left registered after its last note lost it
        // is a repair (the tag list is rebuilt from the notes), kept and counted through Tx.keepWrites; then the
        // collection is healthy and a second check changes nothing.
        r.add(new Recipe("guiCheckDatabase", "a registered tag no note uses", Kind.CREATES, 1, () -> {
            call("addTags", o("notes", a(d.basic[11]), "tags", "unused-" + s));
            call("removeTags", o("notes", a(d.basic[11]), "tags", "unused-" + s));
            return o();
        }));
        r.add(read("guiCheckDatabase", "a healthy collection", () -> o()));
        // The reviewer's window: moves change the profile's window row, not the collection (gen stays); answering
        // through it is a collection write.
        r.add(window("guiDeckBrowser", () -> o()));
        r.add(window("guiDeckOverview", () -> o("name", d.deck.toUpperCase(java.util.Locale.ROOT))));
        r.add(window("guiDeckReview", () -> o("name", d.deck)));
        r.add(read("guiReviewActive", () -> o()));
        r.add(read("guiState", () -> o()));
        r.add(read("guiCurrentCard", () -> o()));
        r.add(window("guiShowQuestion", () -> o()));
        r.add(window("guiStartCardTimer", () -> o()));
        r.add(window("guiShowAnswer", () -> o()));
        r.add(window("guiPlayAudio", () -> o()));
        r.add(write("guiAnswerCard", () -> o("ease", 3)));
        r.add(new Recipe("guiUndo", "the answer just given", Kind.CREATES, 1, () -> o()));
        r.add(read("guiUndo", "nothing to undo", () -> o()));
        r.add(read("guiSelectedNotes", () -> o()));
        r.add(window(
                "guiBrowse",
                () -> o(
                        "query",
                        "deck:\"" + d.deck + "\"",
                        "reorderCards",
                        o("order", "descending", "columnId", "noteCrt"))));
        r.add(window("guiSelectCard", () -> o("card", d.reviewedCard)));
        r.add(window("guiSelectNote", () -> o("note", card(d.basic[1]))));
        // The study UI's close button: a window move while the browser is open, a read once it is closed.
        r.add(window("guiCloseWindow", () -> o("window", "browser")));
        r.add(read("guiCloseWindow", "a closed browser", () -> o("window", "browser")));
        // The Add and Edit dialogs: moves of the profile's dialogs row, not the collection; media a note brings is
        // stored as addNote stores it, a write made and counted inside the read (Tx.keepWrites).
        r.add(read("guiAddNoteSetData", "the Add dialog closed", () -> o("note", o("tags", "x"))));
        r.add(new Recipe(
                "guiAddCards",
                "a note",
                Kind.WINDOW,
                0,
                () -> o("note", o("deckName", d.deck, "modelName", "Basic", "fields", o("Front", "draft " + s)))));
        r.add(new Recipe(
                "guiAddNoteSetData",
                "the Add dialog open",
                Kind.WINDOW,
                0,
                () -> o("note", o("fields", o("Back", "more")), "append", true)));
        r.add(new Recipe(
                "guiAddCards",
                "a note with media",
                Kind.CREATES,
                1,
                () -> o(
                        "note",
                        o(
                                "deckName",
                                d.deck,
                                "modelName",
                                "Basic",
                                "picture",
                                o(
                                        "filename",
                                        "_marks-dialog-" + s + ".txt",
                                        "data",
                                        base64("dialog " + s),
                                        "fields",
                                        a("Back"))))));
        r.add(new Recipe("guiCloseWindow", "the Add dialog", Kind.WINDOW, 0, () -> o("window", "addCards")));
        r.add(window("guiEditNote", () -> o("note", d.basic[2])));
        r.add(new Recipe("guiCloseWindow", "the Edit dialog", Kind.WINDOW, 0, () -> o("window", "editNote")));
        // Last: deletes every note type without notes (the one createModel made, unused stock ones).
        r.add(write("removeEmptyNotes", () -> o()));
        return r;
    }

    static Recipe read(String action, Supplier<JsonObject> params) {
        return new Recipe(action, "", Kind.READ, 0, params);
    }

    static Recipe read(String action, String label, Supplier<JsonObject> params) {
        return new Recipe(action, label, Kind.READ, 0, params);
    }

    static Recipe write(String action, Supplier<JsonObject> params) {
        return new Recipe(action, "", Kind.WRITE, 1, params);
    }

    static Recipe window(String action, Supplier<JsonObject> params) {
        return new Recipe(action, "", Kind.WINDOW, 0, params);
    }

    static Recipe creates(String action, Supplier<JsonObject> params) {
        return new Recipe(action, "an unknown deck", Kind.CREATES, 1, params);
    }

    // ---------------------------------------------------------------- the test

    @Test
    void everyRegisteredActionKeepsItsMark() {
        Seed seed = new Seed();
        List<Recipe> recipes = recipes(seed);
        List<String> problems = new ArrayList<>();

        JsonObject reflected = call("apiReflect", o("scopes", a("actions"))).asJsonObject();
        Set<String> registered = new TreeSet<>();
        reflected.getJsonArray("actions").forEach(v -> registered.add(((JsonString) v).getString()));
        Set<String> covered = new LinkedHashSet<>();
        recipes.forEach(r -> covered.add(r.action()));
        for (String name : registered) {
            if (!covered.contains(name)) {
                problems.add(name + ": registered but has no recipe in " + ActionMarksIT.class.getSimpleName()
                        + " (add one: valid parameters, and whether it reads or writes)");
            }
        }
        for (String name : covered) {
            if (!registered.contains(name)) {
                problems.add(name + ": has a recipe but the server does not register it");
            }
        }

        for (Recipe r : recipes) {
            String what = r.action() + (r.label().isEmpty() ? "" : " (" + r.label() + ")");
            JsonObject params;
            try {
                params = r.params().get();
            } catch (AssertionError | RuntimeException e) {
                problems.add(what + ": preparing its parameters failed: " + e.getMessage());
                continue;
            }
            State before = state();
            JsonObject reply = AnkiClient.parse(client.post(o("action", r.action(), "version", 6, "params", params)
                                    .toString())
                            .body())
                    .asJsonObject();
            State after = state();
            String error = reply.isNull("error") ? null : reply.getString("error");
            Set<String> tables = changed(before, after);
            long moved = after.gen() - before.gen();
            boolean readOnly = after.readOnly().getBoolean(r.action(), false);
            String seen = " (tables changed: " + tables + ", gen " + before.gen() + " -> " + after.gen() + ", marked "
                    + (readOnly ? "@ReadOnly" : "as a write") + ")";

            if (r.kind() == Kind.FAILS) {
                if (error == null) {
                    problems.add(what + ": expected its error, got the result " + reply.get("result"));
                }
            } else if (error != null) {
                problems.add(what + ": answered the error \"" + error + "\" to a valid recipe" + seen);
            }
            // The rule of the write counter, for every action and every outcome.
            if (!tables.isEmpty() && moved == 0) {
                problems.add(what + ": changed data but did not move gen: searches would not see it" + seen);
            }
            if (tables.isEmpty() && moved != 0) {
                problems.add(
                        what + ": changed nothing but moved gen: every search after it re-reads the collection" + seen);
            }
            switch (r.kind()) {
                case READ, FAILS, SERVER_STATE -> {
                    if (!tables.isEmpty()) {
                        problems.add(what + ": a read that changed data" + seen);
                    }
                    if (r.kind() != Kind.SERVER_STATE && !readOnly) {
                        problems.add(what + ": changes nothing but is not marked @ReadOnly" + seen);
                    }
                    // PostgreSQL only: transaction ids show writes that were rolled back (the probe takes one itself).
                    if (before.xid() != null && after.xid() - before.xid() > 1) {
                        problems.add(
                                what + ": wrote or locked rows and was rolled back (" + (after.xid() - before.xid() - 1)
                                        + " transaction(s) took an id): a @ReadOnly action's writes are lost; a bug, or a read "
                                        + "that must write and call Tx.keepWrites" + seen);
                    }
                }
                case WINDOW -> {
                    if (!tables.isEmpty()) {
                        problems.add(what + ": a window move that changed collection data" + seen);
                    }
                    if (!readOnly) {
                        problems.add(what + ": a window move must be marked @ReadOnly (Tx.keepWindow)" + seen);
                    }
                    if (String.valueOf(before.window()).equals(String.valueOf(after.window()))) {
                        problems.add(
                                what + ": its recipe must move the window, but the window row did not change" + seen);
                    }
                }
                case WRITE, CREATES, DELEGATES -> {
                    if (tables.isEmpty()) {
                        problems.add(what + ": its recipe must make a real change, but nothing changed" + seen);
                    } else if (moved != r.counts()) {
                        problems.add(what + ": gen should move by " + r.counts() + seen);
                    }
                    if (r.kind() == Kind.WRITE && readOnly) {
                        problems.add(what + ": writes but is marked @ReadOnly" + seen);
                    }
                    if (r.kind() != Kind.WRITE && !readOnly) {
                        problems.add(what + ": should be marked @ReadOnly (its writes are kept by Tx.keepWrites or "
                                + "by its sub-actions)" + seen);
                    }
                }
                default -> throw new IllegalStateException(r.kind().toString());
            }
            if (r.kind() == Kind.DELEGATES && error == null) {
                for (JsonValue sub : reply.getJsonArray("result")) {
                    if (sub instanceof JsonObject so && so.containsKey("error") && !so.isNull("error")) {
                        problems.add(what + ": a sub-action failed: " + so);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) with the actions' marks:\n  " + String.join("\n  ", problems));
        }
    }

    /** The probe sees every table it should: the collection's tables, and the profile's row without gen. */
    @Test
    void theProbeCoversTheCollection() {
        State st = state();
        for (String t : List.of(
                "profiles",
                "col_config",
                "decks",
                "deck_configs",
                "notetypes",
                "notes",
                "cards",
                "revlog",
                "tags",
                "media",
                "users",
                "api_keys")) {
            if (!st.tables().containsKey(t)) {
                fail("the probe does not digest " + t + ": " + st.tables().keySet());
            }
        }
        // a fresh collection has its Default deck, its preset and the stock note types
        for (String t : List.of("profiles", "decks", "deck_configs", "notetypes", "col_config")) {
            if (st.tables().getJsonObject(t).getInt("rows") == 0) {
                fail(t + " has no rows for profile " + profile + ": the probe scopes it wrongly");
            }
        }
    }
}
