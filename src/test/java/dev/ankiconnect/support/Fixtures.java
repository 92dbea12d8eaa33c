package dev.ankiconnect.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Data builders for ITs: unique decks and notes of the stock note types. */
public final class Fixtures {

    private Fixtures() {}

    /** Creates a deck with a unique name (prefix plus a random suffix) and returns the name. */
    public static String deck(AnkiClient client, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.call("createDeck", Json.createObjectBuilder().add("deck", name).build());
        return name;
    }

    public static NoteBuilder basicNote(AnkiClient client) {
        return new NoteBuilder(client, "Basic");
    }

    public static NoteBuilder clozeNote(AnkiClient client) {
        return new NoteBuilder(client, "Cloze");
    }

    /** A note of any note type. */
    public static NoteBuilder note(AnkiClient client, String model) {
        return new NoteBuilder(client, model);
    }

    public static JsonObject params(String key, JsonValue value) {
        return Json.createObjectBuilder().add(key, value).build();
    }

    public static JsonArray ids(long... ids) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (long id : ids) {
            b.add(id);
        }
        return b.build();
    }

    public static JsonArray ids(List<Long> ids) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        ids.forEach(b::add);
        return b.build();
    }

    public static List<Long> longs(JsonValue array) {
        List<Long> out = new ArrayList<>();
        for (JsonValue v : array.asJsonArray()) {
            out.add(((JsonNumber) v).longValue());
        }
        return out;
    }

    /** A note object for addNote and friends. */
    public static final class NoteBuilder {
        private final AnkiClient client;
        private final String model;
        private String deck = "Default";
        private final JsonObjectBuilder fields = Json.createObjectBuilder();
        private final JsonArrayBuilder tags = Json.createArrayBuilder();
        private JsonObject options;

        NoteBuilder(AnkiClient client, String model) {
            this.client = client;
            this.model = model;
        }

        public NoteBuilder deck(String name) {
            deck = name;
            return this;
        }

        /** Alternating names and values. */
        public NoteBuilder fields(String... nameValue) {
            for (int i = 0; i + 1 < nameValue.length; i += 2) {
                fields.add(nameValue[i], nameValue[i + 1]);
            }
            return this;
        }

        public NoteBuilder tags(String... t) {
            for (String s : t) {
                tags.add(s);
            }
            return this;
        }

        public NoteBuilder options(JsonObject o) {
            options = o;
            return this;
        }

        public JsonObject json() {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("deckName", deck)
                    .add("modelName", model)
                    .add("fields", fields.build())
                    .add("tags", tags.build());
            if (options != null) {
                b.add("options", options);
            }
            return b.build();
        }

        /** addNote; returns the note id. */
        public long add() {
            return ((JsonNumber) client.call("addNote", params("note", json()))).longValue();
        }
    }
}
