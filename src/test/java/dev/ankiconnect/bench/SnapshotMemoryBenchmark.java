package dev.ankiconnect.bench;

import dev.ankiconnect.search.CollectionSnapshot;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The heap the search copies of many users take: builds {@code BENCH_PROFILES} (default 20) collections of
 * {@code BENCH_NOTES} (default 20,000) notes of the {@link SearchBenchmark#note} shape (Basic, Basic (and reversed
 * card), two-gap Cloze: 1.5 cards a note; one card in 15 rescheduled, one in 50 answered) directly as
 * {@link CollectionSnapshot}s (no database, no server; every text a String of its own, as a JDBC driver returns
 * it), forces GC and prints the heap they retain in all, bytes per note and per card, an estimate per array of one
 * copy (arrays and the Strings they hold; a String held by two arrays is counted at the first), and SearchMemory's
 * own size estimate ({@link CollectionSnapshot#estimatedBytes()}) beside the measured figure. {@code BENCH_CAPITALS=true}
 * starts every field with a capital letter (then text search's case-folded copy of the fields is a String of its own).
 *
 * <p>Run: {@code mvn -Pbench -DskipTests package exec:exec -Dbench.main=dev.ankiconnect.bench.SnapshotMemoryBenchmark}
 * (the bench profile runs it with {@code -Xmx2g}; compressed references, so 4 bytes a reference).
 */
public final class SnapshotMemoryBenchmark {

    private static final String[] MODELS = {"Basic", "Basic (and reversed card)", "Cloze"};
    private static final String DAY_DATA = "{\"pos\":1}";
    /** {@code BENCH_CAPITALS=true}: every field starts with a capital, so each note's fields are held case-folded too. */
    private static final boolean CAPITALS = Boolean.parseBoolean(System.getenv("BENCH_CAPITALS"));

    private SnapshotMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int profiles = Integer.parseInt(System.getenv().getOrDefault("BENCH_PROFILES", "20"));
        int notes = Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTES", "20000"));
        // one small copy first, dropped: the classes and caches building loads are not counted
        build(profiles, 1000);
        long before = used();
        CollectionSnapshot[] copies = new CollectionSnapshot[profiles];
        for (int p = 0; p < profiles; p++) {
            copies[p] = build(p, notes);
        }
        long after = used();
        long retained = after - before;
        long cards = 0;
        long estimated = 0;
        for (CollectionSnapshot s : copies) {
            cards += s.cardCount();
            estimated += s.estimatedBytes();
        }
        long allNotes = (long) profiles * notes;
        System.out.printf(
                Locale.ROOT,
                "%d profiles x %d notes (%d cards): retained heap %.1f MB, %.0f bytes a note with"
                        + " its %.2f cards%n",
                profiles,
                notes,
                cards,
                retained / 1048576.0,
                (double) retained / allNotes,
                (double) cards / allNotes);
        Map<String, long[]> parts = perArray(copies[0]);
        long noteSide = 0;
        long cardSide = 0;
        long counted = 0;
        System.out.println("one copy, per array (array + the Strings first held by it):");
        for (Map.Entry<String, long[]> e : parts.entrySet()) {
            long[] v = e.getValue();
            counted += v[0];
            if (v[1] == 1) noteSide += v[0];
            else if (v[1] == 2) cardSide += v[0];
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %9d bytes  %6.1f a %s%n",
                    e.getKey(),
                    v[0],
                    (double) v[0] / (v[1] == 2 ? copies[0].cardCount() : copies[0].noteCount()),
                    v[1] == 2 ? "card" : "note");
        }
        System.out.printf(
                Locale.ROOT,
                "counted %.1f MB a copy (measured %.1f MB): notes %.0f bytes a note, cards %.0f" + " bytes a card%n",
                counted / 1048576.0,
                retained / 1048576.0 / profiles,
                (double) noteSide / copies[0].noteCount(),
                (double) cardSide / copies[0].cardCount());
        System.out.printf(
                Locale.ROOT,
                "SearchMemory's estimate: %.1f MB a copy, %.0f%% of the measured heap%n",
                estimated / 1048576.0 / profiles,
                100.0 * estimated / retained);
        if (copies[profiles - 1].noteCount() != notes) throw new AssertionError("copies dropped");
    }

    /** Heap in use after the collector ran until it settles. */
    private static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long now = rt.totalMemory() - rt.freeMemory();
            if (Math.abs(last - now) < 64 * 1024) return now;
            last = now;
        }
        return last;
    }

    /** One profile's copy: note and card rows as SearchMemory reads them, ids distinct per profile. */
    static CollectionSnapshot build(int profile, int total) {
        CollectionSnapshot.Builder b = CollectionSnapshot.builder(1);
        long base = 1_700_000_000_000L + profile * 10_000_000L;
        long cardId = base;
        for (int i = 0; i < total; i++) {
            JsonObject note = SearchBenchmark.note(i);
            int model = java.util.Arrays.asList(MODELS).indexOf(note.getString("modelName"));
            StringBuilder flds = new StringBuilder();
            for (JsonValue v : note.getJsonObject("fields").values()) {
                if (!flds.isEmpty()) flds.append('\u001f');
                String text = ((JsonString) v).getString();
                flds.append(CAPITALS ? text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1) : text);
            }
            StringBuilder tags = new StringBuilder(" ");
            for (JsonValue v : note.getJsonArray("tags")) {
                tags.append(((JsonString) v).getString()).append(' ');
            }
            String first = flds.toString().split("\u001f", -1)[0];
            String sfld = first.replaceAll("<[^>]*>", "");
            long nid = base + i;
            b.note(nid, 1000 + model, 1_700_000_000L + i, tags.toString(), new String(sfld), flds.toString());
            long did = 1 + note.getString("deckName").hashCode() & 0xffff;
            int nCards = model == 0 ? 1 : 2;
            for (int ord = 0; ord < nCards; ord++) {
                long c = cardId++;
                int k = (int) (c - base);
                if (k % 15 == 0) {
                    // rescheduled: a review card due within 40 days
                    b.card(c, nid, did, 0, ord, 2, 2, 20_000 + k % 41, 0, 1 + k % 40, 2500, 1, 0, 0, new String(""));
                } else if (k % 50 == 1) {
                    // answered: in learning, due in seconds
                    b.card(c, nid, did, 0, ord, 1, 1, 1_700_000_600L + k, 0, 0, 0, 1, 0, 0, new String(DAY_DATA));
                } else {
                    b.card(c, nid, did, 0, ord, 0, 0, i, 0, 0, 0, 0, 0, 0, new String(""));
                }
            }
        }
        return b.build();
    }

    /**
     * Bytes of each array field of {@code s} and the Strings it holds that no earlier field holds (compressed
     * references: 16 bytes of array header, 24 of String, its byte[] 16 + length, all rounded up to 8); value [1]
     * is 1 for a note array, 2 for a card array, 0 for a table.
     */
    private static Map<String, long[]> perArray(CollectionSnapshot s) throws IllegalAccessException {
        Map<String, long[]> out = new LinkedHashMap<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        for (Field f : CollectionSnapshot.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getType().isArray()) continue;
            f.setAccessible(true);
            Object a = f.get(s);
            if (a == null || seen.put(a, true) != null) {
                out.put(f.getName() + " (shared)", new long[] {0, 0});
                continue;
            }
            int len = java.lang.reflect.Array.getLength(a);
            Class<?> t = a.getClass().getComponentType();
            long width = t == long.class || t == double.class
                    ? 8
                    : t == int.class || t == float.class
                            ? 4
                            : t == short.class || t == char.class ? 2 : t == byte.class || t == boolean.class ? 1 : 4;
            long bytes = align(16 + len * width);
            if (!t.isPrimitive()) {
                for (int i = 0; i < len; i++) {
                    Object o = java.lang.reflect.Array.get(a, i);
                    if (o instanceof String str && seen.put(str, true) == null) {
                        boolean latin1 = str.chars().allMatch(ch -> ch < 256);
                        bytes += 24 + (str.isEmpty() ? 0 : align(16 + (long) str.length() * (latin1 ? 1 : 2)));
                    }
                }
            }
            int kind = len == s.noteCount() ? 1 : len == s.cardCount() ? 2 : 0;
            out.put(f.getName(), new long[] {bytes, kind});
        }
        return out;
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
