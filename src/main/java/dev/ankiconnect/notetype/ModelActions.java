package dev.ankiconnect.notetype;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model (note type) actions. */
@ApplicationScoped
public class ModelActions implements ActionGroup {

    @Inject
    NoteTypes noteTypes;

    /** modelNames: the names of all note types. */
    @Action
    public List<String> modelNames() {
        return noteTypes.names();
    }

    /** modelNamesAndIds: {name: id} for every note type. */
    @Action
    public Map<String, Long> modelNamesAndIds() {
        Map<String, Long> out = new LinkedHashMap<>();
        noteTypes.all().forEach(t -> out.put(t.name(), t.id()));
        return out;
    }
}
