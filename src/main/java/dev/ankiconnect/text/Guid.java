package dev.ankiconnect.text;

import java.security.SecureRandom;

/** Anki note GUIDs: an unsigned 64-bit number written in Anki's base91 alphabet. */
public final class Guid {
    private Guid() {}

    /** Digit alphabet; digit 0 is 'a'. Space, quotes and backslash are deliberately absent. */
    public static final String ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Base91 of {@code value} read as unsigned; 0 encodes as the empty string. */
    public static String encode(long value) {
        StringBuilder sb = new StringBuilder(10);
        long n = value;
        while (n != 0) {
            sb.append(ALPHABET.charAt((int) Long.remainderUnsigned(n, 91)));
            n = Long.divideUnsigned(n, 91);
        }
        return sb.reverse().toString();
    }

    /** A new random GUID (base91 of a random 64-bit value). */
    public static String random() {
        return encode(RANDOM.nextLong());
    }
}
