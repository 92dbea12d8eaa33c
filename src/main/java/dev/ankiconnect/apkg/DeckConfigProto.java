package dev.ankiconnect.apkg;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a schema-18 {@code DeckConfig.Config} protobuf onto the v11 deck-config JSON with its
 * {@code new}/{@code rev}/{@code lapse} groups. Unset proto3 fields read as 0/false/empty.
 */
final class DeckConfigProto {
    private DeckConfigProto() {}

    static void toJson(byte[] blob, JsonObjectBuilder c) {
        List<Float> learnSteps = new ArrayList<>();
        List<Float> relearnSteps = new ArrayList<>();
        List<Float> fsrsWeights = new ArrayList<>();
        List<Float> easyDays = new ArrayList<>();
        long[] v = new long[64]; // varint fields by number (only numbers < 64 are mapped)
        float[] f = new float[64]; // float fields by number
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
        c.add(
                "new",
                p.createObjectBuilder()
                        .add("delays", Schema18Converter.floats(learnSteps))
                        .add("perDay", v[9])
                        .add("initialFactor", Math.round(f[11] * 1000))
                        .add(
                                "ints",
                                p.createArrayBuilder().add(v[18]).add(v[19]).add(0))
                        .add("order", v11Order)
                        .add("bury", v[27] != 0)
                        .add("separate", true));
        c.add(
                "rev",
                p.createObjectBuilder()
                        .add("perDay", v[10])
                        .add("ease4", JsonSupport.decimal(f[12]))
                        .add("hardFactor", JsonSupport.decimal(f[13]))
                        .add("ivlFct", JsonSupport.decimal(f[15]))
                        .add("maxIvl", v[16])
                        .add("bury", v[28] != 0)
                        .add("fuzz", 0.05)
                        .add("minSpace", 1));
        c.add(
                "lapse",
                p.createObjectBuilder()
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

    private static final java.util.Set<String> KNOWN = java.util.Set.of(
            "id",
            "name",
            "mod",
            "usn",
            "dyn",
            "new",
            "rev",
            "lapse",
            "maxTaken",
            "timer",
            "autoplay",
            "replayq",
            "stopTimerOnAnswer",
            "buryInterdayLearning",
            "newMix",
            "interdayLearningMix",
            "newSortOrder",
            "reviewOrder",
            "newGatherPriority",
            "newPerDayMinimum",
            "desiredRetention",
            "sm2Retention",
            "fsrsWeights",
            "easyDaysPercentages");

    /** The inverse of {@link #toJson}: v11 preset JSON to a {@code DeckConfig.Config} message. */
    static byte[] toProto(jakarta.json.JsonObject c) {
        jakarta.json.JsonObject nw = c.get("new") instanceof jakarta.json.JsonObject o ? o : null;
        jakarta.json.JsonObject rev = c.get("rev") instanceof jakarta.json.JsonObject o ? o : null;
        jakarta.json.JsonObject lapse = c.get("lapse") instanceof jakarta.json.JsonObject o ? o : null;
        jakarta.json.JsonArray ints = Schema18Writer.array(nw, "ints");
        long good = ints.size() > 0 ? ints.getJsonNumber(0).longValue() : 0;
        long easy = ints.size() > 1 ? ints.getJsonNumber(1).longValue() : 0;
        ProtoWriter w = new ProtoWriter()
                .packedFloats(1, Schema18Writer.floats(nw, "delays"))
                .packedFloats(2, Schema18Writer.floats(lapse, "delays"))
                .packedFloats(3, Schema18Writer.floats(c, "fsrsWeights"))
                .packedFloats(4, Schema18Writer.floats(c, "easyDaysPercentages"))
                .varintIfSet(9, Schema18Writer.num(nw, "perDay"))
                .varintIfSet(10, Schema18Writer.num(rev, "perDay"))
                .float32(11, Schema18Writer.num(nw, "initialFactor") / 1000f)
                .float32(12, Schema18Writer.flt(rev, "ease4"))
                .float32(13, Schema18Writer.flt(rev, "hardFactor"))
                .float32(14, Schema18Writer.flt(lapse, "mult"))
                .float32(15, Schema18Writer.flt(rev, "ivlFct"))
                .varintIfSet(16, Schema18Writer.num(rev, "maxIvl"))
                .varintIfSet(17, Schema18Writer.num(lapse, "minInt"))
                .varintIfSet(18, good)
                .varintIfSet(19, easy)
                // v11 order 0 = random is proto 1; anything else is "due" (0)
                .varintIfSet(20, nw != null && Schema18Writer.num(nw, "order") == 0 && nw.containsKey("order") ? 1 : 0)
                .varintIfSet(21, Schema18Writer.num(lapse, "leechAction"))
                .varintIfSet(22, Schema18Writer.num(lapse, "leechFails"))
                .bool(23, c.containsKey("autoplay") && !Schema18Writer.bool(c, "autoplay"))
                .varintIfSet(24, Schema18Writer.num(c, "maxTaken"))
                .bool(25, Schema18Writer.bool(c, "timer"))
                .bool(26, c.containsKey("replayq") && !Schema18Writer.bool(c, "replayq"))
                .bool(27, Schema18Writer.bool(nw, "bury"))
                .bool(28, Schema18Writer.bool(rev, "bury"))
                .bool(29, Schema18Writer.bool(c, "buryInterdayLearning"))
                .varintIfSet(30, Schema18Writer.num(c, "newMix"))
                .varintIfSet(31, Schema18Writer.num(c, "interdayLearningMix"))
                .varintIfSet(32, Schema18Writer.num(c, "newSortOrder"))
                .varintIfSet(33, Schema18Writer.num(c, "reviewOrder"))
                .varintIfSet(34, Schema18Writer.num(c, "newGatherPriority"))
                .varintIfSet(35, Schema18Writer.num(c, "newPerDayMinimum"))
                .float32(37, Schema18Writer.flt(c, "desiredRetention"))
                .bool(38, Schema18Writer.bool(c, "stopTimerOnAnswer"))
                .float32(40, Schema18Writer.flt(c, "sm2Retention"));
        Schema18Writer.other(w, c, KNOWN);
        return w.toByteArray();
    }
}
