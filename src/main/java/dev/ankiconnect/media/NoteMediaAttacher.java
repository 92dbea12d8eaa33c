package dev.ankiconnect.media;

import dev.ankiconnect.note.NoteMediaHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connects the note actions to the media store: the audio, video and picture objects of a note. */
@ApplicationScoped
public class NoteMediaAttacher implements NoteMediaHook {

    @Inject
    NoteMedia media;

    @Override
    public void attach(JsonObject note, List<String> fieldNames, String[] fields) {
        if (!note.containsKey("audio") && !note.containsKey("video") && !note.containsKey("picture")) {
            return;
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            byName.put(fieldNames.get(i), fields[i]);
        }
        media.apply(note, byName);
        for (int i = 0; i < fieldNames.size(); i++) {
            fields[i] = byName.get(fieldNames.get(i));
        }
    }
}
