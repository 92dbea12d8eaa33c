package dev.ankiconnect.note;

import dev.ankiconnect.text.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registered tags of one collection during one operation (ANKI-MODEL 1.14): normalises a
 * note's tags, adopts the spelling of registered tags and of registered parents, and remembers
 * the tags it had to register so they can be written in one batch. Pure: no database access.
 */
public final class TagSet {

    private final Map<String, String> byKey;
    private final Map<String, String> added = new LinkedHashMap<>();

    /** @param registered the spellings of the registered tags */
    public TagSet(Collection<String> registered) {
        byKey = new HashMap<>(registered.size() * 2 + 16);
        for (String t : registered) {
            byKey.put(key(t), t);
        }
    }

    /** The key of the tags table: the lower-cased tag. */
    public static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /**
     * A note's tags as stored: each normalised, given the registered spelling (or a registered
     * parent's spelling for its prefix), case-insensitive duplicates removed, unicase-sorted.
     * New tags are registered in this set.
     */
    public List<String> canonicalize(Collection<String> raw) {
        TreeMap<String, String> out = new TreeMap<>(Tags.UNICASE_ORDER);
        for (String piece : raw) {
            if (piece == null) {
                continue;
            }
            for (String t : Tags.split(piece)) {
                String tag = register(Tags.normalizeTag(t));
                out.putIfAbsent(tag, tag);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Storage form (" a b ") of {@link #canonicalize}. */
    public String storage(Collection<String> raw) {
        return Tags.joinForStorage(canonicalize(raw));
    }

    private String register(String tag) {
        String k = key(tag);
        String existing = byKey.get(k);
        if (existing != null) {
            return existing;
        }
        String spelled = withParentSpelling(tag);
        byKey.put(k, spelled);
        added.put(k, spelled);
        return spelled;
    }

    private String withParentSpelling(String tag) {
        int end = tag.lastIndexOf("::");
        while (end > 0) {
            String parent = byKey.get(key(tag.substring(0, end)));
            if (parent != null) {
                return parent + tag.substring(end);
            }
            end = tag.lastIndexOf("::", end - 1);
        }
        return tag;
    }

    /** Tags registered by this set that were not registered before. */
    public Collection<String> added() {
        return added.values();
    }
}
