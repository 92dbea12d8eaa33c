package dev.ankiconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin tool against a real (embedded Derby) database. */
class AdminTest {

    @TempDir
    Path dir;

    private AdminRun admin(Path config, String... args) {
        return AdminRun.of(config, args);
    }

    @Test
    void usersKeysAndProfiles() throws Exception {
        Path config = dir.resolve("ankiconnect.properties");
        Files.writeString(
                config, "users=true\ndataDir=" + dir.resolve("data").toString().replace("\\", "/") + "\n");

        assertEquals(0, admin(config, "user", "add", "alice").status());
        assertEquals(1, admin(config, "user", "add", "alice").status());
        assertEquals(0, admin(config, "user", "add", "bob").status());
        assertEquals("alice\nbob\n", admin(config, "user", "list").out());

        AdminRun issued = admin(config, "key", "issue", "alice", "laptop");
        assertEquals(0, issued.status());
        String key = issued.out().trim();
        assertTrue(key.startsWith("ak_"), key);
        String id = key.substring(3, 19);
        AdminRun listed = admin(config, "key", "list", "alice");
        assertTrue(listed.out().startsWith(id + "\t"), listed.out());
        assertTrue(listed.out().endsWith("\tlaptop\n"), listed.out());
        assertFalse(listed.out().contains(key.substring(20)));

        assertEquals(
                0, admin(config, "profile", "add", "alice", "Alice Spanish").status());
        assertEquals(1, admin(config, "profile", "add", "bob", "Alice Spanish").status());
        assertEquals("Alice Spanish\talice\n", admin(config, "profile", "list").out());

        assertEquals(0, admin(config, "key", "revoke", id).status());
        assertEquals(1, admin(config, "key", "revoke", id).status());
        assertEquals("", admin(config, "key", "list", "alice").out());

        assertEquals(0, admin(config, "user", "remove", "bob").status());
        assertEquals("alice\n", admin(config, "user", "list").out());
        assertEquals(2, admin(config, "nonsense", "command").status());
    }
}
