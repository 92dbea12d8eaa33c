package dev.ankiconnect.packages;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.apkg.AnkiPackage;
import dev.ankiconnect.apkg.ApkgCard;
import dev.ankiconnect.apkg.ApkgNote;
import dev.ankiconnect.apkg.ApkgRevlogEntry;
import dev.ankiconnect.apkg.CollectionInfo;
import dev.ankiconnect.error.Refusal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PackageImporterTest {

    static final long NOW = 1_750_000_000_000L;

    private static AnkiPackage pkg(long crt, jakarta.json.JsonObject conf) {
        return new AnkiPackage(new CollectionInfo(crt, 0, 0, 11, conf));
    }

    @Test
    void idsMoreThanADayAheadMakeThePackageInvalid() {
        AnkiPackage ok = pkg(0, Json.PROVIDER.createObjectBuilder().build());
        ok.notes().add(new ApkgNote(NOW + 86_400_000L, "g", 1, 0, 0, "", "a", "a", 0, 0, ""));
        assertDoesNotThrow(() -> PackageImporter.checkIds(ok, NOW));

        AnkiPackage note = pkg(0, Json.PROVIDER.createObjectBuilder().build());
        note.notes().add(new ApkgNote(NOW + 86_400_001L, "g", 1, 0, 0, "", "a", "a", 0, 0, ""));
        assertEquals(
                "package is invalid: note id " + (NOW + 86_400_001L) + " lies more than a day in the future",
                ApiErrors.message(assertThrows(Refusal.class, () -> PackageImporter.checkIds(note, NOW))));

        AnkiPackage card = pkg(0, Json.PROVIDER.createObjectBuilder().build());
        card.cards().add(new ApkgCard(NOW * 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ""));
        assertThrows(Refusal.class, () -> PackageImporter.checkIds(card, NOW));

        AnkiPackage review = pkg(0, Json.PROVIDER.createObjectBuilder().build());
        review.revlog().add(new ApkgRevlogEntry(NOW * 2, 1, 0, 3, 1, 0, 2500, 1000, 1));
        assertThrows(Refusal.class, () -> PackageImporter.checkIds(review, NOW));
    }

    @Test
    void sourceTodayCountsDaysFromThePackagesCreationWithItsRollover() {
        long nowSecs = NOW / 1000;
        long crt = nowSecs - 100L * 86_400;
        int offset = dev.ankiconnect.scheduler.Timing.minutesWest(ZoneId.systemDefault(), nowSecs);
        AnkiPackage p = pkg(
                crt,
                Json.PROVIDER
                        .createObjectBuilder()
                        .add("creationOffset", offset)
                        .add("rollover", 4)
                        .build());
        int today = PackageImporter.sourceToday(p, nowSecs);
        // 100 days after creation, give or take the rollover hour
        assertEquals(100, today, 1);
        // without creationOffset the legacy rule counts the same days
        AnkiPackage legacy = pkg(crt, Json.PROVIDER.createObjectBuilder().build());
        assertEquals(100, PackageImporter.sourceToday(legacy, nowSecs), 1);
    }
}
