package dev.ankiconnect.tag;

import dev.ankiconnect.text.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Anki's tag matcher for removing and renaming tags: space-separated tags, {@code *} wildcards,
 * case-insensitive, and a match on a tag also matches its children ({@code a} matches {@code a::b}).
 */
public final class TagMatcher {

    private final Pattern pattern;

    public TagMatcher(String spaceSeparated) {
        List<String> parts = new ArrayList<>();
        for (String t : Tags.split(spaceSeparated)) {
            String norm = Tags.normalizeTag(t);
            StringBuilder re = new StringBuilder();
            for (String literal : norm.split("\\*", -1)) {
                re.append(Pattern.quote(literal)).append(".*");
            }
            re.setLength(re.length() - 2);
            parts.add(re.toString());
        }
        this.pattern = parts.isEmpty()
                ? null
                : Pattern.compile(
                        "^(?:" + String.join("|", parts) + ")(?:$|::)",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    public boolean isEmpty() {
        return pattern == null;
    }

    public boolean matches(String tag) {
        return pattern != null && pattern.matcher(tag).find();
    }

    /** The tags that do not match, in their order. */
    public List<String> remove(List<String> tags) {
        List<String> out = new ArrayList<>(tags.size());
        for (String t : tags) {
            if (!matches(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
