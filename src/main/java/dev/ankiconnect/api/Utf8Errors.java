package dev.ankiconnect.api;

/** Finds the first bad UTF-8 sequence and describes it in the words of Python's codec. */
final class Utf8Errors {

    private Utf8Errors() {}

    static String describe(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xff;
            int need;
            int min;
            int max = 0xbf;
            if (lead < 0x80) {
                i++;
                continue;
            } else if (lead >= 0xc2 && lead <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                need = 2;
                min = lead == 0xe0 ? 0xa0 : 0x80;
                max = lead == 0xed ? 0x9f : 0xbf;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                need = 3;
                min = lead == 0xf0 ? 0x90 : 0x80;
                max = lead == 0xf4 ? 0x8f : 0xbf;
            } else {
                return single(lead, i, "invalid start byte");
            }
            for (int k = 1; k <= need; k++) {
                int at = i + k;
                if (at >= b.length) {
                    return at - 1 == i
                            ? single(lead, i, "unexpected end of data")
                            : "'utf-8' codec can't decode bytes in position " + i + "-" + (at - 1)
                                    + ": unexpected end of data";
                }
                int cont = b[at] & 0xff;
                int lo = k == 1 ? min : 0x80;
                int hi = k == 1 ? max : 0xbf;
                if (cont < lo || cont > hi) {
                    return k == 1
                            ? single(lead, i, "invalid continuation byte")
                            : "'utf-8' codec can't decode bytes in position " + i + "-" + (at - 1)
                                    + ": invalid continuation byte";
                }
            }
            i += need + 1;
        }
        return "'utf-8' codec can't decode the body";
    }

    private static String single(int value, int position, String reason) {
        return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", value, position, reason);
    }
}
