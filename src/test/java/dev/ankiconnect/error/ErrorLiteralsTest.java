package dev.ankiconnect.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Wire texts are {@code api.ApiErrors}'s alone: no error text a client can read is written anywhere else.
 *
 * <p>The rule, checked on every {@code .java} file under {@code src/main/java} except those of
 * {@code dev/ankiconnect/api/}:
 * <ul>
 * <li>A <em>sink</em> is the argument list of {@code new T(...)} where {@code T} is {@link Refusal},
 * {@code ApiException}, or any class of {@code src/main/java} that extends one of them (directly or through others,
 * found by scanning the {@code extends} clauses), and of {@code Reply.error(...)}, which builds an error reply
 * directly. Those are the failures whose text reaches a client.</li>
 * <li>Inside a sink (comments removed), a string literal or text block is a violation, alone or in a concatenation,
 * unless it is a plain name ({@code [A-Za-z_][A-Za-z0-9_]*}) standing alone as an argument (of the sink or of a call
 * nested in it): the name of a missing key or parameter ({@code new Refusal(KEY_ERROR, "fields")},
 * {@code ApiErrors.missingQueryParameter("deck")}) is a value the text quotes, not text.</li>
 * <li>A {@code static final String} constant declared in the same file and named inside a sink is a violation too
 * (a literal under another name).</li>
 * </ul>
 * Not covered, on purpose: {@code IllegalStateException}, {@code IllegalArgumentException},
 * {@code UncheckedIOException} and other programmer or infrastructure errors; {@code ApiErrors.message} answers them
 * with the logged "internal server error ... log id" text, so their words never reach a client. Also not covered:
 * the messages of the pure subsystems' own parse errors (search syntax, package format, the scheduler's due date and
 * rating); they mirror Anki's parsers, and a feature passes them on as {@link Refusal.Kind#CAUSE_TEXT}.
 */
class ErrorLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String API_DIR = "dev/ankiconnect/api/";
    private static final Set<String> ROOTS = Set.of("Refusal", "ApiException");
    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+(\\w+)(?:<[^>{]*>)?\\s+extends\\s+([\\w.]+)");
    private static final Pattern CONSTANT = Pattern.compile("\\bstatic\\s+final\\s+String\\s+(\\w+)\\s*=");
    private static final Pattern NAMED = Pattern.compile("([(,]\\s*)\"[A-Za-z_][A-Za-z0-9_]*\"(?=\\s*[,)])()");

    @Test
    void noWireTextIsWrittenOutsideApi() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>)
                    files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                sources.put(
                        MAIN.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(sources.size() > 100, "the scan found the sources");
        assertTrue(
                sinkTypes(sources)
                        .containsAll(List.of("Refusal", "ApiException", "InvalidInputException", "NotFoundException")),
                "the scan knows the client-visible exceptions");
        assertEquals(List.of(), violations(sources));
    }

    @Test
    void aPlantedLiteralIsFound() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(
                "dev/ankiconnect/api/InvalidInputException.java",
                "package dev.ankiconnect.api;\npublic class InvalidInputException extends ApiException {}\n");
        sources.put(
                "dev/ankiconnect/api/Inside.java",
                "class Inside { void f() { throw new InvalidInputException(\"api may word its texts\"); } }\n");
        sources.put(
                "dev/ankiconnect/deck/MyError.java",
                "class MyError extends dev.ankiconnect.api.InvalidInputException { MyError(String s) { super(s); } }\n");
        sources.put("dev/ankiconnect/deck/Planted.java", """
                class Planted {
                    static final String TEXT = "a sentence in a constant";
                    void a() { throw new InvalidInputException("deck " + name + " is gone"); }
                    void b() { throw new Refusal(Refusal.Kind.KEY_ERROR, "fields"); }
                    void c() { throw new Refusal(Refusal.Kind.MEDIA_NOT_STRING, "media \\"x\\" (" + n + ")", t); }
                    void d() { throw new MyError(TEXT); }
                    Object e() { return Reply.error("unknown " + path); }
                    void f() { throw new IllegalStateException("a bug, logged under an id"); }
                    void g() {
                        // new InvalidInputException("in a comment")
                        throw new dev.ankiconnect.api.NotFoundException(NotFoundException.Kind.DECK, name);
                    }
                    void h() { throw new Refusal(e, Refusal.Kind.CAUSE_TEXT); }
                    void i() { throw new InvalidInputException(\"""
                            a text block\""");
                    }
                    Object j() { return Reply.error(ApiErrors.missingQueryParameter("deck")); }
                }
                """);
        sources.put("dev/ankiconnect/deck/NotFoundException.java", "class NotFoundException extends ApiException {}\n");
        List<String> found = violations(sources);
        assertEquals(5, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("dev/ankiconnect/deck/Planted.java:3 "), found.get(0));
        assertTrue(found.get(1).startsWith("dev/ankiconnect/deck/Planted.java:5 "), found.get(1));
        assertTrue(found.get(2).startsWith("dev/ankiconnect/deck/Planted.java:6 "), found.get(2));
        assertTrue(found.get(3).startsWith("dev/ankiconnect/deck/Planted.java:7 "), found.get(3));
        assertTrue(found.get(4).startsWith("dev/ankiconnect/deck/Planted.java:14 "), found.get(4));
    }

    /** The rule of the class documentation: one line per violation, "path:line sink". */
    static List<String> violations(Map<String, String> sources) {
        Set<String> sinks = sinkTypes(sources);
        Pattern sink = Pattern.compile("\\bnew\\s+(?:[a-z]\\w*\\.)*(" + String.join("|", sinks) + ")\\s*\\("
                + "|\\bReply\\s*\\.\\s*error\\s*\\(");
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            if (e.getKey().startsWith(API_DIR)) {
                continue;
            }
            String code = withoutComments(e.getValue());
            Set<String> constants = new HashSet<>();
            Matcher c = CONSTANT.matcher(code);
            while (c.find()) {
                constants.add(c.group(1));
            }
            Matcher m = sink.matcher(code);
            while (m.find()) {
                int open = m.end() - 1;
                int close = closing(code, open);
                String args = code.substring(open + 1, close);
                String why = offence(args, constants);
                if (why != null) {
                    int line = (int) code.substring(0, m.start())
                                    .chars()
                                    .filter(ch -> ch == '\n')
                                    .count()
                            + 1;
                    out.add(e.getKey() + ":" + line + " "
                            + code.substring(m.start(), Math.min(close + 1, m.start() + 160))
                                    .replaceAll("\\s+", " ") + " (" + why + ")");
                }
            }
        }
        return out;
    }

    /** Refusal, ApiException and every class of the sources that extends one of them. */
    static Set<String> sinkTypes(Map<String, String> sources) {
        Map<String, String> parent = new HashMap<>();
        for (String src : sources.values()) {
            Matcher m = EXTENDS.matcher(withoutComments(src));
            while (m.find()) {
                String sup = m.group(2);
                parent.put(m.group(1), sup.substring(sup.lastIndexOf('.') + 1));
            }
        }
        Set<String> out = new HashSet<>(ROOTS);
        for (String type : parent.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String t = type; t != null && seen.add(t); t = parent.get(t)) {
                if (ROOTS.contains(t)) {
                    out.add(type);
                    break;
                }
            }
        }
        return out;
    }

    /** Why a sink's arguments hold a wire text, or null. */
    private static String offence(String args, Set<String> constants) {
        for (String arg : topLevelArguments(args)) {
            // a plain name standing alone as an argument, here or of a call nested in it, is a value
            String a = NAMED.matcher("(" + arg.strip() + ")").replaceAll("$1name$2");
            if (a.contains("\"")) {
                return "a string literal";
            }
            for (String name : constants) {
                if (Pattern.compile("\\b" + name + "\\b").matcher(a).find()) {
                    return "the string constant " + name;
                }
            }
        }
        return null;
    }

    /** The arguments split at commas that are not nested in brackets or literals. */
    private static List<String> topLevelArguments(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = endOfLiteral(args, i);
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(args.substring(start, i));
                start = i + 1;
            }
        }
        out.add(args.substring(start));
        return out;
    }

    /** The index of the bracket that closes the one at {@code open}. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = endOfLiteral(code, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException(
                "unbalanced brackets after " + code.substring(open, Math.min(code.length(), open + 80)));
    }

    /** The index of the quote that ends the string, text block or char literal starting at {@code i}. */
    private static int endOfLiteral(String s, int i) {
        char q = s.charAt(i);
        if (q == '"' && s.startsWith("\"\"\"", i)) {
            int end = i + 3;
            while (true) {
                end = s.indexOf("\"\"\"", end);
                if (end < 0) {
                    throw new UncheckedIOException(new IOException("unclosed text block"));
                }
                if (s.charAt(end - 1) != '\\') {
                    return end + 2;
                }
                end++;
            }
        }
        for (int j = i + 1; j < s.length(); j++) {
            char ch = s.charAt(j);
            if (ch == '\\') {
                j++;
            } else if (ch == q) {
                return j;
            }
        }
        return s.length() - 1;
    }

    /** The source with comments blanked (line breaks kept, for line numbers), literals untouched. */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        for (int i = 0; i < src.length(); i++) {
            char ch = src.charAt(i);
            if (ch == '"' || ch == '\'') {
                int end = endOfLiteral(src, i);
                out.append(src, i, end + 1);
                i = end;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
                if (i < src.length()) {
                    out.append('\n');
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                for (int j = i; j < end; j++) {
                    out.append(src.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end - 1;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
