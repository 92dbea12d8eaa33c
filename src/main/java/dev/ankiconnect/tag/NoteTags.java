package dev.ankiconnect.tag;

import dev.ankiconnect.note.NoteRow;
import dev.ankiconnect.note.NoteStore;
import dev.ankiconnect.note.TagRegistry;
import dev.ankiconnect.note.TagSet;
import dev.ankiconnect.text.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Tag changes on many notes at once: addTags, removeTags, replaceTags, replaceTagsInAllNotes. */
@ApplicationScoped
public class NoteTags {

    @Inject
    NoteStore store;

    @Inject
    TagRegistry registry;

    /** Adds the space-separated tags to the notes (Anki's bulk_add); unknown ids are ignored. */
    public void add(Collection<Long> ids, String tags) {
        TagSet set = registry.load();
        List<String> adding = Tags.split(tags);
        if (adding.isEmpty()) {
            return;
        }
        List<NoteRow> changed = new ArrayList<>();
        for (NoteRow r : store.byIds(ids).values()) {
            List<String> all = new ArrayList<>(r.tagList());
            all.addAll(adding);
            changed(r, set.storage(all), changed);
        }
        store.updateTags(changed);
        registry.save(set);
    }

    /** Removes matching tags (wildcards, case-insensitive, children included) from the notes. */
    public void remove(Collection<Long> ids, String tags) {
        TagMatcher matcher = new TagMatcher(tags);
        if (matcher.isEmpty()) {
            return;
        }
        List<NoteRow> changed = new ArrayList<>();
        for (NoteRow r : store.byIds(ids).values()) {
            List<String> kept = matcher.remove(r.tagList());
            changed(r, Tags.joinForStorage(kept), changed);
        }
        store.updateTags(changed);
    }

    /** replaceTags: notes carrying the tag (case-insensitively) get the replacement instead. */
    public void replace(Collection<Long> ids, String old, String replacement) {
        TagSet set = registry.load();
        List<NoteRow> changed = new ArrayList<>();
        Map<Long, NoteRow> rows = store.byIds(ids);
        for (NoteRow r : rows.values()) {
            replaceIn(r, old, replacement, set, changed);
        }
        store.updateTags(changed);
        registry.save(set);
    }

    /** replaceTagsInAllNotes: the same over every note of the collection. */
    public void replaceEverywhere(String old, String replacement) {
        List<Long> candidates = store.idsWithTagText(TagSet.key(old.strip()));
        replace(candidates, old, replacement);
    }

    private static void replaceIn(NoteRow r, String old, String replacement, TagSet set, List<NoteRow> changed) {
        List<String> tags = r.tagList();
        String key = TagSet.key(old);
        List<String> kept = new ArrayList<>();
        boolean had = false;
        for (String t : tags) {
            if (TagSet.key(t).equals(key)) {
                had = true;
            } else {
                kept.add(t);
            }
        }
        if (!had) {
            return;
        }
        kept.add(replacement);
        changed(r, set.storage(kept), changed);
    }

    private static void changed(NoteRow r, String stored, List<NoteRow> changed) {
        if (!stored.equals(r.tags)) {
            r.tags = stored;
            r.mtime = System.currentTimeMillis() / 1000;
            r.usn = -1;
            changed.add(r);
        }
    }
}
