package dev.ankiconnect.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a collection file never lends the caller's context class loader to a JVM-wide thread: loading SQLite's
 * native library runs a process, and the JDK's "process reaper" thread keeps the context class loader it was started
 * under (in a servlet container, the undeployed application's). Fails before the fix only when this JVM had started
 * no process yet (run it alone); scripts/redeploy-leak-check.sh checks the whole application.
 */
class NativeLibraryContextTest {

    @TempDir
    Path dir;

    @Test
    void noThreadKeepsTheCallersContextClassLoader() throws Exception {
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader("application", new URL[0], before)) {
            me.setContextClassLoader(application);
            try (Connection c = CollectionDatabase.open(dir.resolve("collection.anki2"), false)) {
                assertTrue(c.isValid(5));
            } finally {
                me.setContextClassLoader(before);
            }
            List<String> holders = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t != me && t.getContextClassLoader() == application)
                    .map(Thread::getName)
                    .collect(Collectors.toList());
            assertEquals(List.of(), holders);
        }
    }
}
