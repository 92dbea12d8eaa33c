package dev.ankiconnect.ops;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per request through the java.util.logging logger {@code dev.ankiconnect.access}:
 * {@code action=addNote user=alice profile="User 1" client=10.0.0.7 outcome=ok ms=12}.
 * Never the key, never parameters or note content.
 */
public final class AccessLog {

    public static final Logger LOG = Logger.getLogger("dev.ankiconnect.access");

    private AccessLog() {
    }

    public static String line(String action, String user, String profile, String client, String scheme,
            String outcome, long ms) {
        StringBuilder b = new StringBuilder();
        b.append("action=").append(quote(action));
        if (user != null) {
            b.append(" user=").append(quote(user));
        }
        if (profile != null) {
            b.append(" profile=").append(quote(profile));
        }
        b.append(" client=").append(quote(client));
        if (scheme != null) {
            b.append(" scheme=").append(quote(scheme));
        }
        b.append(" outcome=").append(outcome).append(" ms=").append(ms);
        return b.toString();
    }

    public static void log(String line) {
        LOG.log(Level.INFO, line);
    }

    /** Bare when safe, else a JSON-style quoted string (control characters escaped). */
    static String quote(String s) {
        if (s == null) {
            return "-";
        }
        if (!s.isEmpty() && s.length() <= 100 && s.matches("[A-Za-z0-9._:@/-]+")) {
            return s;
        }
        String t = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        StringBuilder b = new StringBuilder("\"");
        for (char c : t.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
