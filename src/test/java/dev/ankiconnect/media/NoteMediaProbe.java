package dev.ankiconnect.media;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only action, added to the WAR of {@link NoteMediaIT} alone: runs {@link NoteMedia} on a
 * note object against the real store, as addNote will, and returns the resulting fields.
 */
@ApplicationScoped
public class NoteMediaProbe implements ActionGroup {

    @Inject
    NoteMedia noteMedia;

    @Action("note")
    public Map<String, String> noteMediaProbe(Params p) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e :
                p.object("note").getJsonObject("fields").entrySet()) {
            fields.put(e.getKey(), ((JsonString) e.getValue()).getString());
        }
        noteMedia.apply(p.object("note"), fields);
        return fields;
    }
}
