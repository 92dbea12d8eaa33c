package dev.ankiconnect.pkg;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a schema-18 {@code DeckConfig.Config} protobuf onto the v11 deck-config JSON with its
 * {@code new}/{@code rev}/{@code lapse} groups. Unset proto3 fields read as 0/false/empty.
 */
final class DeckConfigProto {
    private DeckConfigProto() {
    }

    static void toJson(byte[] blob, JsonObjectBuilder c) {
        List<Float> learnSteps = new ArrayList<>();
        List<Float> relearnSteps = new ArrayList<>();
        List<Float> fsrsWeights = new ArrayList<>();
        List<Float> easyDays = new ArrayList<>();
        long[] v = new long[64];      // varint fields by number (only numbers < 64 are mapped)
        float[] f = new float[64];    // float fields by number
        byte[] other = null;
        ProtoReader r = new ProtoReader(blob);
        while (r.next()) {
            int n = r.field();
            if (n == 1) {
                r.addFloats(learnSteps);
            } else if (n == 2) {
                r.addFloats(relearnSteps);
            } else if (n == 3) {
                r.addFloats(fsrsWeights);
            } else if (n == 4) {
                r.addFloats(easyDays); // easy_days_percentages in current Anki (seven weekday factors)
            } else if (n == 255) {
                other = r.bytes();
            } else if (n < 64 && r.wireType() == ProtoReader.FIXED32) {
                f[n] = r.float32();
            } else if (n < 64 && r.wireType() == ProtoReader.VARINT) {
                v[n] = r.varint();
            }
        }
        JsonProvider p = JsonSupport.PROVIDER;
        // v11 order: 0 = random, 1 = due; the proto enum is the other way round
        long v11Order = v[20] == 1 ? 0 : 1;
        c.add("new", p.createObjectBuilder()
                .add("delays", Schema18Converter.floats(learnSteps))
                .add("perDay", v[9])
                .add("initialFactor", Math.round(f[11] * 1000))
                .add("ints", p.createArrayBuilder().add(v[18]).add(v[19]).add(0))
                .add("order", v11Order)
                .add("bury", v[27] != 0)
                .add("separate", true));
        c.add("rev", p.createObjectBuilder()
                .add("perDay", v[10])
                .add("ease4", JsonSupport.decimal(f[12]))
                .add("hardFactor", JsonSupport.decimal(f[13]))
                .add("ivlFct", JsonSupport.decimal(f[15]))
                .add("maxIvl", v[16])
                .add("bury", v[28] != 0)
                .add("fuzz", 0.05)
                .add("minSpace", 1));
        c.add("lapse", p.createObjectBuilder()
                .add("delays", Schema18Converter.floats(relearnSteps))
                .add("mult", JsonSupport.decimal(f[14]))
                .add("minInt", v[17])
                .add("leechFails", v[22])
                .add("leechAction", v[21]));
        c.add("maxTaken", v[24])
                .add("timer", v[25] != 0 ? 1 : 0)
                .add("autoplay", v[23] == 0)
                .add("replayq", v[26] == 0)
                .add("stopTimerOnAnswer", v[38] != 0)
                .add("buryInterdayLearning", v[29] != 0)
                .add("newMix", v[30])
                .add("interdayLearningMix", v[31])
                .add("newSortOrder", v[32])
                .add("reviewOrder", v[33])
                .add("newGatherPriority", v[34])
                .add("newPerDayMinimum", v[35])
                .add("desiredRetention", JsonSupport.decimal(f[37]))
                .add("sm2Retention", JsonSupport.decimal(f[40]))
                .add("fsrsWeights", Schema18Converter.floats(fsrsWeights));
        if (!easyDays.isEmpty()) {
            c.add("easyDaysPercentages", Schema18Converter.floats(easyDays));
        }
        Schema18Converter.mergeOther(c, other);
    }
}
