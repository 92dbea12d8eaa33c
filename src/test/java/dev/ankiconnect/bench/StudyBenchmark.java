package dev.ankiconnect.bench;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.startup.Tomcat;

/**
 * A study session through the reviewer's gui* actions, as the study page makes it: per card {@code guiState} (the
 * page's poll), {@code guiCurrentCard}, {@code guiShowAnswer}, {@code guiCurrentCard} again (the answer side) and
 * {@code guiAnswerCard} Good, until each deck is done. The collection holds {@code BENCH_NOTES} notes (default
 * 20,000, {@link SearchBenchmark#seed}) beside {@code BENCH_DECKS} (default 5) study decks of 20 new cards each (the
 * default preset's new cards a day), each studied to its end: two answers a card (new, then learning within the
 * learn-ahead time). The reviewer's next card is chosen among the studied deck's cards only, so the figures should
 * not grow with {@code BENCH_NOTES}: compare {@code BENCH_NOTES=1000} with the default. {@code BENCH_DB=derby|postgres}.
 *
 * <p>Run: {@code mvn -Pbench -DskipTests package exec:exec -Dbench.main=dev.ankiconnect.bench.StudyBenchmark}.
 */
public final class StudyBenchmark {

    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();
    private static final int CARDS_PER_DECK = 20;

    private StudyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int notes = Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTES", "20000"));
        String db = System.getenv().getOrDefault("BENCH_DB", "derby");
        int port = BenchOptions.integer("bench.port", 18798);
        int decks = Integer.parseInt(System.getenv().getOrDefault("BENCH_DECKS", "5"));
        BenchDatabase database = BenchDatabase.start(db);
        Tomcat tomcat = EmbeddedServer.start(
                port, Path.of("target", "bench-study-" + db + "-" + System.currentTimeMillis()), false);
        int code = 0;
        try {
            BenchClient client = new BenchClient(port);
            SearchBenchmark.seed(client, notes);
            database.analyze();
            List<String> names = new ArrayList<>();
            for (int d = 0; d < decks; d++) {
                names.add(studyDeck(client, d));
            }
            Timings state = new Timings("guiState (the page's poll)");
            Timings question = new Timings("guiCurrentCard");
            Timings show = new Timings("guiShowAnswer");
            Timings answer = new Timings("guiAnswerCard (Good)");
            Timings start = new Timings("guiDeckReview");
            String stateBody = client.request("guiState", empty());
            String currentBody = client.request("guiCurrentCard", empty());
            String showBody = client.request("guiShowAnswer", empty());
            String goodBody = client.request(
                    "guiAnswerCard", JSON.createObjectBuilder().add("ease", 3).build());
            int answers = 0;
            for (String name : names) {
                String review = client.request(
                        "guiDeckReview",
                        JSON.createObjectBuilder().add("name", name).build());
                start.time(client, "guiDeckReview", review);
                while (true) {
                    JsonObject s = state.time(client, "guiState", stateBody).asJsonObject();
                    if (!"review".equals(s.getString("screen"))) {
                        break;
                    }
                    question.time(client, "guiCurrentCard", currentBody);
                    show.time(client, "guiShowAnswer", showBody);
                    question.time(client, "guiCurrentCard", currentBody);
                    answer.time(client, "guiAnswerCard", goodBody);
                    answers++;
                    if (answers > decks * CARDS_PER_DECK * 4) {
                        throw new IllegalStateException("the reviewer did not finish its decks");
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nembedded Tomcat + %s, %d notes seeded, %d study decks of %d new cards: %d answers%n",
                    db,
                    notes,
                    decks,
                    CARDS_PER_DECK,
                    answers);
            for (Timings t : List.of(start, state, question, show, answer)) {
                t.print();
            }
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            EmbeddedServer.stop(tomcat);
            database.close();
        }
        System.exit(code);
    }

    private static JsonObject empty() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** A deck of new Basic cards, the notes added in one call; its name. */
    private static String studyDeck(BenchClient client, int d) throws Exception {
        String name = "Study Bench " + d;
        client.call("createDeck", JSON.createObjectBuilder().add("deck", name).build());
        JsonArrayBuilder notes = JSON.createArrayBuilder();
        for (int i = 0; i < CARDS_PER_DECK; i++) {
            notes.add(JSON.createObjectBuilder()
                    .add("deckName", name)
                    .add("modelName", "Basic")
                    .add(
                            "fields",
                            JSON.createObjectBuilder()
                                    .add("Front", "study " + d + " " + i)
                                    .add("Back", "answer " + i)));
        }
        client.call("addNotes", JSON.createObjectBuilder().add("notes", notes).build());
        return name;
    }

    /** One action's times, in ms. */
    private static final class Timings {
        private final String label;
        private final List<Double> ms = new ArrayList<>();

        Timings(String label) {
            this.label = label;
        }

        JsonValue time(BenchClient client, String action, String body) throws Exception {
            long t0 = System.nanoTime();
            String reply = client.send(body);
            ms.add((System.nanoTime() - t0) / 1e6);
            return client.result(action, reply);
        }

        void print() {
            double[] sorted =
                    ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%-28s n=%4d  median %6.1f  p99 %6.1f  max %6.1f ms%n",
                    label,
                    sorted.length,
                    at(sorted, 0.50),
                    at(sorted, 0.99),
                    sorted[sorted.length - 1]);
        }

        private static double at(double[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }
}
