package dev.ankiconnect.search;

import java.util.Arrays;

/** Sets of ids as ascending arrays of distinct {@code long}s: the operations {@link IdPlan} combines them with. */
public final class IdSets {

    private IdSets() {}

    /** The distinct values of the first {@code n} of {@code raw}, ascending ({@code raw} is sorted in place). */
    public static long[] sortedDistinct(long[] raw, int n) {
        Arrays.sort(raw, 0, n);
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (out == 0 || raw[i] != raw[out - 1]) {
                raw[out++] = raw[i];
            }
        }
        return Arrays.copyOf(raw, out);
    }

    /** The ids in {@code a} or {@code b}. */
    public static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                out[k++] = a[i++];
            } else if (a[i] > b[j]) {
                out[k++] = b[j++];
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        while (i < a.length) out[k++] = a[i++];
        while (j < b.length) out[k++] = b[j++];
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The ids in both {@code a} and {@code b}. */
    public static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The ids in {@code a} and not in {@code b}. */
    public static long[] minus(long[] a, long[] b) {
        long[] out = new long[a.length];
        int j = 0;
        int k = 0;
        for (long id : a) {
            while (j < b.length && b[j] < id) {
                j++;
            }
            if (j == b.length || b[j] != id) {
                out[k++] = id;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The ids as a list. */
    static IdList list(long[] ids) {
        IdList out = new IdList(ids.length);
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }
}
