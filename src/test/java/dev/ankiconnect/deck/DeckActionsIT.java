package dev.ankiconnect.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deck actions over HTTP; every test works on decks and presets of its own. */
@ExtendWith(ArquillianExtension.class)
class DeckActionsIT {

    static final String CARDS_TOO =
            "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well";

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("decks");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    static JsonObject j(String json) {
        return AnkiClient.parse(json.replace('\'', '"')).asJsonObject();
    }

    long createDeck(String name) {
        return num(client.call(
                "createDeck", Json.createObjectBuilder().add("deck", name).build()));
    }

    static long num(JsonValue v) {
        return ((jakarta.json.JsonNumber) v).longValueExact();
    }

    List<String> deckNamesStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        client.call("deckNames").asJsonArray().forEach(v -> {
            String n = ((jakarta.json.JsonString) v).getString();
            if (n.startsWith(prefix)) {
                out.add(n);
            }
        });
        return out;
    }

    @Test
    void createDeck_createsMissingParentsAndReturnsTheExistingIdAgain() {
        long id = createDeck("Create::Child");
        JsonObject ids = client.call("deckNamesAndIds").asJsonObject();
        assertEquals(id, ids.getJsonNumber("Create::Child").longValue());
        assertTrue(ids.containsKey("Create"));
        assertEquals(id, createDeck("Create::Child"));
        assertEquals(id, createDeck("create::CHILD"));
        assertEquals(List.of("Create", "Create::Child"), deckNamesStartingWith("Create"));
    }

    @Test
    void createDeck_normalisesLevelsLikeAnki() {
        createDeck("  Norm :: ::Leaf  ");
        assertEquals(List.of("Norm", "Norm::blank", "Norm::blank::Leaf"), deckNamesStartingWith("Norm"));
    }

    @Test
    void deckNames_sortsByNativeNameSoChildrenComeBeforeSpacedSiblings() {
        createDeck("Srt A");
        createDeck("Srt::B");
        createDeck("srt-c");
        assertEquals(List.of("Srt", "Srt::B", "Srt A", "srt-c"), filter(client.call("deckNames"), "srt"));
    }

    private static List<String> filter(JsonValue names, String lowerPrefix) {
        List<String> out = new ArrayList<>();
        names.asJsonArray().forEach(v -> {
            String n = ((jakarta.json.JsonString) v).getString();
            if (n.toLowerCase().startsWith(lowerPrefix)) {
                out.add(n);
            }
        });
        return out;
    }

    @Test
    void deckNamesAndIds_mapsNamesToIds() {
        long id = createDeck("NamesAndIds");
        assertEquals(
                id,
                client.call("deckNamesAndIds")
                        .asJsonObject()
                        .getJsonNumber("NamesAndIds")
                        .longValue());
        assertEquals(1, client.call("deckNamesAndIds").asJsonObject().getInt("Default"));
    }

    @Test
    void deleteDecks_requiresCardsTooTrue() {
        createDeck("KeepMe");
        assertEquals(CARDS_TOO, client.error("deleteDecks", j("{'decks': ['KeepMe']}")));
        assertEquals(CARDS_TOO, client.error("deleteDecks", j("{'decks': ['KeepMe'], 'cardsToo': false}")));
        assertEquals(List.of("KeepMe"), deckNamesStartingWith("KeepMe"));
    }

    @Test
    void deleteDecks_removesChildrenAndSkipsUnknownNames() {
        createDeck("Del::A::B");
        createDeck("DelOther");
        assertEquals(
                JsonValue.NULL,
                client.call("deleteDecks", j("{'decks': ['Del', 'Del::A', 'No such deck'], 'cardsToo': true}")));
        assertEquals(List.of("DelOther"), deckNamesStartingWith("Del"));
    }

    @Test
    void deleteDecks_matchesNamesExactly() {
        createDeck("CaseDel");
        client.call("deleteDecks", j("{'decks': ['casedel'], 'cardsToo': true}"));
        assertEquals(List.of("CaseDel"), deckNamesStartingWith("CaseDel"));
    }

    @Test
    void deleteDecks_readmeExample() {
        createDeck("Japanese::JLPT N5");
        createDeck("Easy Spanish");
        JsonObject reply = client.json(("{'action': 'deleteDecks', 'version': 6, 'params': {'decks': "
                                + "['Japanese::JLPT N5', 'Easy Spanish'], 'cardsToo': true}}")
                        .replace('\'', '"'))
                .asJsonObject();
        assertEquals(j("{'result': null, 'error': null}"), reply);
        assertFalse(deckNamesStartingWith("Japanese::JLPT N5").contains("Japanese::JLPT N5"));
        assertEquals(List.of(), deckNamesStartingWith("Easy Spanish"));
    }

    @Test
    void getDeckConfig_ofDefault_isTheFullDefaultPreset() {
        JsonObject config =
                client.call("getDeckConfig", j("{'deck': 'Default'}")).asJsonObject();
        assertEquals(1, config.getInt("id"));
        assertEquals("Default", config.getString("name"));
        assertEquals(
                j("{'bury': false, 'delays': [1.0, 10.0], 'initialFactor': 2500, 'ints': [1, 4, 0], 'order': 1, "
                        + "'perDay': 20}"),
                config.getJsonObject("new"));
        assertEquals(
                j("{'bury': false, 'ease4': 1.3, 'ivlFct': 1.0, 'maxIvl': 36500, 'perDay': 200, 'hardFactor': 1.2}"),
                config.getJsonObject("rev"));
        assertEquals(
                j("{'delays': [10.0], 'leechAction': 1, 'leechFails': 8, 'minInt': 1, 'mult': 0.0}"),
                config.getJsonObject("lapse"));
        for (String key : List.of(
                "mod",
                "usn",
                "maxTaken",
                "autoplay",
                "timer",
                "replayq",
                "dyn",
                "newMix",
                "newPerDayMinimum",
                "interdayLearningMix",
                "reviewOrder",
                "newSortOrder",
                "newGatherPriority",
                "buryInterdayLearning",
                "fsrsWeights",
                "fsrsParams5",
                "fsrsParams6",
                "desiredRetention",
                "sm2Retention",
                "weightSearch",
                "ignoreRevlogsBeforeDate",
                "easyDaysPercentages",
                "stopTimerOnAnswer",
                "secondsToShowQuestion",
                "secondsToShowAnswer",
                "questionAction",
                "answerAction",
                "waitForAudio")) {
            assertTrue(config.containsKey(key), key);
        }
        assertEquals(JsonValue.FALSE, config.get("dyn"));
        assertEquals(0.9, config.getJsonNumber("desiredRetention").doubleValue());
    }

    @Test
    void getDeckConfig_unknownOrDifferentlyCasedName_isFalse() {
        assertEquals(JsonValue.FALSE, client.call("getDeckConfig", j("{'deck': 'No such deck'}")));
        assertEquals(JsonValue.FALSE, client.call("getDeckConfig", j("{'deck': 'default'}")));
    }

    @Test
    void saveDeckConfig_roundTripsUnchangedAndKeepsEdits() {
        long preset = num(client.call("cloneDeckConfigId", j("{'name': 'RoundTrip'}")));
        createDeck("SaveRT");
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "setDeckConfigId",
                        Json.createObjectBuilder()
                                .add("decks", Json.createArrayBuilder().add("SaveRT"))
                                .add("configId", preset)
                                .build()));
        JsonObject before =
                client.call("getDeckConfig", j("{'deck': 'SaveRT'}")).asJsonObject();
        assertEquals(preset, before.getJsonNumber("id").longValue());
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder().add("config", before).build()));
        JsonObject after = client.call("getDeckConfig", j("{'deck': 'SaveRT'}")).asJsonObject();
        assertEquals(withoutMod(before), withoutMod(after));

        JsonObject edited = Json.createObjectBuilder(after)
                .add("new", Json.createObjectBuilder(after.getJsonObject("new")).add("perDay", 33))
                .add("myAddonKey", "kept")
                .build();
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder().add("config", edited).build()));
        JsonObject reread =
                client.call("getDeckConfig", j("{'deck': 'SaveRT'}")).asJsonObject();
        assertEquals(withoutMod(edited), withoutMod(reread));
    }

    private static JsonObject withoutMod(JsonObject o) {
        return Json.createObjectBuilder(o).remove("mod").build();
    }

    @Test
    void saveDeckConfig_readmeExample_fillsTheMissingKeysWithDefaults() {
        long preset = num(client.call("cloneDeckConfigId", j("{'name': 'Readme'}")));
        JsonObject config = j("{'lapse': {'leechFails': 8, 'delays': [10], 'minInt': 1, 'leechAction': 0, 'mult': 0},"
                + "'dyn': false, 'autoplay': true, 'mod': 1502970872, 'id': " + preset + ", 'maxTaken': 60,"
                + "'new': {'bury': true, 'order': 1, 'initialFactor': 2500, 'perDay': 20, 'delays': [1, 10],"
                + "'separate': true, 'ints': [1, 4, 7]}, 'name': 'Default',"
                + "'rev': {'bury': true, 'ivlFct': 1, 'ease4': 1.3, 'maxIvl': 36500, 'perDay': 100, 'minSpace': 1,"
                + "'fuzz': 0.05}, 'timer': 0, 'replayq': true, 'usn': -1}");
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder().add("config", config).build()));
        createDeck("SaveReadme");
        client.call(
                "setDeckConfigId",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add("SaveReadme"))
                        .add("configId", preset)
                        .build());
        JsonObject saved =
                client.call("getDeckConfig", j("{'deck': 'SaveReadme'}")).asJsonObject();
        assertEquals(
                j("{'bury': true, 'delays': [1.0, 10.0], 'initialFactor': 2500, 'ints': [1, 4, 0], 'order': 1,"
                        + "'perDay': 20, 'separate': true}"),
                saved.getJsonObject("new"));
        assertEquals(
                j("{'bury': true, 'ease4': 1.3, 'ivlFct': 1.0, 'maxIvl': 36500, 'perDay': 100, 'hardFactor': 1.2,"
                        + "'minSpace': 1, 'fuzz': 0.05}"),
                saved.getJsonObject("rev"));
        assertEquals(0, saved.getJsonObject("lapse").getInt("leechAction"));
        assertEquals("Default", saved.getString("name"));
        assertEquals(-1, saved.getInt("usn"));
        assertNotEquals(1502970872, saved.getJsonNumber("mod").longValue());
        assertTrue(saved.containsKey("fsrsWeights"));
    }

    @Test
    void saveDeckConfig_ofTheConfigJustRead_returnsTrue() {
        JsonObject config =
                client.call("getDeckConfig", j("{'deck': 'Default'}")).asJsonObject();
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder().add("config", config).build()));
        assertEquals(
                withoutMod(config),
                withoutMod(
                        client.call("getDeckConfig", j("{'deck': 'Default'}")).asJsonObject()));
    }

    @Test
    void saveDeckConfig_errorsAndRefusals() {
        assertEquals("'id'", client.error("saveDeckConfig", j("{'config': {'name': 'x'}}")));
        assertEquals(
                "invalid literal for int() with base 10: 'abc'",
                client.error("saveDeckConfig", j("{'config': {'id': 'abc'}}")));
        JsonObject config =
                client.call("getDeckConfig", j("{'deck': 'Default'}")).asJsonObject();
        assertEquals(
                JsonValue.FALSE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder()
                                .add("config", Json.createObjectBuilder(config).add("id", 999))
                                .build()));
        assertEquals(
                JsonValue.FALSE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder()
                                .add("config", Json.createObjectBuilder(config).add("maxTaken", "sixty"))
                                .build()));
        assertEquals(
                JsonValue.FALSE,
                client.call(
                        "saveDeckConfig",
                        Json.createObjectBuilder()
                                .add("config", Json.createObjectBuilder(config).remove("name"))
                                .build()));
        assertEquals(
                withoutMod(config),
                withoutMod(
                        client.call("getDeckConfig", j("{'deck': 'Default'}")).asJsonObject()));
    }

    @Test
    void setDeckConfigId_assignsAndFailsForUnknownDecksBeforeChangingAny() {
        long preset = num(client.call("cloneDeckConfigId", j("{'name': 'Assign'}")));
        createDeck("SetA");
        assertEquals(
                JsonValue.FALSE,
                client.call(
                        "setDeckConfigId",
                        Json.createObjectBuilder()
                                .add(
                                        "decks",
                                        Json.createArrayBuilder().add("SetA").add("Unknown deck"))
                                .add("configId", preset)
                                .build()));
        assertEquals(
                1,
                client.call("getDeckConfig", j("{'deck': 'SetA'}"))
                        .asJsonObject()
                        .getInt("id"));
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "setDeckConfigId",
                        Json.createObjectBuilder()
                                .add("decks", Json.createArrayBuilder().add("SetA"))
                                .add("configId", String.valueOf(preset))
                                .build()));
        assertEquals(
                preset,
                client.call("getDeckConfig", j("{'deck': 'SetA'}"))
                        .asJsonObject()
                        .getJsonNumber("id")
                        .longValue());
        assertEquals(
                "invalid literal for int() with base 10: 'x'",
                client.error("setDeckConfigId", j("{'decks': ['SetA'], 'configId': 'x'}")));
    }

    @Test
    void setDeckConfigId_readmeExample() {
        assertEquals(JsonValue.TRUE, client.call("setDeckConfigId", j("{'decks': ['Default'], 'configId': 1}")));
    }

    @Test
    void setDeckConfigId_doesNotCheckThatThePresetExists() {
        createDeck("SetMissing");
        assertEquals(JsonValue.TRUE, client.call("setDeckConfigId", j("{'decks': ['SetMissing'], 'configId': 4242}")));
        // The deck's preset is gone, so Anki falls back to the Default preset.
        assertEquals(
                1,
                client.call("getDeckConfig", j("{'deck': 'SetMissing'}"))
                        .asJsonObject()
                        .getInt("id"));
    }

    @Test
    void cloneDeckConfigId_copiesThePresetUnderANewName() {
        long preset = num(client.call("cloneDeckConfigId", j("{'name': 'Copy of Default', 'cloneFrom': 1}")));
        assertTrue(preset > 1);
        createDeck("CloneUser");
        client.call(
                "setDeckConfigId",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add("CloneUser"))
                        .add("configId", preset)
                        .build());
        JsonObject clone =
                client.call("getDeckConfig", j("{'deck': 'CloneUser'}")).asJsonObject();
        assertEquals("Copy of Default", clone.getString("name"));
        JsonObject original =
                client.call("getDeckConfig", j("{'deck': 'Default'}")).asJsonObject();
        assertEquals(original.getJsonObject("new"), clone.getJsonObject("new"));
        assertEquals(JsonValue.FALSE, client.call("cloneDeckConfigId", j("{'name': 'x', 'cloneFrom': 987654}")));
        assertEquals(
                "invalid literal for int() with base 10: 'one'",
                client.error("cloneDeckConfigId", j("{'name': 'x', 'cloneFrom': 'one'}")));
    }

    @Test
    void removeDeckConfigId_switchesDecksToPreset1AndFailsTheSecondTime() {
        long preset = num(client.call("cloneDeckConfigId", j("{'name': 'ToRemove'}")));
        createDeck("RemoveUser");
        client.call(
                "setDeckConfigId",
                Json.createObjectBuilder()
                        .add("decks", Json.createArrayBuilder().add("RemoveUser"))
                        .add("configId", preset)
                        .build());
        JsonObject params = Json.createObjectBuilder().add("configId", preset).build();
        assertEquals(JsonValue.TRUE, client.call("removeDeckConfigId", params));
        assertEquals(JsonValue.FALSE, client.call("removeDeckConfigId", params));
        assertEquals(
                1,
                client.call("getDeckConfig", j("{'deck': 'RemoveUser'}"))
                        .asJsonObject()
                        .getInt("id"));
    }

    @Test
    void removeDeckConfigId_ofTheDefaultPreset_isRefusedByAnki() {
        assertEquals(
                "Invalid input: can't delete default conf", client.error("removeDeckConfigId", j("{'configId': 1}")));
        assertEquals(
                1,
                client.call("getDeckConfig", j("{'deck': 'Default'}"))
                        .asJsonObject()
                        .getInt("id"));
    }

    @Test
    void getDeckStats_keysByIdInTreeOrderAndCreatesUnknownDecks() {
        long parent = createDeck("Stats");
        long child = createDeck("Stats::Sub");
        JsonObject stats = client.call("getDeckStats", j("{'decks': ['Stats::Sub', 'Stats', 'StatsNew']}"))
                .asJsonObject();
        long created = client.call("deckNamesAndIds")
                .asJsonObject()
                .getJsonNumber("StatsNew")
                .longValue();
        assertEquals(
                List.of(String.valueOf(parent), String.valueOf(child), String.valueOf(created)),
                new ArrayList<>(stats.keySet()));
        assertEquals(
                j("{'deck_id': " + child + ", 'name': 'Sub', 'new_count': 0, 'learn_count': 0, 'review_count': 0,"
                        + "'total_in_deck': 0}"),
                stats.getJsonObject(String.valueOf(child)));
        assertEquals("StatsNew", stats.getJsonObject(String.valueOf(created)).getString("name"));
    }

    @Test
    void getDeckStats_ofDefault_hasNameDefault() {
        JsonObject stats =
                client.call("getDeckStats", j("{'decks': ['Default']}")).asJsonObject();
        assertEquals("Default", stats.getJsonObject("1").getString("name"));
    }

    @Test
    void deckNameFromId_fallsBackToDefault() {
        long id = createDeck("FromId::Leaf");
        assertEquals(
                "FromId::Leaf",
                ((jakarta.json.JsonString) client.call(
                                "deckNameFromId",
                                Json.createObjectBuilder().add("deckId", id).build()))
                        .getString());
        assertEquals(
                "\"Default\"", client.call("deckNameFromId", j("{'deckId': 1}")).toString());
        assertEquals(
                "\"Default\"",
                client.call("deckNameFromId", j("{'deckId': 123456789}")).toString());
    }

    @Test
    void getDecks_listsUnknownCardsUnderDefault() {
        assertEquals(
                j("{'Default': [1502298036657, 1502032366472]}"),
                client.call("getDecks", j("{'cards': [1502298036657, 1502032366472]}")));
        assertEquals(j("{}"), client.call("getDecks", j("{'cards': []}")));
    }

    @Test
    void changeDeck_createsTheTargetDeck() {
        assertEquals(JsonValue.NULL, client.call("changeDeck", j("{'cards': [1502098034045], 'deck': 'Moved::Here'}")));
        assertEquals(List.of("Moved", "Moved::Here"), deckNamesStartingWith("Moved"));
    }
}
