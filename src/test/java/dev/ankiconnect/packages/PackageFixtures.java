package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.PackageReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A package directory for one IT deployment, filled with the real fixtures of src/test/resources/pkg. */
final class PackageFixtures {

    static final String[] FILES = {
        "anki-pylib-media.apkg",
        "ankidroid-templates.apkg",
        "srs-converter-mixed-legacy-2.apkg",
        "anki-pwa-music-intervals.apkg",
        "orbit-test-collection.colpkg"
    };

    /** Kept in src/test/resources/packages/. */
    static final String GOV_VOCAB = "anki-pwa-ap-gov-vocab.apkg";

    private PackageFixtures() {}

    /** A fresh directory under target/it-data holding copies of the fixtures. */
    static Path newDir(String name) {
        Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data"), name + "-pkgdir-" + UUID.randomUUID())
                .toAbsolutePath();
        try {
            Files.createDirectories(dir);
            for (String f : FILES) {
                Files.copy(source(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(
                    Path.of("src/test/resources/packages", GOV_VOCAB).toAbsolutePath(),
                    dir.resolve(GOV_VOCAB),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Path source(String file) {
        return Path.of("src/test/resources/pkg", file).toAbsolutePath();
    }

    static AnkiPackage read(Path file) {
        try {
            return new PackageReader().read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, ApkgNote> byGuid(AnkiPackage pkg) {
        Map<String, ApkgNote> out = new HashMap<>();
        pkg.notes().forEach(n -> out.put(n.guid(), n));
        return out;
    }

    static Map<Long, ApkgCard> cardsById(AnkiPackage pkg) {
        Map<Long, ApkgCard> out = new HashMap<>();
        pkg.cards().forEach(c -> out.put(c.id(), c));
        return out;
    }

    /** Notes equal in guid, id, fields, tags and note type name; cards in id, note, ord and scheduling. */
    static void assertSameContent(AnkiPackage expected, AnkiPackage actual, boolean scheduling) {
        Map<String, ApkgNote> want = byGuid(expected);
        Map<String, ApkgNote> got = byGuid(actual);
        assertEquals(new TreeSet<>(want.keySet()), new TreeSet<>(got.keySet()));
        for (ApkgNote n : want.values()) {
            ApkgNote g = got.get(n.guid());
            assertEquals(n.id(), g.id(), n.guid());
            assertEquals(n.fields(), g.fields(), n.guid());
            // an export without scheduling drops the marked and leech tags, as Anki's does
            assertEquals(
                    new TreeSet<>(n.tagList().stream()
                            .filter(t -> scheduling || !(t.equalsIgnoreCase("marked") || t.equalsIgnoreCase("leech")))
                            .toList()),
                    new TreeSet<>(g.tagList()),
                    n.guid());
            // a clash with a note type of the same name adds "+" (Anki's rule)
            String name = expected.notetypes().get(n.mid()).getString("name");
            String gotName = actual.notetypes().get(g.mid()).getString("name");
            assertTrue(
                    gotName.equals(name) || gotName.matches(java.util.regex.Pattern.quote(name) + "\\++"),
                    name + " vs " + gotName);
            assertEquals(
                    expected.notetypes().get(n.mid()).getJsonArray("flds").size(),
                    actual.notetypes().get(g.mid()).getJsonArray("flds").size());
        }
        Map<Long, ApkgCard> wantCards = cardsById(expected);
        Map<Long, ApkgCard> gotCards = cardsById(actual);
        assertEquals(new TreeSet<>(wantCards.keySet()), new TreeSet<>(gotCards.keySet()));
        Set<Long> offsets = new HashSet<>();
        for (ApkgCard c : wantCards.values()) {
            ApkgCard g = gotCards.get(c.id());
            assertEquals(c.nid(), g.nid());
            assertEquals(c.ord(), g.ord());
            assertEquals(
                    expected.decks()
                            .get(c.odid() != 0 && !scheduling ? c.odid() : c.did())
                            .getString("name"),
                    actual.decks().get(g.did()).getString("name"),
                    "deck of card " + c.id());
            if (scheduling) {
                assertEquals(
                        List.of(c.type(), c.queue(), c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.flags()),
                        List.of(g.type(), g.queue(), g.ivl(), g.factor(), g.reps(), g.lapses(), g.left(), g.flags()),
                        "card " + c.id());
                assertEquals(c.data(), g.data());
                if (MergeRules.dueInDays(c.type(), c.queue())) {
                    offsets.add(c.due() - g.due());
                } else {
                    assertEquals(c.due(), g.due(), "card " + c.id());
                }
            } else {
                assertEquals(0, g.type());
                assertEquals(0, g.queue());
            }
        }
        // every day-based due moved by the same number of days (source today - target today)
        assertTrue(offsets.size() <= 1, offsets.toString());
    }
}
