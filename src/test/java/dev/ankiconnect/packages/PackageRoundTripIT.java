package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.ApkgRevlogEntry;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Export from one server, import into a fresh one, export again: the two exports hold the same
 * notes, cards (decks by name) and review history, column for column.
 */
@ExtendWith(ArquillianExtension.class)
class PackageRoundTripIT {

    static final Path DIR = PackageFixtures.newDir("roundtrip");

    @Deployment(name = "first", testable = false)
    static WebArchive first() {
        return Deployments.war("roundtrip-first", Map.of("packageDir", DIR.toString()));
    }

    @Deployment(name = "second", testable = false)
    static WebArchive second() {
        return Deployments.war("roundtrip-second", Map.of("packageDir", DIR.toString()));
    }

    private static void call(URL url, String action, String... kv) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i].equals("includeSched")) {
                b.add(kv[i], Boolean.parseBoolean(kv[i + 1]));
            } else {
                b.add(kv[i], kv[i + 1]);
            }
        }
        assertEquals(JsonValue.TRUE, new AnkiClient(url).call(action, b.build()));
    }

    private static List<String> notes(AnkiPackage p) {
        List<String> out = new ArrayList<>();
        p.notes().stream()
                .sorted(Comparator.comparingLong(ApkgNote::id))
                .forEach(n -> out.add(List.of(
                                n.id(),
                                n.guid(),
                                p.notetypes().get(n.mid()).getString("name"),
                                n.mod(),
                                n.tags(),
                                n.flds(),
                                n.sfld(),
                                n.csum(),
                                n.flags(),
                                n.data())
                        .toString()));
        return out;
    }

    private static List<String> cards(AnkiPackage p) {
        List<String> out = new ArrayList<>();
        p.cards().stream()
                .sorted(Comparator.comparingLong(ApkgCard::id))
                .forEach(c -> out.add(List.of(
                                c.id(),
                                c.nid(),
                                p.decks().get(c.did()).getString("name"),
                                c.ord(),
                                c.mod(),
                                c.type(),
                                c.queue(),
                                c.due(),
                                c.ivl(),
                                c.factor(),
                                c.reps(),
                                c.lapses(),
                                c.left(),
                                c.odue(),
                                c.odid() == 0 ? "" : p.decks().get(c.odid()).getString("name"),
                                c.flags(),
                                c.data())
                        .toString()));
        return out;
    }

    private static List<ApkgRevlogEntry> revlog(AnkiPackage p) {
        List<ApkgRevlogEntry> out = new ArrayList<>();
        p.revlog()
                .forEach(r -> out.add(new ApkgRevlogEntry(
                        r.id(), r.cid(), 0, r.ease(), r.ivl(), r.lastIvl(), r.factor(), r.time(), r.type())));
        out.sort(Comparator.comparingLong(ApkgRevlogEntry::id));
        return out;
    }

    private static void roundTrip(URL first, URL second, String fixture, String deck, boolean sched) {
        String a = "rt-a-" + fixture;
        String b = "rt-b-" + fixture;
        call(first, "importPackage", "path", fixture);
        call(first, "exportPackage", "deck", deck, "path", a, "includeSched", String.valueOf(sched));
        call(second, "importPackage", "path", a);
        call(second, "exportPackage", "deck", deck, "path", b, "includeSched", String.valueOf(sched));
        AnkiPackage pa = PackageFixtures.read(DIR.resolve(a));
        AnkiPackage pb = PackageFixtures.read(DIR.resolve(b));
        assertEquals(notes(pa), notes(pb));
        assertEquals(cards(pa), cards(pb));
        assertEquals(revlog(pa), revlog(pb));
        assertEquals(pa.media().size(), pb.media().size());
    }

    @Test
    void exportsImportIntoAFreshServerIdentically(
            @ArquillianResource @OperateOnDeployment("first") URL first,
            @ArquillianResource @OperateOnDeployment("second") URL second) {
        roundTrip(first, second, "srs-converter-mixed-legacy-2.apkg", "Test - Mixed Types", true);
        roundTrip(first, second, "ankidroid-templates.apkg", "1-TEMPLATES", true);
        roundTrip(first, second, "anki-pwa-music-intervals.apkg", "Music Intervals", false);
    }
}
