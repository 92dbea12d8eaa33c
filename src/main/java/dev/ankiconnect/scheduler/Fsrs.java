package dev.ankiconnect.scheduler;

import java.util.List;

/**
 * The FSRS-6 memory model as linked into Anki (fsrs 6.6.1, ANKI-MODEL 6.10), computed in {@code float}
 * like the Rust engine: parameter migration and clamping, memory-state updates, retrievability and the
 * interval for a desired retention.
 */
public final class Fsrs {
    /** FSRS-6 defaults. */
    public static final List<Float> DEFAULT_PARAMS = List.of(
            0.212f, 1.2931f, 2.3065f, 8.2956f, 6.4133f, 0.8334f, 3.0194f, 0.001f, 1.8722f, 0.1666f, 0.796f, 1.4835f,
            0.0614f, 0.2629f, 1.6483f, 0.6014f, 1.8729f, 0.5425f, 0.0912f, 0.0658f, 0.1542f);

    static final float S_MIN = 0.001f;
    static final float S_MAX = 36500f;
    private static final float[][] CLAMPS = {
        {0.001f, 100f},
        {0.001f, 100f},
        {0.001f, 100f},
        {0.001f, 100f},
        {1f, 10f},
        {0.001f, 4f},
        {0.001f, 4f},
        {0.001f, 0.75f},
        {0f, 4.5f},
        {0f, 0.8f},
        {0.001f, 3.5f},
        {0.001f, 5f},
        {0.001f, 0.25f},
        {0.001f, 0.9f},
        {0f, 4f},
        {0f, 1f},
        {1f, 6f},
        {0f, 2f},
        {0f, 2f},
        {0f, 0.8f},
        {0.1f, 0.8f},
    };

    /** A candidate next memory state and its (unrounded) interval in days. */
    public record Item(MemoryState memory, float interval) {}

    private final float[] w;
    private final boolean allowShortTerm;

    /** @param params a preset's parameter list (21, 19 or 17 values) or empty for the defaults */
    public Fsrs(List<Float> params) {
        float[] migrated = migrate(params.isEmpty() ? DEFAULT_PARAMS : params);
        for (int i = 0; i < migrated.length; i++) {
            migrated[i] = Math.max(CLAMPS[i][0], Math.min(CLAMPS[i][1], migrated[i]));
        }
        this.w = migrated;
        // Same-day (short-term) scheduling needs w17 and w18; FSRS-4.5 lists lack them.
        this.allowShortTerm = params.isEmpty() || (w[17] > 0 && w[18] > 0);
    }

    public static Fsrs defaults() {
        return new Fsrs(List.of());
    }

    private static float[] migrate(List<Float> p) {
        for (Float v : p) {
            if (v == null || !Float.isFinite(v)) {
                throw new IllegalArgumentException("invalid FSRS parameters");
            }
        }
        float[] out = new float[21];
        switch (p.size()) {
            case 21 -> {
                for (int i = 0; i < 21; i++) {
                    out[i] = p.get(i);
                }
            }
            case 19 -> {
                for (int i = 0; i < 19; i++) {
                    out[i] = p.get(i);
                }
                out[19] = 0f;
                out[20] = 0.5f;
            }
            case 17 -> {
                for (int i = 0; i < 17; i++) {
                    out[i] = p.get(i);
                }
                out[4] = out[4] + 2f * out[5];
                out[5] = (float) Math.log(3f * out[5] + 1f) / 3f;
                out[6] = out[6] + 0.5f;
                out[20] = 0.5f;
            }
            default -> throw new IllegalArgumentException("invalid FSRS parameters: " + p.size() + " values");
        }
        return out;
    }

    /** The decay Anki stores in card data: 0.1542 without parameters, 0.5 for pre-FSRS-6 lists, else w20. */
    public static float storedDecay(List<Float> params) {
        if (params.isEmpty()) {
            return DEFAULT_PARAMS.get(20);
        }
        return params.size() < 21 ? 0.5f : params.get(20);
    }

    public float param(int i) {
        return w[i];
    }

    public boolean allowsShortTerm() {
        return allowShortTerm;
    }

    private float factor() {
        return (float) Math.pow(0.9f, -1f / w[20]) - 1f;
    }

    /** R(t, S): probability of recall after {@code elapsedDays}. */
    public float retrievability(float stability, float elapsedDays) {
        return (float) Math.pow(1f + factor() * elapsedDays / stability, -w[20]);
    }

    /** Days until retrievability falls to {@code retention}; I(S, 0.9) = S. */
    public float interval(float stability, float retention) {
        return stability / factor() * ((float) Math.pow(retention, -1f / w[20]) - 1f);
    }

    private float initDifficultyUnclamped(Rating r) {
        return w[4] - (float) Math.exp(w[5] * (r.ease() - 1)) + 1f;
    }

    public MemoryState initial(Rating r) {
        return new MemoryState(w[r.ease() - 1], clamp(initDifficultyUnclamped(r), 1f, 10f));
    }

    /** Memory state after answering with {@code r}, {@code elapsedDays} after the previous review. */
    public MemoryState next(MemoryState current, Rating r, int elapsedDays) {
        if (current == null) {
            return initial(r);
        }
        float s = clamp(current.stability(), S_MIN, S_MAX);
        float d = clamp(current.difficulty(), 1f, 10f);
        int g = r.ease();
        float newS;
        if (elapsedDays == 0) {
            float m = (float) Math.exp(w[17] * (g - 3 + w[18])) * (float) Math.pow(s, -w[19]);
            if (g >= 2) {
                m = Math.max(m, 1f);
            }
            newS = s * m;
        } else {
            float ret = retrievability(s, elapsedDays);
            if (g == 1) {
                float lapse = w[11]
                        * (float) Math.pow(d, -w[12])
                        * ((float) Math.pow(s + 1f, w[13]) - 1f)
                        * (float) Math.exp(w[14] * (1f - ret));
                newS = Math.min(lapse, s / (float) Math.exp(w[17] * w[18]));
            } else {
                float hard = g == 2 ? w[15] : 1f;
                float easy = g == 4 ? w[16] : 1f;
                newS = s
                        * ((float) Math.exp(w[8])
                                        * (11f - d)
                                        * (float) Math.pow(s, -w[9])
                                        * ((float) Math.exp(w[10] * (1f - ret)) - 1f)
                                        * hard
                                        * easy
                                + 1f);
            }
        }
        float deltaD = -w[6] * (g - 3);
        float d1 = d + deltaD * (10f - d) / 9f;
        float d2 = w[7] * (initDifficultyUnclamped(Rating.EASY) - d1) + d1;
        return new MemoryState(clamp(newS, S_MIN, S_MAX), clamp(d2, 1f, 10f));
    }

    /** Next memory states and intervals for Again, Hard, Good, Easy (index = ease - 1). */
    public Item[] nextStates(MemoryState current, float desiredRetention, int elapsedDays) {
        Item[] items = new Item[4];
        for (Rating r : Rating.values()) {
            MemoryState m = next(current, r, elapsedDays);
            items[r.ease() - 1] = new Item(m, interval(m.stability(), desiredRetention));
        }
        return items;
    }

    /** Approximates a memory state for a card with SM-2 history only (ivl in days, ease e.g. 2.5). */
    public MemoryState fromSm2(int ivl, float ease, float historicalRetention) {
        float k = w[20];
        float s = Math.max(ivl, 0.001f)
                * ((float) Math.pow(0.9f, -1f / k) - 1f)
                / ((float) Math.pow(historicalRetention, -1f / k) - 1f);
        float denom = (float) Math.exp(w[8])
                * (float) Math.pow(s, -w[9])
                * ((float) Math.exp((1f - historicalRetention) * w[10]) - 1f);
        float d = clamp(11f - (ease - 1f) / denom, 1f, 10f);
        return new MemoryState(clamp(s, S_MIN, S_MAX), d);
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
