package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Imported packages as the note and card actions see them: findNotes, notesInfo, cardsInfo, addNote after. */
@ExtendWith(ArquillianExtension.class)
class PackageApiViewIT {

    static final Path DIR = PackageFixtures.newDir("packageview");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("packageview", Map.of("packageDir", DIR.toString()));
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    private static List<Long> longs(JsonValue v) {
        List<Long> out = new ArrayList<>();
        v.asJsonArray().forEach(x -> out.add(((jakarta.json.JsonNumber) x).longValue()));
        return out;
    }

    private void checkNotesAndCards(String fixture, String deck) {
        AnkiPackage source = PackageFixtures.read(DIR.resolve(fixture));
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "importPackage",
                        Json.createObjectBuilder().add("path", fixture).build()));
        List<Long> found = longs(client.call(
                "findNotes",
                Json.createObjectBuilder().add("query", "\"deck:" + deck + "\"").build()));
        TreeSet<Long> expectedIds = new TreeSet<>();
        source.notes().forEach(n -> expectedIds.add(n.id()));
        assertEquals(expectedIds, new TreeSet<>(found));

        var ids = Json.createArrayBuilder();
        source.notes().forEach(n -> ids.add(n.id()));
        JsonArray infos = client.call(
                        "notesInfo",
                        Json.createObjectBuilder().add("notes", ids).build())
                .asJsonArray();
        Map<Long, JsonObject> byId = new HashMap<>();
        infos.forEach(v -> byId.put(v.asJsonObject().getJsonNumber("noteId").longValue(), v.asJsonObject()));
        for (ApkgNote n : source.notes()) {
            JsonObject info = byId.get(n.id());
            JsonObject model = source.notetypes().get(n.mid());
            assertTrue(info.getString("modelName").startsWith(model.getString("name")), info.getString("modelName"));
            JsonArray flds = model.getJsonArray("flds");
            for (int i = 0; i < flds.size(); i++) {
                String name = flds.getJsonObject(i).getString("name");
                JsonObject f = info.getJsonObject("fields").getJsonObject(name);
                assertEquals(n.fields().get(i), f.getString("value"), n.guid() + " " + name);
                assertEquals(i, f.getInt("order"));
            }
            List<String> tags = new ArrayList<>();
            info.getJsonArray("tags").forEach(t -> tags.add(((jakarta.json.JsonString) t).getString()));
            assertEquals(new TreeSet<>(n.tagList()), new TreeSet<>(tags));
        }

        var cids = Json.createArrayBuilder();
        source.cards().forEach(c -> cids.add(c.id()));
        JsonArray cards = client.call(
                        "cardsInfo",
                        Json.createObjectBuilder().add("cards", cids).build())
                .asJsonArray();
        Map<Long, JsonObject> cardById = new HashMap<>();
        cards.forEach(v -> cardById.put(v.asJsonObject().getJsonNumber("cardId").longValue(), v.asJsonObject()));
        for (ApkgCard c : source.cards()) {
            JsonObject info = cardById.get(c.id());
            assertEquals(c.nid(), info.getJsonNumber("note").longValue());
            assertEquals(c.ord(), info.getInt("ord"));
            assertEquals(
                    List.of(c.type(), c.queue(), c.ivl(), c.factor(), c.reps(), c.lapses()),
                    List.of(
                            info.getInt("type"),
                            info.getInt("queue"),
                            info.getInt("interval"),
                            info.getInt("factor"),
                            info.getInt("reps"),
                            info.getInt("lapses")),
                    "card " + c.id());
            long home = c.odid() != 0 ? c.odid() : c.did();
            String deckName = source.decks().get(c.did()).getString("name");
            assertEquals(deckName, info.getString("deckName"), "card " + c.id() + " home " + home);
        }
    }

    @Test
    void anki21PackageWithFsrsData() {
        checkNotesAndCards("srs-converter-mixed-legacy-2.apkg", "Test - Mixed Types");
    }

    @Test
    void legacyPackageWithFilteredDecks() {
        checkNotesAndCards("ankidroid-templates.apkg", "1-TEMPLATES");
    }

    @Test
    void latestFormatPackage_thenANewNoteComesAfterTheImportedPositions() {
        checkNotesAndCards("anki-pwa-music-intervals.apkg", "Music Intervals");
        AnkiPackage source = PackageFixtures.read(DIR.resolve("anki-pwa-music-intervals.apkg"));
        long maxDue = source.cards().stream().mapToLong(ApkgCard::due).max().orElse(0);
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", "Default")
                .add("modelName", "Basic")
                .add(
                        "fields",
                        Json.createObjectBuilder().add("Front", "after import").add("Back", "b"))
                .build();
        long nid = ((jakarta.json.JsonNumber) client.call(
                        "addNote", Json.createObjectBuilder().add("note", note).build()))
                .longValue();
        List<Long> cids = longs(client.call(
                "findCards",
                Json.createObjectBuilder().add("query", "nid:" + nid).build()));
        JsonObject card = client.call(
                        "cardsInfo",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(cids.get(0)))
                                .build())
                .asJsonArray()
                .getJsonObject(0);
        assertTrue(card.getJsonNumber("due").longValue() > maxDue, card.toString());
    }

    @Test
    void exportCarriesUnderscoreFilesNamedByTheNoteTypesStyling() throws Exception {
        String font = java.util.Base64.getEncoder().encodeToString("font bytes".getBytes());
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_myfont.ttf")
                        .add("data", font)
                        .build());
        client.call(
                "storeMediaFile",
                Json.createObjectBuilder()
                        .add("filename", "_unused.js")
                        .add("data", font)
                        .build());
        client.call(
                "updateModelStyling",
                Json.createObjectBuilder()
                        .add(
                                "model",
                                Json.createObjectBuilder()
                                        .add("name", "Basic")
                                        .add("css", "@font-face { font-family: x; src: url('_myfont.ttf'); }"))
                        .build());
        client.call(
                "createDeck", Json.createObjectBuilder().add("deck", "Styled").build());
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", "Styled")
                .add("modelName", "Basic")
                .add("fields", Json.createObjectBuilder().add("Front", "styled").add("Back", "b"))
                .build();
        client.call("addNote", Json.createObjectBuilder().add("note", note).build());
        assertEquals(
                JsonValue.TRUE,
                client.call(
                        "exportPackage",
                        Json.createObjectBuilder()
                                .add("deck", "Styled")
                                .add("path", "styled.apkg")
                                .build()));
        AnkiPackage pkg = PackageFixtures.read(DIR.resolve("styled.apkg"));
        List<String> names = new ArrayList<>();
        pkg.media().forEach(m -> names.add(m.name()));
        assertEquals(List.of("_myfont.ttf"), names);
        assertEquals("font bytes", new String(pkg.media().get(0).readAllBytes()));
    }
}
