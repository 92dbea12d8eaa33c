package dev.ankiconnect.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.api.PythonJsonReader;
import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import dev.ankiconnect.support.Fixtures;
import dev.ankiconnect.support.ReplyGuard;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded, bounded fuzzer (issue 15.8): a few thousand hostile requests against a deployment of its own (so
 * destructive actions touch no other test's data): the envelope (broken JSON, wrong types, unknown fields, huge
 * numbers, invalid UTF-8, lone surrogates, NUL), every action of {@code spec/actions.json} with its parameters
 * replaced by wrong types, nulls, negative and huge ids, empty and huge strings and arrays, and search strings
 * with unbalanced parentheses, pathological regular expressions and wildcards.
 * <p>
 * Every reply must be HTTP 200 (403 and 413 where the README documents them), JSON, free of internal text
 * ({@link ReplyGuard}) and of the unexpected-failure error, and come within {@link #BUDGET}; afterwards the server must still answer. The seed is
 * printed; {@code -Dfuzz.seed=N} runs the same requests again. Correctness only: no timings are asserted
 * beyond the generous budget.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    /** Requests per run, by kind. */
    static final int ENVELOPES = 600;

    static final int ACTIONS = 1800;
    static final int SEARCH_REQUESTS = 300;
    /** The slowest reply allowed (the time budgets of the server itself are tighter). */
    static final Duration BUDGET = Duration.ofSeconds(20);
    /** Failures after which the run stops: a server that hangs would otherwise hold the build for an hour. */
    static final int MAX_FAILURES = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("fuzz", Map.of());
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> failures = new ArrayList<>();
    private Random random;
    private List<JsonObject> actions;
    private final List<Long> noteIds = new ArrayList<>();
    private final List<Long> cardIds = new ArrayList<>();
    private int sent;

    @Test
    void hostileRequests_allGetAJsonAnswer_inTime_withoutInternalText() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzIT seed: " + seed + " (run again with -Dfuzz.seed=" + seed + ")");
        random = new Random(seed);
        long start = System.nanoTime();
        actions = spec();
        seedCollection();

        for (int i = 0; i < ENVELOPES && failures.size() < MAX_FAILURES; i++) {
            send(envelope());
        }
        for (int i = 0; i < ACTIONS && failures.size() < MAX_FAILURES; i++) {
            send(action(actions.get(random.nextInt(actions.size()))).getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < SEARCH_REQUESTS && failures.size() < MAX_FAILURES; i++) {
            String action = switch (random.nextInt(3)) {
                case 0 -> "findNotes";
                case 1 -> "findCards";
                default -> "guiBrowse";
            };
            send(("{\"action\": \"" + action + "\", \"version\": 6, \"params\": {\"query\": " + quote(search()) + "}}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        // the server still answers, and its collection is readable
        HttpResponse<String> probe = post("{\"action\": \"version\", \"version\": 6}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"result\": 6, \"error\": null}", probe.body());
        assertTrue(AnkiClient.parse(post("{\"action\": \"deckNames\", \"version\": 6}".getBytes(StandardCharsets.UTF_8))
                        .body())
                .asJsonObject()
                .isNull("error"));
        System.out.println("FuzzIT: " + sent + " requests in " + (System.nanoTime() - start) / 1_000_000_000 + " s, "
                + failures.size() + " failures (seed " + seed + ")");
        assertTrue(
                failures.isEmpty(),
                "seed " + seed + ", " + failures.size() + " failures of " + sent + " requests; the first:\n"
                        + String.join("\n\n", failures.subList(0, Math.min(15, failures.size()))));
    }

    // ---------------------------------------------------------------- sending and checking

    private HttpResponse<String> post(byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url.toURI())
                        .timeout(BUDGET.plusSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void send(byte[] body) {
        sent++;
        String request = new String(body, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = post(body);
        } catch (Exception e) {
            fail(request, "no reply: " + e);
            return;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > BUDGET.toMillis()) {
            fail(request, "reply after " + ms + " ms");
        }
        int status = r.statusCode();
        if (status != 200 && status != 403 && status != 413) {
            fail(request, "HTTP " + status + ": " + abbreviate(r.body()));
            return;
        }
        if (status != 200 && r.body().isEmpty()) {
            return;
        }
        try {
            AnkiClient.parse(r.body());
        } catch (RuntimeException e) {
            fail(request, "not JSON: " + abbreviate(r.body()));
            return;
        }
        String problem = ReplyGuard.problem(request, r.body());
        if (problem != null) {
            fail(request, problem + ": " + abbreviate(r.body()));
        } else if (r.body().contains("internal server error: the request was not completed")) {
            // a JSON reply without internal text, but a bug all the same: hostile input deserves its own error
            fail(request, "an unexpected failure, logged by the server: " + abbreviate(r.body()));
        }
    }

    private void fail(String request, String what) {
        failures.add("#" + sent + " " + what + "\n  request: " + abbreviate(request));
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "... (" + s.length() + " chars)" : s;
    }

    // ---------------------------------------------------------------- the collection and the spec

    private void seedCollection() {
        AnkiClient client = new AnkiClient(url);
        for (int i = 0; i < 5; i++) {
            long note = Fixtures.basicNote(client)
                    .fields("Front", "front a" + "a".repeat(i * 10) + " " + i, "Back", "back <b>" + i + "</b>")
                    .tags("fuzz", "t" + i)
                    .add();
            noteIds.add(note);
        }
        for (JsonValue v : client.call("findCards", Fixtures.params("query", Json.createValue("tag:fuzz")))
                .asJsonArray()) {
            cardIds.add(((jakarta.json.JsonNumber) v).longValue());
        }
        Fixtures.deck(client, "FuzzDeck");
    }

    private static List<JsonObject> spec() throws Exception {
        try (InputStream in = FuzzIT.class.getResourceAsStream("/spec/actions.json")) {
            List<JsonObject> out = new ArrayList<>();
            for (JsonValue v : PythonJsonReader.read(dev.ankiconnect.api.Json.PROVIDER, in.readAllBytes())
                    .asJsonArray()) {
                out.add(v.asJsonObject());
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- values

    private static final String[] SCALARS = {
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1",
        "-9223372036854775808",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "1" + "0".repeat(400),
        "-" + "9".repeat(4000),
        "1e400",
        "-1e400",
        "1e-400",
        "1.5",
        "-0",
        "0.0",
        "-0.0",
        "6.0",
        "1E2",
        "\"\"",
        "\"x\"",
        "\"-1\"",
        "\"1e9\"",
        "\"0x10\"",
        "\"\\u0000\"",
        "\"a\\u0000b\"",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "\"\\ud83d\\ude00\"",
        "\"\\\\\"",
        "\"\\\"\"",
        "\"<b>html</b>{{c1::x}}\"",
        "\"{{Front}}\"",
        "\"../../../etc/passwd\"",
        "\"/etc/passwd\"",
        "\"..\"",
        "\".\"",
        "\"::\"",
        "\"a::b::\"",
        "\"Default\"",
        "\"Basic\"",
        "\"Front\"",
        "\"*\"",
        "\"\\t\\n\\r\"",
        "\"\u00e9\u0301\"",
        "[]",
        "[null]",
        "[[]]",
        "{}",
        "{\"\": null}",
        "{\"a\": {\"b\": [1, {}]}}",
        "[1, \"a\", null, true, {}, []]",
    };

    private String scalar() {
        return SCALARS[random.nextInt(SCALARS.length)];
    }

    private String hugeString() {
        int n = switch (random.nextInt(3)) {
            case 0 -> 1_000;
            case 1 -> 20_000;
            default -> 100_000;
        };
        String unit = switch (random.nextInt(4)) {
            case 0 -> "a";
            case 1 -> "\\u0301";
            case 2 -> "\u00e1";
            default -> "(";
        };
        return "\"" + unit.repeat(n) + "\"";
    }

    private String idArray() {
        StringBuilder b = new StringBuilder("[");
        int n = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(5);
            case 2 -> 100;
            default -> 2_000;
        };
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(id());
        }
        return b.append(']').toString();
    }

    private String id() {
        return switch (random.nextInt(8)) {
            case 0 -> noteIds.isEmpty() ? "1" : String.valueOf(noteIds.get(random.nextInt(noteIds.size())));
            case 1 -> cardIds.isEmpty() ? "1" : String.valueOf(cardIds.get(random.nextInt(cardIds.size())));
            case 2 -> String.valueOf(-1L - random.nextInt(1000));
            case 3 -> String.valueOf(Long.MAX_VALUE - random.nextInt(3));
            case 4 -> String.valueOf(Long.MIN_VALUE + random.nextInt(3));
            case 5 -> "0";
            case 6 -> String.valueOf(random.nextLong());
            default -> scalar();
        };
    }

    private String hugeArray() {
        StringBuilder b = new StringBuilder("[");
        int n = 1 + random.nextInt(3_000);
        String item = switch (random.nextInt(4)) {
            case 0 -> "null";
            case 1 -> "\"x\"";
            case 2 -> "{}";
            default -> "[1]";
        };
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(item);
        }
        return b.append(']').toString();
    }

    /** A value for a parameter of the given spec type: sometimes a fitting one, mostly a hostile one. */
    private String value(String type, JsonValue example) {
        int pick = random.nextInt(10);
        if (pick < 3 && example != null) {
            return mutate(example);
        }
        if (pick < 5 && type.startsWith("array<integer>")) {
            return idArray();
        }
        return switch (random.nextInt(6)) {
            case 0 -> hugeString();
            case 1 -> hugeArray();
            case 2 -> "[" + scalar() + ", " + scalar() + "]";
            case 3 -> "{\"" + random.nextInt(3) + "\": " + scalar() + "}";
            default -> scalar();
        };
    }

    /** The example value, with one element somewhere inside replaced by a hostile one. */
    private String mutate(JsonValue example) {
        if (random.nextInt(3) == 0) {
            return dev.ankiconnect.api.PythonJsonWriter.write(example);
        }
        return switch (example.getValueType()) {
            case ARRAY -> {
                JsonArray a = example.asJsonArray();
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < a.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(random.nextInt(3) == 0 ? scalar() : mutate(a.get(i)));
                }
                if (random.nextInt(4) == 0) {
                    b.append(a.isEmpty() ? "" : ", ").append(id());
                }
                yield b.append(']').toString();
            }
            case OBJECT -> {
                JsonObject o = example.asJsonObject();
                StringBuilder b = new StringBuilder("{");
                boolean first = true;
                for (var e : o.entrySet()) {
                    if (random.nextInt(6) == 0) {
                        continue; // a key left out
                    }
                    b.append(first ? "" : ", ")
                            .append(quote(e.getKey()))
                            .append(": ")
                            .append(random.nextInt(3) == 0 ? scalar() : mutate(e.getValue()));
                    first = false;
                }
                if (random.nextInt(4) == 0) {
                    b.append(first ? "" : ", ").append("\"unknownKey\": ").append(scalar());
                }
                yield b.append('}').toString();
            }
            case NUMBER -> random.nextBoolean() ? id() : scalar();
            case STRING -> random.nextBoolean() ? quote(search()) : scalar();
            default -> scalar();
        };
    }

    // ---------------------------------------------------------------- requests

    private String action(JsonObject spec) {
        JsonObject example = spec.containsKey("example_request")
                        && spec.get("example_request") instanceof JsonObject e
                        && e.get("params") instanceof JsonObject p
                ? p
                : JsonValue.EMPTY_JSON_OBJECT;
        StringBuilder params = new StringBuilder("{");
        boolean first = true;
        for (JsonValue v : spec.getJsonArray("params")) {
            JsonObject param = v.asJsonObject();
            String name = param.getString("name");
            int choice = random.nextInt(10);
            if (choice == 0) {
                continue; // missing
            }
            String value = choice == 1 ? "null" : value(param.getString("type"), example.get(name));
            params.append(first ? "" : ", ").append(quote(name)).append(": ").append(value);
            first = false;
        }
        if (random.nextInt(10) == 0) {
            params.append(first ? "" : ", ").append("\"notAParameter\": ").append(scalar());
        }
        params.append('}');
        String version = random.nextInt(8) == 0 ? scalar() : "6";
        return "{\"action\": " + quote(spec.getString("name")) + ", \"version\": " + version + ", \"params\": " + params
                + "}";
    }

    private static final String[] ACTION_NAMES = {"version", "deckNames", "multi", "findNotes", "notesInfo", "addNote"};

    private byte[] envelope() {
        String action = quote(ACTION_NAMES[random.nextInt(ACTION_NAMES.length)]);
        String valid = "{\"action\": " + action + ", \"version\": 6, \"params\": {}}";
        return switch (random.nextInt(12)) {
            case 0 -> ("{\"action\": " + scalar() + ", \"version\": 6}").getBytes(StandardCharsets.UTF_8);
            case 1 -> ("{\"action\": " + action + ", \"version\": " + scalar() + "}").getBytes(StandardCharsets.UTF_8);
            case 2 ->
                ("{\"action\": " + action + ", \"version\": 6, \"params\": " + scalar() + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 3 ->
                ("{\"action\": " + action + ", \"version\": 6, \"key\": " + scalar() + ", \"" + random.nextInt(100)
                                + "\": " + scalar() + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 4 -> scalar().getBytes(StandardCharsets.UTF_8);
            case 5 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 6 -> insert(valid.getBytes(StandardCharsets.UTF_8), invalidUtf8());
            case 7 -> insert(valid.getBytes(StandardCharsets.UTF_8), new byte[] {0});
            case 8 -> randomBytes();
            case 9 ->
                ("{\"action\": " + action + ", \"version\": 6, \"params\": {\"notes\": " + nested() + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            case 10 ->
                ("{\"action\": \"multi\", \"version\": 6, \"params\": {\"actions\": ["
                                + action(actions.get(random.nextInt(actions.size()))) + ", " + scalar() + "]}}")
                        .getBytes(StandardCharsets.UTF_8);
            default -> ("\ufeff" + valid + (random.nextBoolean() ? " x" : "  ")).getBytes(StandardCharsets.UTF_8);
        };
    }

    private String nested() {
        int depth = random.nextBoolean() ? 100 + random.nextInt(400) : 500 + random.nextInt(100_000);
        boolean closed = random.nextBoolean();
        return random.nextBoolean()
                ? "[".repeat(depth) + (closed ? "]".repeat(depth) : "")
                : "{\"a\": ".repeat(depth) + "1" + (closed ? "}".repeat(depth) : "");
    }

    private byte[] invalidUtf8() {
        byte[][] bad = {
            {(byte) 0xff},
            {(byte) 0xc3, 0x28},
            {(byte) 0xc0, (byte) 0x80},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xed, (byte) 0xbf, (byte) 0xbf},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82},
            {(byte) 0x80},
            {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
        };
        return bad[random.nextInt(bad.length)];
    }

    private byte[] insert(byte[] body, byte[] what) {
        int at = random.nextInt(body.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(what, 0, what.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private byte[] randomBytes() {
        byte[] b = new byte[1 + random.nextInt(200)];
        random.nextBytes(b);
        return b;
    }

    private static final String[] SEARCHES = {
        "(",
        ")",
        "(()",
        "())",
        "\"",
        "\"a",
        "a\"",
        "re:(a+)+$",
        "re:(",
        "re:[",
        "re:(?<x>",
        "re:\\",
        "re:(a|a)*$",
        "re:(a*)*b",
        "re:.*.*.*.*.*b",
        "*a*a*a*b",
        "*a*a*b",
        "_*_*_*_",
        "a*b*c*d*e*f",
        "*",
        "**",
        "_",
        "deck:",
        "deck:*",
        "deck:\"",
        "tag:",
        "tag:*",
        "tag:re:(",
        "prop:ivl>",
        "prop:ivl>x",
        "prop:",
        "flag:9",
        "flag:",
        "nid:abc",
        "nid:1,2,,",
        "cid:-1",
        "cid:99999999999999999999",
        "dupe:",
        "dupe:1,",
        "dupe:x,y",
        "field:",
        "Front:",
        "Front:*a*a*a*b",
        "front:re:(a|a)*$",
        "back:_*_",
        "-",
        "--a",
        "or",
        "and",
        "a or",
        "(a or b",
        "a and and b",
        "rated:1000000",
        "rated:-1",
        "added:-1",
        "added:x",
        "is:",
        "is:bogus",
        "note:",
        "card:0",
        "card:999999999999",
        "\\",
        "a\\",
        "\\_",
        "\\u0000",
        "\u0000",
        "w:",
        "w:*",
        "nc:",
        "nc:\u00e1\u0301",
        "sfld:",
        "mid:x",
        "preset:",
        "resched:1",
        "introduced:1",
        "\"deck:a b\"",
        "deck:a::b::",
        "-(",
        "-)",
        ":",
        "::",
        "a:b:c",
        "",
    };

    private String search() {
        return switch (random.nextInt(10)) {
            case 0 -> "(".repeat(1 + random.nextInt(3000)) + "a" + ")".repeat(random.nextInt(3000));
            case 1 -> "a ".repeat(1 + random.nextInt(300));
            case 2 -> "-".repeat(1 + random.nextInt(3000)) + "a";
            case 3 -> "*a".repeat(1 + random.nextInt(50)) + "b";
            case 4 -> SEARCHES[random.nextInt(SEARCHES.length)] + " " + SEARCHES[random.nextInt(SEARCHES.length)];
            default -> SEARCHES[random.nextInt(SEARCHES.length)];
        };
    }

    /** A JSON string literal of text (its control characters and quotes escaped). */
    private static String quote(String text) {
        return Json.createValue(text).toString();
    }
}
