package dev.ankiconnect.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.dispatch.ActionMethod;
import dev.ankiconnect.dispatch.ActionRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Action} method against AnkiConnect's own signature in {@code spec/actions.json}
 * (a copy of the shared spec): the same name, the same required parameters in the same order,
 * the same optional ones, so Python's binding errors come out the same.
 */
class ActionSignaturesTest {

    /**
     * The server's own actions, not in AnkiConnect, each documented in the README, with their required parameters:
     * guiState and guiCloseWindow (the study UI's).
     */
    static final Map<String, List<String>> EXTENSIONS =
            Map.of("guiState", List.of(), "guiCloseWindow", List.of("window"));

    @Test
    void everyActionMatchesTheSpec() throws Exception {
        Map<String, JsonObject> spec = spec();
        List<ActionMethod> actions = scanActions();
        assertFalse(actions.isEmpty());
        Set<String> seen = new java.util.HashSet<>();
        for (ActionMethod a : actions) {
            assertTrue(seen.add(a.name()), "action defined twice: " + a.name());
            if (EXTENSIONS.containsKey(a.name())) {
                assertFalse(spec.containsKey(a.name()), a.name() + " is AnkiConnect's: no extension");
                assertEquals(EXTENSIONS.get(a.name()), a.required(), a.name() + ": required parameters");
                assertEquals(Set.copyOf(EXTENSIONS.get(a.name())), a.accepted(), a.name() + ": accepted parameters");
                continue;
            }
            JsonObject entry = spec.get(a.name());
            assertNotNull(entry, "not an AnkiConnect action: " + a.name());
            List<String> required = new ArrayList<>();
            Set<String> all = new LinkedHashSet<>();
            for (JsonValue v : entry.getJsonArray("params")) {
                JsonObject param = v.asJsonObject();
                all.add(param.getString("name"));
                if (param.getBoolean("required")) {
                    required.add(param.getString("name"));
                }
            }
            assertEquals(required, a.required(), a.name() + ": required parameters");
            assertEquals(all, a.accepted(), a.name() + ": accepted parameters");
        }
    }

    private static Map<String, JsonObject> spec() throws IOException {
        try (InputStream in = ActionSignaturesTest.class.getResourceAsStream("/spec/actions.json")) {
            Map<String, JsonObject> out = new HashMap<>();
            for (JsonValue v :
                    PythonJsonReader.read(Json.PROVIDER, in.readAllBytes()).asJsonArray()) {
                out.put(v.asJsonObject().getString("name"), v.asJsonObject());
            }
            return out;
        }
    }

    /** The ActionGroup classes among the compiled main classes. */
    static List<ActionMethod> scanActions() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ActionGroup.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<ActionMethod> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ActionSignaturesTest.class.getClassLoader());
                if (ActionGroup.class.isAssignableFrom(type) && !type.isInterface()) {
                    out.addAll(ActionRegistry.scan(type, null));
                }
            }
        }
        return out;
    }
}
