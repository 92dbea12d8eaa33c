package dev.ankiconnect.tag;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.ReadOnly;
import dev.ankiconnect.note.NoteSpecReader;
import dev.ankiconnect.note.Notes;
import dev.ankiconnect.note.TagRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The tag actions (actions.json group "note", as AnkiConnect files them): a note's tags and the collection's. */
@ApplicationScoped
public class TagActions implements ActionGroup {

    @Inject
    Notes notes;

    @Inject
    NoteTags noteTags;

    @Inject
    TagRegistry tags;

    /** updateNoteTags {note, tags}: the note's tags become exactly these. */
    @Action({"note", "tags"})
    public Object updateNoteTags(Params p) {
        List<String> list = NoteSpecReader.tagList(p.value("tags"));
        notes.replaceAllTags(p.longValue("note"), list);
        return null;
    }

    @ReadOnly
    @Action("note")
    public List<String> getNoteTags(Params p) {
        return notes.require(p.longValue("note")).tagList();
    }

    /** addTags {notes, tags, add=true}: add=false removes them instead. */
    @Action(
            value = {"notes", "tags"},
            optional = "add")
    public Object addTags(Params p) {
        List<Long> ids = p.longList("notes");
        String t = p.string("tags");
        if (p.bool("add", true)) {
            noteTags.add(ids, t);
        } else {
            noteTags.remove(ids, t);
        }
        return null;
    }

    @Action({"notes", "tags"})
    public Object removeTags(Params p) {
        noteTags.remove(p.longList("notes"), p.string("tags"));
        return null;
    }

    @ReadOnly
    @Action
    public List<String> getTags() {
        return tags.all();
    }

    @Action
    public Object clearUnusedTags() {
        tags.clearUnused();
        return null;
    }

    @Action({"notes", "tag_to_replace", "replace_with_tag"})
    public Object replaceTags(Params p) {
        noteTags.replace(p.longList("notes"), p.string("tag_to_replace"), p.string("replace_with_tag"));
        return null;
    }

    @Action({"tag_to_replace", "replace_with_tag"})
    public Object replaceTagsInAllNotes(Params p) {
        noteTags.replaceEverywhere(p.string("tag_to_replace"), p.string("replace_with_tag"));
        return null;
    }
}
