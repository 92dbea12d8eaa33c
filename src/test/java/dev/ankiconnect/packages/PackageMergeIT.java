package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgMediaFile;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.PackageWriter;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Importing into a collection that already holds the package's notes and note types. */
@ExtendWith(ArquillianExtension.class)
class PackageMergeIT {

    static final Path DIR = PackageFixtures.newDir("packagemerge");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("packagemerge", Map.of("packageDir", DIR.toString()));
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    PackageClient packages;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
        packages = new PackageClient(client, DIR);
    }

    /** The package with its notes changed: the first newer than stored, the second older; and a note type given an extra field. */
    private static void writeChanged(AnkiPackage src, Path out, long firstMod, long secondMod, boolean extraField)
            throws Exception {
        AnkiPackage changed = new AnkiPackage(src.collection());
        changed.decks().putAll(src.decks());
        changed.deckConfigs().putAll(src.deckConfigs());
        src.notetypes().forEach((id, json) -> {
            if (extraField) {
                var flds = Json.createArrayBuilder(json.getJsonArray("flds"));
                flds.add(Json.createObjectBuilder(json.getJsonArray("flds").getJsonObject(0))
                        .add("name", "Extra")
                        .add("ord", json.getJsonArray("flds").size())
                        .remove("id"));
                changed.notetypes()
                        .put(
                                id,
                                Json.createObjectBuilder(json).add("flds", flds).build());
            } else {
                changed.notetypes().put(id, json);
            }
        });
        for (int i = 0; i < src.notes().size(); i++) {
            ApkgNote n = src.notes().get(i);
            long mod = i == 0 ? firstMod : i == 1 ? secondMod : n.mod();
            String flds = i < 2 ? "changed " + i + n.flds() : n.flds();
            if (extraField) {
                flds = flds + "\u001f";
            }
            changed.notes()
                    .add(new ApkgNote(
                            n.id(),
                            n.guid(),
                            n.mid(),
                            mod,
                            n.usn(),
                            i < 2 ? " newtag " : n.tags(),
                            flds,
                            n.sfld(),
                            n.csum(),
                            n.flags(),
                            n.data()));
        }
        changed.cards().addAll(src.cards());
        new PackageWriter().write(changed, out, PackageWriter.Options.legacy2(true));
    }

    @Test
    void reimport_updatesOnlyNewerNotes_andANoteTypeWithAnotherSchemaBecomesACopy() throws Exception {
        AnkiPackage source = PackageFixtures.read(DIR.resolve("ankidroid-templates.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("ankidroid-templates.apkg"));
        ApkgNote first = source.notes().get(0);
        ApkgNote second = source.notes().get(1);
        writeChanged(source, DIR.resolve("templates-changed.apkg"), first.mod() + 10, second.mod() - 10, false);
        assertEquals(JsonValue.TRUE, packages.importPackage("templates-changed.apkg"));
        Map<String, ApkgNote> got =
                PackageFixtures.byGuid(packages.export("1-TEMPLATES", "templates-after.apkg", true));
        assertEquals("changed 0" + first.flds(), got.get(first.guid()).flds());
        assertEquals(List.of("newtag"), got.get(first.guid()).tagList());
        assertEquals(first.mod() + 10, got.get(first.guid()).mod());
        assertEquals(first.id(), got.get(first.guid()).id());
        assertEquals(second.flds(), got.get(second.guid()).flds());
        assertEquals(second.mod(), got.get(second.guid()).mod());
        assertEquals(48, got.size());

        // another schema under the same note type id: the notes are conflicting and skipped, the
        // note type is added as a copy, and a second import reuses that copy
        List<String> modelsBefore = new ArrayList<>();
        client.call("modelNames")
                .asJsonArray()
                .forEach(v -> modelsBefore.add(((jakarta.json.JsonString) v).getString()));
        writeChanged(source, DIR.resolve("templates-schema.apkg"), first.mod() + 20, second.mod() + 20, true);
        assertEquals(JsonValue.TRUE, packages.importPackage("templates-schema.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("templates-schema.apkg"));
        List<String> modelsAfter = new ArrayList<>();
        client.call("modelNames")
                .asJsonArray()
                .forEach(v -> modelsAfter.add(((jakarta.json.JsonString) v).getString()));
        Set<Long> usedMids = new TreeSet<>();
        source.notes().forEach(n -> usedMids.add(n.mid()));
        assertEquals(modelsBefore.size() + usedMids.size(), modelsAfter.size(), modelsAfter.toString());
        Map<String, ApkgNote> after =
                PackageFixtures.byGuid(packages.export("1-TEMPLATES", "templates-after2.apkg", true));
        assertEquals("changed 0" + first.flds(), after.get(first.guid()).flds());
        assertEquals(48, after.size());
    }

    @Test
    void takenNoteAndCardIdsMoveOnBy999_andTakenRevlogIdsAreSkipped() throws Exception {
        AnkiPackage source = PackageFixtures.read(DIR.resolve("srs-converter-mixed-legacy-2.apkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("srs-converter-mixed-legacy-2.apkg"));
        // the same package with new guids: every note and card id is taken now
        AnkiPackage copy = new AnkiPackage(source.collection());
        copy.notetypes().putAll(source.notetypes());
        copy.decks().putAll(source.decks());
        copy.deckConfigs().putAll(source.deckConfigs());
        for (ApkgNote n : source.notes()) {
            copy.notes()
                    .add(new ApkgNote(
                            n.id(),
                            "copy" + n.guid(),
                            n.mid(),
                            n.mod(),
                            n.usn(),
                            n.tags(),
                            n.flds(),
                            n.sfld(),
                            n.csum(),
                            n.flags(),
                            n.data()));
        }
        copy.cards().addAll(source.cards());
        copy.revlog().addAll(source.revlog());
        new PackageWriter().write(copy, DIR.resolve("srs-copy.apkg"), PackageWriter.Options.legacy2(true));
        assertEquals(JsonValue.TRUE, packages.importPackage("srs-copy.apkg"));

        AnkiPackage exported = packages.export("Test - Mixed Types", "srs-both.apkg", true);
        assertEquals(16, exported.notes().size());
        assertEquals(26, exported.cards().size());
        Map<String, ApkgNote> got = PackageFixtures.byGuid(exported);
        Set<Long> copiedCardIds = new TreeSet<>();
        for (ApkgNote n : source.notes()) {
            assertEquals(n.id(), got.get(n.guid()).id());
            ApkgNote c = got.get("copy" + n.guid());
            assertEquals(n.id() + MergeRules.ID_STEP, c.id());
            assertEquals(n.flds(), c.flds());
        }
        for (ApkgCard c : source.cards()) {
            copiedCardIds.add(c.id() + MergeRules.ID_STEP);
        }
        Set<Long> exportedCardIds = new TreeSet<>();
        exported.cards().forEach(c -> exportedCardIds.add(c.id()));
        assertTrue(exportedCardIds.containsAll(copiedCardIds));
        for (ApkgCard c : exported.cards()) {
            if (copiedCardIds.contains(c.id())) {
                assertTrue(got.values().stream()
                        .anyMatch(n -> n.id() == c.nid() && n.guid().startsWith("copy")));
            }
        }
        // the review history ids were all taken: only the first import's 26 rows exist
        assertEquals(26, exported.revlog().size());
        exported.revlog().forEach(r -> assertTrue(!copiedCardIds.contains(r.cid())));
    }

    @Test
    void collectionPackageIsMergedLikeADeckPackage() throws Exception {
        // importPackage of a .colpkg merges it (AnkiConnect's importer does not replace the collection)
        AnkiPackage source = PackageFixtures.read(DIR.resolve("orbit-test-collection.colpkg"));
        assertEquals(JsonValue.TRUE, packages.importPackage("orbit-test-collection.colpkg"));
        for (ApkgMediaFile m : source.media()) {
            assertEquals(
                    java.util.Base64.getEncoder().encodeToString(m.readAllBytes()),
                    ((jakarta.json.JsonString)
                                    client.call("retrieveMediaFile", PackageClient.params("filename", m.name())))
                            .getString());
        }
        AnkiPackage exported = packages.export("Default", "orbit-default.apkg", true);
        assertEquals(5, exported.notes().size());
        assertEquals(7, exported.cards().size());
        assertEquals(1, exported.revlog().size());
        assertEquals(2, exported.media().size());
        PackageFixtures.assertSameContent(source, exported, true);
    }
}
