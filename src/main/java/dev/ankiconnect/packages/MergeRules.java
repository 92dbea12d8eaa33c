package dev.ankiconnect.packages;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pure rules of Anki's .apkg merge (ANKI-MODEL 8.5) that do not need the database: id
 * collisions, day-based due shifting, note type schema comparison, unique names, and media
 * references in field text.
 */
public final class MergeRules {

    /** Anki's step when an imported note or card id is taken. */
    public static final long ID_STEP = 999;

    private MergeRules() {}

    /** The id itself when free, else id + 999 repeatedly until unused. */
    public static long freeId(long id, LongPredicate used) {
        long candidate = id;
        while (used.test(candidate)) {
            candidate += ID_STEP;
        }
        return candidate;
    }

    /** True when a card's {@code due} is a day number (review and day-learning queues, or a buried/suspended review card). */
    public static boolean dueInDays(int type, int queue) {
        return queue == 2 || queue == 3 || (type == 2 && queue < 0);
    }

    /**
     * {@code due} moved so the number of days until due is preserved: {@code due - (sourceToday -
     * targetToday)} for a day-based due, unchanged otherwise.
     */
    public static long shiftDue(int type, int queue, long due, int sourceToday, int targetToday) {
        return dueInDays(type, queue) ? due - (sourceToday - targetToday) : due;
    }

    /** A review card's non-zero {@code odue} (a card in a filtered deck) is a day number too. */
    public static long shiftOriginalDue(int type, long odue, int sourceToday, int targetToday) {
        return type == 2 && odue != 0 ? odue - (sourceToday - targetToday) : odue;
    }

    /** The name, with {@code +} appended until {@code taken} says no. */
    public static String uniqueName(String name, Predicate<String> taken) {
        String n = name;
        while (taken.test(n)) {
            n = n + "+";
        }
        return n;
    }

    /**
     * Same schema (Anki's check before updating a note type in place): same number of fields and of
     * templates, each pair matching by its {@code id} when both carry one, otherwise by name.
     */
    public static boolean sameSchema(JsonObject a, JsonObject b) {
        return sameItems(a.getJsonArray("flds"), b.getJsonArray("flds"))
                && sameItems(a.getJsonArray("tmpls"), b.getJsonArray("tmpls"));
    }

    private static boolean sameItems(JsonArray x, JsonArray y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            JsonObject p = x.getJsonObject(i);
            JsonObject q = y.getJsonObject(i);
            JsonValue pid = p.get("id");
            JsonValue qid = q.get("id");
            if (isId(pid) && isId(qid)) {
                if (!pid.toString().equals(qid.toString())) {
                    return false;
                }
            } else if (!p.getString("name", "").equals(q.getString("name", ""))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isId(JsonValue v) {
        return v != null && v.getValueType() == JsonValue.ValueType.NUMBER;
    }

    private static final Pattern SOUND = Pattern.compile("\\[sound:(.+?)]");
    private static final Pattern TAG = Pattern.compile(
            "(?i)(<(?:img|audio|video|object|source)\\b[^>]*?\\b(?:src|data)\\s*=\\s*)(\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))");

    /** The media file names a field refers to ({@code [sound:x]}, {@code <img src=x>} and the like). */
    public static void referencedNames(String text, java.util.Collection<String> out) {
        Matcher m = SOUND.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        m = TAG.matcher(text);
        while (m.find()) {
            String name = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            if (!name.contains("://") && !name.startsWith("data:")) {
                out.add(name);
            }
        }
    }

    /** The text with references to renamed media files pointed at their new names. */
    public static String renameReferences(String text, Map<String, String> renames) {
        if (renames.isEmpty() || text.isEmpty()) {
            return text;
        }
        Matcher m = SOUND.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String to = renames.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(to == null ? m.group() : "[sound:" + to + "]"));
        }
        m.appendTail(sb);
        m = TAG.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            for (int g = 3; g <= 5; g++) {
                String name = m.group(g);
                if (name != null && renames.containsKey(name)) {
                    String to = renames.get(name);
                    // the same quoting as before: "x", 'x' or bare
                    replacement = m.group(1) + (g == 3 ? "\"" + to + "\"" : g == 4 ? "'" + to + "'" : to);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
