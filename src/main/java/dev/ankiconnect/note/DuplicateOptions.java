package dev.ankiconnect.note;

import dev.ankiconnect.error.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The {@code options} of a note object (PROTOCOL 10): allowDuplicate, duplicateScope and
 * duplicateScopeOptions with AnkiConnect's type checks and error texts.
 *
 * @param scopeDeckName  duplicateScopeOptions.deckName, or null for the target deck
 */
public record DuplicateOptions(
        boolean allowDuplicate,
        boolean deckScope,
        String scopeDeckName,
        boolean checkChildren,
        boolean checkAllModels) {

    public static final DuplicateOptions DEFAULT = new DuplicateOptions(false, false, null, false, false);

    /** True for Anki's own check (same note type, whole collection, text comparison). */
    public boolean defaultPath() {
        return !deckScope && !checkAllModels;
    }

    public static DuplicateOptions parse(JsonObject note) {
        JsonValue options = note.get("options");
        if (options == null) {
            return DEFAULT;
        }
        if (!(options instanceof JsonObject o)) {
            // Python: "'in' on a non-mapping"; only objects are meaningful here
            return DEFAULT;
        }
        boolean allow = false;
        if (o.containsKey("allowDuplicate")) {
            allow = bool(o.get("allowDuplicate"), "allowDuplicate");
        }
        JsonValue scope = o.get("duplicateScope");
        boolean deck = scope instanceof JsonString s && s.getString().equals("deck");
        String deckName = null;
        boolean children = false;
        boolean allModels = false;
        if (o.get("duplicateScopeOptions") instanceof JsonObject so) {
            if (so.get("deckName") instanceof JsonString s) {
                deckName = s.getString();
            }
            if (so.containsKey("checkChildren")) {
                children = bool(so.get("checkChildren"), "duplicateScopeOptions.checkChildren");
            }
            if (so.containsKey("checkAllModels")) {
                allModels = bool(so.get("checkAllModels"), "duplicateScopeOptions.checkAllModels");
            }
        }
        return new DuplicateOptions(allow, deck, deckName, children, allModels);
    }

    private static boolean bool(JsonValue v, String name) {
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw new Refusal(Refusal.Kind.OPTION_NOT_BOOLEAN, name);
    }
}
