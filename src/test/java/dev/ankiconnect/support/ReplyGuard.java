package dev.ankiconnect.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IT-wide check that no reply carries internal text (issue 15): every reply {@link AnkiClient} receives
 * passes here, and a test fails when an error text (any {@code "error"} string in the reply, at any depth) or a
 * body that is not JSON names a Java class or package, carries an EclipseLink or stack-trace text, or shows an
 * absolute path of the server's own (its data directory, the build directory) that the request did not contain.
 * Results are not checked: they hold what clients stored, and some actions answer paths on purpose.
 */
public final class ReplyGuard {

    /** Word starts without {@code \\b}: Java's \\b walks back over combining marks, quadratic on long runs of them. */
    private static final String START = "(?<![A-Za-z0-9_$])";

    private static final Pattern INTERNAL = Pattern.compile(
            "Exception \\[|" + START + "(?:java|javax|jakarta|sun|com\\.sun|org\\.eclipse|org\\.apache|org\\.postgresql"
                    + "|org\\.jboss|org\\.glassfish|dev\\.ankiconnect)\\.[A-Za-z_$]"
                    + "|[A-Za-z0-9]Exception(?![A-Za-z0-9])|(?:StackOverflow|OutOfMemory|NoClassDefFound|Assertion)Error"
                    + "|\\n\\s*at [A-Za-z_$][\\w$]*\\.|(?i:<html|<!doctype|Apache Tomcat)|EclipseLink|SQLState|SQLSTATE");

    private static final List<String> SERVER_PATHS = serverPaths();

    private ReplyGuard() {}

    private static List<String> serverPaths() {
        List<String> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("it.data.dir", "target/it-data"))
                .toAbsolutePath()
                .normalize()
                .toString());
        out.add(Path.of("").toAbsolutePath().normalize().toString());
        out.add(Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()
                .normalize()
                .toString());
        return out;
    }

    /** Fails (AssertionError) when the reply to {@code request} shows internal text; returns the body. */
    public static String check(String request, String body) {
        String problem = problem(request, body);
        if (problem != null) {
            throw new AssertionError("reply shows internal text (" + problem + "):\n" + abbreviate(body) + "\nrequest: "
                    + abbreviate(request));
        }
        return body;
    }

    /** What is wrong with this reply, or null when nothing is. */
    public static String problem(String request, String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        JsonValue json;
        try {
            json = AnkiClient.parse(body);
        } catch (RuntimeException e) {
            return textProblem(request == null ? "" : request, body);
        }
        List<String> errors = new ArrayList<>();
        errors(json, errors, 0);
        for (String e : errors) {
            String p = textProblem(request == null ? "" : request, e);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static void errors(JsonValue v, List<String> out, int depth) {
        if (depth > 64) {
            return;
        }
        if (v instanceof JsonObject o) {
            for (var e : o.entrySet()) {
                if (e.getKey().equals("error") && e.getValue() instanceof JsonString s) {
                    out.add(s.getString());
                } else {
                    errors(e.getValue(), out, depth + 1);
                }
            }
        } else if (v instanceof JsonArray a) {
            // setSpecificValueOfCard and its kind answer [false, "text"] pairs
            if (a.size() == 2 && a.get(0) == JsonValue.FALSE && a.get(1) instanceof JsonString s) {
                out.add(s.getString());
            }
            for (JsonValue x : a) {
                errors(x, out, depth + 1);
            }
        }
    }

    private static String textProblem(String request, String text) {
        Matcher m = INTERNAL.matcher(text);
        while (m.find()) {
            // text the request itself sent (an echoed name or path) is the client's, not the server's
            String hit = text.substring(Math.max(0, m.start() - 8), Math.min(text.length(), m.end() + 8));
            if (!request.contains(m.group())) {
                return "'" + m.group() + "' in \"..." + hit + "...\"";
            }
        }
        for (String path : SERVER_PATHS) {
            if (path.length() > 1 && text.contains(path) && !request.contains(path)) {
                return "the server path " + path;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 600 ? s.substring(0, 600) + "... (" + s.length() + " chars)" : s;
    }
}
