package dev.ankiconnect.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec opens SQLite without DriverManager, which in a servlet container may not offer the driver. */
class DriverRegistrationTest {

    @Test
    void readsAndWritesWithNoSqliteDriverRegistered() throws Exception {
        List<Driver> removed = new ArrayList<>();
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d.getClass().getName().startsWith("org.sqlite")) {
                DriverManager.deregisterDriver(d);
                removed.add(d);
            }
        }
        try {
            try (AnkiPackage pkg = new PackageReader().read(Path.of("src/test/resources/pkg/anki-pylib-media.apkg"))) {
                assertEquals(1, pkg.notes().size());
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                new PackageWriter().write(pkg, out, PackageWriter.Options.legacy2(false));
                try (AnkiPackage back = new PackageReader().read(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                    assertEquals(pkg.notes().get(0).flds(), back.notes().get(0).flds());
                }
            }
        } finally {
            for (Driver d : removed) {
                DriverManager.registerDriver(d);
            }
        }
    }
}
