package dev.ankiconnect.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.catalina.startup.Tomcat;

/**
 * answerCards, setDueDate and forgetCards on 1,000 cards in one call each, on embedded Derby.
 * Each round uses a fresh deck of 1,000 new Basic cards; the figures are the median of the rounds.
 *
 * <p>Run: {@code mvn -Pbench -Dbench.main=dev.ankiconnect.bench.ReviewBenchmark -DskipTests package exec:exec}.
 */
public final class ReviewBenchmark {

    private static final int CARDS = 1000;
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();
    private static final int ROUNDS = 5;

    private ReviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("bench.port", 18797);
        Tomcat tomcat =
                EmbeddedServer.start(port, Path.of("target", "bench-review-" + System.currentTimeMillis()), false);
        BenchClient client = new BenchClient(port);
        try {
            double[] answer = new double[ROUNDS];
            double[] again = new double[ROUNDS];
            double[] due = new double[ROUNDS];
            double[] forget = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                JsonArray cards = freshCards(client, "Review" + round);
                // Requests are built before the clock starts: only the server's work is timed.
                jakarta.json.JsonObject good = answers(cards, 3);
                jakarta.json.JsonObject fail = answers(cards, 1);
                jakarta.json.JsonObject dueDate = JSON.createObjectBuilder()
                        .add("cards", cards)
                        .add("days", "1-7")
                        .build();
                jakarta.json.JsonObject reset =
                        JSON.createObjectBuilder().add("cards", cards).build();
                answer[round] = time(() -> client.call("answerCards", good));
                again[round] = time(() -> client.call("answerCards", fail));
                due[round] = time(() -> client.call("setDueDate", dueDate));
                forget[round] = time(() -> client.call("forgetCards", reset));
            }
            System.out.println();
            print("answerCards, 1,000 new cards (Good)", answer, 1000);
            print("answerCards, 1,000 learning cards (Again)", again, 1000);
            print("setDueDate \"1-7\", 1,000 cards", due, 0);
            print("forgetCards, 1,000 cards", forget, 0);
        } finally {
            EmbeddedServer.stop(tomcat);
        }
    }

    private static JsonArray freshCards(BenchClient client, String deck) throws Exception {
        client.call("createDeck", Json.createObjectBuilder().add("deck", deck).build());
        JsonArrayBuilder notes = Json.createArrayBuilder();
        for (int i = 0; i < CARDS; i++) {
            notes.add(Json.createObjectBuilder()
                    .add("deckName", deck)
                    .add("modelName", "Basic")
                    .add(
                            "fields",
                            Json.createObjectBuilder()
                                    .add("Front", deck + " word " + i)
                                    .add("Back", "meaning " + i)));
        }
        client.call("addNotes", Json.createObjectBuilder().add("notes", notes).build());
        return client.call(
                        "findCards",
                        Json.createObjectBuilder().add("query", "deck:" + deck).build())
                .asJsonArray();
    }

    private static jakarta.json.JsonObject answers(JsonArray cards, int ease) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (JsonValue id : cards) {
            a.add(JSON.createObjectBuilder().add("cardId", id).add("ease", ease));
        }
        return JSON.createObjectBuilder().add("answers", a).build();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double time(Call call) throws Exception {
        long t = System.nanoTime();
        call.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static void print(String label, double[] ms, int targetMs) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-44s median %7.1f ms  min %7.1f ms  max %7.1f ms%s%n",
                label,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                targetMs > 0 ? String.format(Locale.ROOT, "  target < %d ms", targetMs) : "");
    }
}
