package dev.ankiconnect.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

/**
 * Anki's search language end to end: a small collection with a known meaning, seeded over HTTP, and a table of
 * queries whose expected results (as note / card labels) were derived by hand from the seed and ANKI-MODEL 5.
 * Runs unchanged on Derby and on PostgreSQL (the failsafe postgres execution), once answered from the in-memory
 * copy of the collection ({@link SearchQueryTableIT}) and once by SQL alone ({@link SearchQueryTableSqlIT}).
 *
 * <p>Notes (label: note type, deck, fields, tags) and cards (label.ordinal+1, state):
 * <pre>
 * B1 Basic  Lang::French  chat | cat &lt;b&gt;animal&lt;/b&gt;   animal French::noun   B1.1 suspended
 * B2 Basic  Lang::German  Hund | dog                      animal german::Noun   B2.1 red flag (1)
 * B3 Basic  Default       café | coffee                   food                  B3.1 buried manually
 * B4 Basic  My Deck (v2)  d&lt;b&gt;o&lt;/b&gt;g house | niche       (none)                B4.1 buried sibling, flag 4
 * B5 Basic  snake_case    Ёж | hedgehog                   Animal::Wild          B5.1 new, flag 7
 * D1 Basic  Default       chat | talk                     dup                   D1.1 new
 * R1 Basic (and reversed card)  Lang          apple | pomme     food fruit   R1.1 answered Good (learning, due now),
 *                                                                              R1.2 setDueDate 0 (review, ivl 20)
 * R2 Basic (and reversed card)  Lang::French  100% | a_b*c      symbols      R2.1 setDueDate 5 (review, ivl 3),
 *                                                                              R2.2 answered Again (learning)
 * C1 Cloze  Default       The {{c1::capital}} of {{c2::France}} is Paris | ""   geo    C1.1 new, C1.2 setDueDate 0
 *                                                                              (ivl 15, lapses 2, reps 7, ease 2.7)
 * C2 Cloze  Lang::German  {{c1::Berlin}} ist groß | ""    geo German            C2.1 relearning, due a minute ago
 * V1 Vocab  Lang          naïve | naive | a naïve question   vocab         V1.1 answered Easy (review, ivl 4),
 *                                                                              V1.2 setDueDate 0 then forgotten (new)
 * V2 Vocab  Lang::French  École | school | ""             vocab french::Noun    V2.1, V2.2 new
 * </pre>
 */
abstract class SearchQueryTable {

    @ArquillianResource
    URL url;

    AnkiClient client;
    final Map<Long, String> noteLabel = new HashMap<>();
    final Map<String, Long> noteId = new HashMap<>();
    final Map<Long, String> cardLabel = new HashMap<>();
    final Map<String, Long> cardId = new HashMap<>();
    long basicMid;
    long vocabMid;

    private JsonValue call(String action, String paramsJson) {
        return client.call(
                action, AnkiClient.parse(paramsJson.replace('\'', '"')).asJsonObject());
    }

    private long add(String label, String model, String deck, String[] fields, String... tags) {
        JsonObject fieldObj;
        var fb = Json.createObjectBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            fb.add(fields[i], fields[i + 1]);
        }
        fieldObj = fb.build();
        JsonArrayBuilder tb = Json.createArrayBuilder();
        for (String t : tags) {
            tb.add(t);
        }
        JsonObject note = Json.createObjectBuilder()
                .add("deckName", deck)
                .add("modelName", model)
                .add("fields", fieldObj)
                .add("tags", tb)
                .add("options", Json.createObjectBuilder().add("allowDuplicate", true))
                .build();
        long id = ((JsonNumber) client.call(
                        "addNote", Json.createObjectBuilder().add("note", note).build()))
                .longValue();
        noteLabel.put(id, label);
        noteId.put(label, id);
        for (JsonValue c : client.call(
                        "cardsInfo",
                        Json.createObjectBuilder()
                                .add(
                                        "cards",
                                        client.call(
                                                "findCards",
                                                Json.createObjectBuilder()
                                                        .add("query", "nid:" + id)
                                                        .build()))
                                .build())
                .asJsonArray()) {
            JsonObject info = c.asJsonObject();
            String cl = label + "." + (info.getInt("ord") + 1);
            long cid = info.getJsonNumber("cardId").longValue();
            cardLabel.put(cid, cl);
            cardId.put(cl, cid);
        }
        return id;
    }

    private static String[] f(String... nameValue) {
        return nameValue;
    }

    private void set(String card, String keys, String values) {
        call(
                "setSpecificValueOfCard",
                "{'card': " + cardId.get(card) + ", 'keys': " + keys + ", 'newValues': " + values
                        + ", 'warning_check': true}");
    }

    private void seed() {
        for (String deck : List.of("Lang::French", "Lang::German", "My Deck (v2)", "snake_case")) {
            client.call(
                    "createDeck", Json.createObjectBuilder().add("deck", deck).build());
        }
        call(
                "createModel",
                "{'modelName': 'Vocab', 'inOrderFields': ['Word', 'Meaning', 'Example'], 'cardTemplates': ["
                        + "{'Name': 'Recognition', 'Front': '{{Word}}', 'Back': '{{Meaning}}'},"
                        + "{'Name': 'Production', 'Front': '{{Meaning}}', 'Back': '{{Word}}'}]}");
        add("B1", "Basic", "Lang::French", f("Front", "chat", "Back", "cat <b>animal</b>"), "animal", "French::noun");
        add("B2", "Basic", "Lang::German", f("Front", "Hund", "Back", "dog"), "animal", "german::Noun");
        add("B3", "Basic", "Default", f("Front", "café", "Back", "coffee"), "food");
        add("B4", "Basic", "My Deck (v2)", f("Front", "d<b>o</b>g house", "Back", "niche"));
        add("B5", "Basic", "snake_case", f("Front", "Ёж", "Back", "hedgehog"), "Animal::Wild");
        add("D1", "Basic", "Default", f("Front", "chat", "Back", "talk"), "dup");
        add("R1", "Basic (and reversed card)", "Lang", f("Front", "apple", "Back", "pomme"), "food", "fruit");
        add("R2", "Basic (and reversed card)", "Lang::French", f("Front", "100%", "Back", "a_b*c"), "symbols");
        add(
                "C1",
                "Cloze",
                "Default",
                f("Text", "The {{c1::capital}} of {{c2::France}} is Paris", "Back Extra", ""),
                "geo");
        add("C2", "Cloze", "Lang::German", f("Text", "{{c1::Berlin}} ist groß", "Back Extra", ""), "geo", "German");
        add("V1", "Vocab", "Lang", f("Word", "naïve", "Meaning", "naive", "Example", "a naïve question"), "vocab");
        add(
                "V2",
                "Vocab",
                "Lang::French",
                f("Word", "École", "Meaning", "school", "Example", ""),
                "vocab",
                "french::Noun");
        JsonObject models = client.call("modelNamesAndIds").asJsonObject();
        basicMid = models.getJsonNumber("Basic").longValue();
        vocabMid = models.getJsonNumber("Vocab").longValue();

        call("suspend", "{'cards': [" + cardId.get("B1.1") + "]}");
        set("B2.1", "['flags']", "[1]");
        set("B3.1", "['queue']", "[-3]");
        set("B4.1", "['queue', 'flags']", "[-2, 4]");
        set("B5.1", "['flags']", "[7]");
        call(
                "answerCards",
                "{'answers': [{'cardId': " + cardId.get("R1.1") + ", 'ease': 3}, {'cardId': " + cardId.get("R2.2")
                        + ", 'ease': 1}, {'cardId': " + cardId.get("V1.1") + ", 'ease': 4}]}");
        call(
                "setDueDate",
                "{'cards': [" + cardId.get("R1.2") + ", " + cardId.get("C1.2") + ", " + cardId.get("V1.2")
                        + "], 'days': '0'}");
        call("setDueDate", "{'cards': [" + cardId.get("R2.1") + "], 'days': '5'}");
        call("forgetCards", "{'cards': [" + cardId.get("V1.2") + "]}");
        set("R1.2", "['ivl']", "[20]");
        set("R2.1", "['ivl']", "[3]");
        // the Easy answer's interval is fuzzed (3 to 5 days); pin it to 4 days from today (R1.2 is due today)
        long today = client.call(
                        "cardsInfo",
                        Json.createObjectBuilder()
                                .add("cards", Json.createArrayBuilder().add(cardId.get("R1.2")))
                                .build())
                .asJsonArray()
                .getJsonObject(0)
                .getJsonNumber("due")
                .longValue();
        set("V1.1", "['ivl', 'due']", "[4, " + (today + 4) + "]");
        set("C1.2", "['ivl', 'lapses', 'reps', 'factor']", "[15, 2, 7, 2700]");
        long now = System.currentTimeMillis() / 1000;
        set("C2.1", "['type', 'queue', 'due', 'ivl', 'factor']", "[3, 1, " + (now - 60) + ", 2, 2300]");
    }

    // ---- the table ----------------------------------------------------------------------------------------

    record Row(String query, boolean cards, String expected, String error) {}

    final List<Row> rows = new ArrayList<>();

    /** findNotes(query) gives exactly these note labels (space separated; "" for none). */
    private void n(String query, String labels) {
        rows.add(new Row(query, false, labels, null));
    }

    /** findCards(query) gives exactly these card labels. */
    private void c(String query, String labels) {
        rows.add(new Row(query, true, labels, null));
    }

    /** findNotes(query) fails with "Invalid search: " + reason. */
    private void err(String query, String reason) {
        rows.add(new Row(query, false, null, "Invalid search: " + reason));
    }

    static final String ALL_NOTES = "B1 B2 B3 B4 B5 D1 R1 R2 C1 C2 V1 V2";
    static final String ALL_CARDS =
            "B1.1 B2.1 B3.1 B4.1 B5.1 D1.1 R1.1 R1.2 R2.1 R2.2 C1.1 C1.2 C2.1 V1.1 V1.2 V2.1 V2.2";

    private void table() {
        // everything
        n("", ALL_NOTES);
        n("*", ALL_NOTES);
        c("", ALL_CARDS);
        n("deck:*", ALL_NOTES);
        n("tag:*", ALL_NOTES);
        n("added:1", ALL_NOTES);
        c("added:1", ALL_CARDS);
        n("edited:1", ALL_NOTES);
        n("added:0", ALL_NOTES);

        // unqualified text: LIKE, ASCII case folding only, raw HTML plus the stripped sort field
        n("chat", "B1 D1");
        n("CHAT", "B1 D1");
        n("ChAt", "B1 D1");
        n("hat", "B1 D1");
        n("dog", "B2 B4");
        n("d<b>o</b>g", "B4");
        n("\"dog house\"", "B4");
        n("animal", "B1");
        n("café", "B3");
        n("Café", "B3");
        n("CAFÉ", "");
        n("Ёж", "B5");
        n("ёж", "");
        n("École", "V2");
        n("école", "");
        n("naïve", "V1");
        n("naive", "V1");
        n("100%", "R2");
        n("%", "R2");
        n("a_b", "R2");
        n("a\\_b", "R2");
        n("b\\*c", "R2");
        n("b*c", "B4 R2");
        n("groß", "C2");
        n("GROSS", "");
        n("capital of", "C1");
        n("\"capital of\"", "");
        n("\"and\"", "");
        n("\"or\"", "");
        n("zzz", "");
        n("dog chat", "");
        n("h*d", "B2 B5");

        // field searches
        n("front:chat", "B1 D1");
        n("Front:CHAT", "B1 D1");
        n("FRONT:chat", "B1 D1");
        n("front:cha", "");
        n("front:cha*", "B1 D1");
        n("front:*a*", "B1 B3 R1 D1");
        n("front:*", "B1 B2 B3 B4 B5 D1 R1 R2");
        n("front:_*", "B1 B2 B3 B4 B5 D1 R1 R2");
        n("front:", "");
        n("back:dog", "B2");
        n("back:", "");
        n("\"back extra:\"", "C1 C2");
        n("\"back extra:_*\"", "");
        n("example:", "V2");
        n("example:_*", "V1");
        n("word:École", "V2");
        n("word:école", "");
        n("word:re:^é", "V2");
        n("fr*:chat", "B1 D1");
        n("*:dog", "B2");
        n("*:hund", "B2");
        n("*:ёж", "B5");
        n("front:re:^d", "B4");
        n("front:re:ouse$", "B4");
        n("back:re:b\\*c", "R2");
        n("meaning:nc:naive", "V1");
        n("word:nc:naive", "V1");
        n("word:nc:ecole", "V2");
        n("word:naive", "");
        n("\"front:d<b>o</b>g house\"", "B4");
        n("front:dog*", "");
        n("front:100%", "R2");
        n("front:1_0%", "R2");
        n("back:a\\_b\\*c", "R2");
        n("back:a_b*c", "R2");
        n("nosuchfield:x", "");
        n("text:re:c\\d", "C1 C2");
        n("text:*paris", "C1");
        n("front:chat back:talk", "D1");
        n("front:chat -back:talk", "B1");

        // regex on all fields (Unicode case-insensitive)
        n("re:^chat", "B1 D1");
        n("re:dog$", "B2");
        n("re:paris", "C1");
        n("re:(?-i)paris", "");
        n("re:ё", "B5");
        n("re:école", "V2");
        n("\"re:a naïve q\"", "V1");
        n("re:\\d{3}", "R2");

        // accents / combining marks
        n("nc:cafe", "B3");
        n("nc:CAFE", "B3");
        n("nc:ecole", "V2");
        n("nc:naive", "V1");
        n("cafe", "");

        // cloze stripping
        n("\"sc:capital of\"", "C1");
        n("\"sc:Berlin ist\"", "C2");
        n("sc:chat", "");

        // whole words
        n("w:cat", "B1");
        n("w:chat", "B1 D1");
        n("w:CHAT", "B1 D1");
        n("w:naïve", "V1");
        n("w:ist", "C2");
        n("w:dog", "B2");
        n("w:hou*", "B4");
        n("w:ёж", "B5");
        n("w:ap", "");

        // decks
        n("deck:Lang", "B1 B2 R1 R2 C2 V1 V2");
        n("deck:lang", "B1 B2 R1 R2 C2 V1 V2");
        n("deck:Lang::French", "B1 R2 V2");
        n("deck:lang::f*", "B1 R2 V2");
        n("deck:Lang -deck:Lang::*", "R1 V1");
        n("\"deck:My Deck (v2)\"", "B4");
        n("deck:\"my deck (v2)\"", "B4");
        n("deck:My*", "B4");
        n("deck:snake_case", "B5");
        n("deck:snake\\_case", "B5");
        n("deck:sna_e_case", "B5");
        n("deck:Default", "B3 C1 D1");
        n("deck:current", "B3 C1 D1");
        n("deck:filtered", "");
        n("deck:French", "");
        n("deck:*French", "B1 R2 V2");
        n("deck:Lang::", "");
        c("deck:Lang::German", "B2.1 C2.1");
        c("did:1", "B3.1 C1.1 C1.2 D1.1");

        // tags
        n("tag:animal", "B1 B2 B5");
        n("tag:ANIMAL", "B1 B2 B5");
        n("tag:animal::wild", "B5");
        n("tag:french", "B1 V2");
        n("tag:French::noun", "B1 V2");
        n("tag:german", "B2 C2");
        n("tag:noun", "");
        n("tag:*noun", "B1 B2 V2");
        n("tag:none", "B4");
        n("tag:f*", "B1 B3 R1 V2");
        n("tag:fo_d", "B3 R1");
        n("tag:re:^geo$", "C1 C2");
        n("tag:re:oun", "B1 B2 V2");
        n("-tag:animal", "B3 B4 D1 R1 R2 C1 C2 V1 V2");
        n("-tag:none", "B1 B2 B3 B5 D1 R1 R2 C1 C2 V1 V2");
        n("\"tag:a b\"", "");

        // note types and templates
        n("note:Basic", "B1 B2 B3 B4 B5 D1");
        n("note:basic", "B1 B2 B3 B4 B5 D1");
        n("note:Basic*", "B1 B2 B3 B4 B5 D1 R1 R2");
        n("\"note:Basic (and reversed card)\"", "R1 R2");
        n("note:Cloze", "C1 C2");
        n("note:Vocab", "V1 V2");
        n("note:voc*", "V1 V2");
        n("note:Nothing", "");
        c("card:1", "B1.1 B2.1 B3.1 B4.1 B5.1 D1.1 R1.1 R2.1 C1.1 C2.1 V1.1 V2.1");
        c("card:2", "R1.2 R2.2 C1.2 V1.2 V2.2");
        c("card:0", "B1.1 B2.1 B3.1 B4.1 B5.1 D1.1 R1.1 R2.1 C1.1 C2.1 V1.1 V2.1");
        c("card:3", "");
        c("card:Recognition", "V1.1 V2.1");
        c("\"card:card 2\"", "R1.2 R2.2");
        c("card:Prod*", "V1.2 V2.2");
        n("card:2", "R1 R2 C1 V1 V2");

        // states
        c("is:new", "B1.1 B2.1 B3.1 B4.1 B5.1 D1.1 C1.1 V1.2 V2.1 V2.2");
        n("is:new", "B1 B2 B3 B4 B5 D1 C1 V1 V2");
        n("-is:new", "R1 R2 C1 C2 V1");
        c("-is:new", "R1.1 R1.2 R2.1 R2.2 C1.2 C2.1 V1.1");
        c("is:learn", "R1.1 R2.2 C2.1");
        c("is:review", "R1.2 R2.1 C1.2 C2.1 V1.1");
        c("is:due", "R1.1 R1.2 R2.2 C1.2 C2.1");
        c("is:suspended", "B1.1");
        c("is:buried", "B3.1 B4.1");
        c("is:buried-manually", "B3.1");
        c("is:buried-sibling", "B4.1");
        c("is:due or is:suspended", "B1.1 R1.1 R1.2 R2.2 C1.2 C2.1");
        c("is:review -is:learn", "R1.2 R2.1 C1.2 V1.1");

        // flags
        c("flag:1", "B2.1");
        c("flag:4", "B4.1");
        c("flag:7", "B5.1");
        c("flag:2", "");
        c("flag:0", "B1.1 B3.1 D1.1 R1.1 R1.2 R2.1 R2.2 C1.1 C1.2 C2.1 V1.1 V1.2 V2.1 V2.2");
        c("-flag:0", "B2.1 B4.1 B5.1");

        // properties
        c("prop:ivl>10", "R1.2 C1.2");
        c("prop:ivl=3", "R2.1");
        c("prop:ivl>=15", "R1.2 C1.2");
        c("prop:ivl!=0 prop:ivl<10", "R2.1 C2.1 V1.1");
        c("prop:due=5", "R2.1");
        c("prop:due>1", "R2.1 V1.1");
        c("prop:due=0", "R1.1 R1.2 R2.2 C1.2 C2.1");
        c("prop:due<0", "");
        c("prop:reps>5", "C1.2");
        c("prop:reps=1", "R1.1 R2.2 V1.1");
        c("prop:lapses=2", "C1.2");
        c("prop:lapses>0", "C1.2");
        c("prop:ease>2.6", "C1.2");
        c("prop:ease=2.3", "C2.1");

        // review history
        c("rated:1", "R1.1 R2.2 V1.1");
        c("rated:1:1", "R2.2");
        c("rated:1:3", "R1.1");
        c("rated:1:4", "V1.1");
        c("rated:30:2", "");
        n("rated:1", "R1 R2 V1");
        c("prop:rated=0", "R1.1 R2.2 V1.1");
        c("prop:rated>-1:3", "R1.1");
        c("introduced:1", "R1.1 R2.2 V1.1");
        c("introduced:365", "R1.1 R2.2 V1.1");
        c("resched:1", "R1.2 R2.1 C1.2 V1.2");

        // ids
        n("dupe:" + basicMidToken() + ",chat", "B1 D1");
        n("dupe:" + basicMidToken() + ",Chat", "");
        n("\"dupe:" + basicMidToken() + ",<b>chat</b>\"", "B1 D1");
        n("mid:" + vocabMidToken(), "V1 V2");
        n("nid:" + noteToken("B1") + "," + noteToken("V2"), "B1 V2");
        c("nid:" + noteToken("R1"), "R1.1 R1.2");
        c("cid:" + cardToken("R1.2") + "," + cardToken("C2.1"), "R1.2 C2.1");
        n("cid:" + cardToken("R1.2"), "R1");

        // connectives, negation, grouping
        n("deck:Lang tag:animal", "B1 B2");
        n("deck:Lang and tag:animal", "B1 B2");
        n("deck:Lang AND tag:animal", "B1 B2");
        n("tag:animal or tag:food", "B1 B2 B3 B5 R1");
        n("tag:animal OR tag:food", "B1 B2 B3 B5 R1");
        n("tag:geo Or tag:vocab", "C1 C2 V1 V2");
        n("deck:Lang (tag:animal or tag:food)", "B1 B2 R1");
        n("deck:Lang tag:animal or tag:food", "B1 B2 B3 R1");
        n("tag:food or deck:Lang tag:animal", "B1 B2 B3 R1");
        n("-deck:Lang", "B3 B4 B5 D1 C1");
        n("-(tag:animal or deck:Default)", "B4 R1 R2 C2 V1 V2");
        n("-tag:animal -deck:Default", "B4 R1 R2 C2 V1 V2");
        n("note:Basic -tag:none", "B1 B2 B3 B5 D1");
        n("(note:Cloze or note:Vocab) deck:Lang", "C2 V1 V2");
        n("((tag:geo))", "C1 C2");
        n("-(-tag:geo)", "C1 C2");
        n("tag:geo\u3000tag:german", "C2");
        n("\"tag:geo\"\"tag:german\"", "C2");
        c("card:2 deck:Lang::French", "R2.2 V2.2");
        c("deck:Lang (is:learn or flag:1)", "B2.1 R1.1 R2.2 C2.1");
        c("-is:new -is:review", "R1.1 R2.2");
        n("is:suspended or tag:none", "B1 B4");
        n("chat or dog or école", "B1 B2 B4 D1");
        n("front:chat or front:hund", "B1 B2 D1");
        n("-chat", "B2 B3 B4 B5 R1 R2 C1 C2 V1 V2");
        n("http\\://x", "");

        // syntax errors, with AnkiConnect's error text
        err(
                "and tag:x",
                "an `and` was found but it is not connecting two search terms. If you want to search for "
                        + "the word itself, wrap it in double quotes: `\"and\"`.");
        err(
                "tag:x or",
                "an `or` was found but it is not connecting two search terms. If you want to search for "
                        + "the word itself, wrap it in double quotes: `\"or\"`.");
        err(
                "a or or b",
                "an `or` was found but it is not connecting two search terms. If you want to search for "
                        + "the word itself, wrap it in double quotes: `\"or\"`.");
        err(
                "()",
                "a group `(...)` was found, but there was nothing between the brackets to search for. If you "
                        + "want to search for literal brackets, wrap them in double quotes: `\"( )\"`.");
        err(
                "a)",
                "a closing bracket `)` was found, but there was no opening bracket `(` preceding it. If you want "
                        + "to search for a literal `)`, wrap it in double quotes or prepend a backslash: `\")\"` or `\\)`.");
        err(
                "(a",
                "an opening bracket `(` was found, but there was no closing bracket `)` following it. If you "
                        + "want to search for a literal `(`, wrap it in double quotes or prepend a backslash: `\"(\"` or `\\(` .");
        err(
                "\"\"",
                "a pair of double quotes `\"\"` was found, but there was nothing between them to search for. "
                        + "If you want to search for literal double quotes, prepend backslashes: `\\\"\\\"`.");
        err(
                "\"abc",
                "an opening double quote `\"` was found, but there was no second one to close it. If you want "
                        + "to search for a literal `\"`, prepend a backslash: `\\\"`.");
        err(
                ":abc",
                "a colon `:` was found, but there was no keyword preceding it. If you want to search for a "
                        + "literal `:`, prepend a backslash: `\\:`.");
        err(
                "a\\qb",
                "the escape sequence `\\q` is not defined. If you want to search for a literal backslash "
                        + "`\\`, prepend another one: `\\\\`.");
        err("is:foo", "`is:` was given an invalid argument '`foo`'.");
        err(
                "flag:8",
                "`flag:` must be followed by a valid flag number: `1` (red), `2` (orange), `3` (green), "
                        + "`4` (blue), `5` (pink), `6` (turquoise), `7` (purple) or `0` (no flag).");
        err(
                "prop:ivl",
                "`prop:ivl` must be followed by one of the following comparison operators: `=`, `!=`, "
                        + "`<`, `>`, `<=` or `>=`.");
        err("rated:x", "expected a positive whole number in \"`rated:`\", but found \"`x`\".");
        err("rated:1:5", "expected an answer button between 1-4 in \"`1:5`\", but found \"`5`\".");
        err("added:-1", "expected a positive whole number in \"`added:`\", but found \"`-1`\".");
    }

    private String basicMidToken() {
        return Long.toString(basicMid);
    }

    private String vocabMidToken() {
        return Long.toString(vocabMid);
    }

    private String noteToken(String label) {
        return Long.toString(noteId.get(label));
    }

    private String cardToken(String label) {
        return Long.toString(cardId.get(label));
    }

    @Test
    void everyQueryGivesExactlyTheHandDerivedSet() {
        client = new AnkiClient(url);
        seed();
        assertEquals(12, noteId.size());
        assertEquals(17, cardId.size(), "cards: " + cardId.keySet());
        beforeTable();
        table();
        Set<String> distinct = new LinkedHashSet<>();
        rows.forEach(r -> distinct.add((r.cards() ? "cards " : "notes ") + r.query()));
        assertTrue(distinct.size() >= 150, "only " + distinct.size() + " distinct queries");
        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            String action = r.cards() ? "findCards" : "findNotes";
            JsonObject params =
                    Json.createObjectBuilder().add("query", r.query()).build();
            if (r.error() != null) {
                String error = client.error(action, params);
                if (!r.error().equals(error)) {
                    failures.add(action + " [" + r.query() + "]\n   expected error " + r.error() + "\n   got " + error);
                }
                continue;
            }
            String error = client.error(action, params);
            if (error != null) {
                failures.add(action + " [" + r.query() + "] failed: " + error);
                continue;
            }
            JsonValue result = client.call(action, params);
            List<Long> ids = new ArrayList<>();
            result.asJsonArray().forEach(v -> ids.add(((JsonNumber) v).longValue()));
            List<Long> sorted = new ArrayList<>(ids);
            sorted.sort(null);
            Set<String> got = new TreeSet<>();
            for (long id : ids) {
                String label = (r.cards() ? cardLabel : noteLabel).get(id);
                got.add(label == null ? "?" + id : label);
            }
            Set<String> want = new TreeSet<>(
                    r.expected().isEmpty()
                            ? List.of()
                            : Arrays.asList(r.expected().split(" ")));
            if (!want.equals(got) || !sorted.equals(ids) || got.size() != ids.size()) {
                failures.add(action + " [" + r.query() + "]\n   expected " + want + "\n   got      " + got
                        + (sorted.equals(ids) ? "" : " (not in ascending order)"));
            }
        }
        System.out.println(getClass().getSimpleName() + ": " + rows.size() + " rows, " + distinct.size()
                + " distinct queries, " + failures.size() + " failures");
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + rows.size() + " queries wrong:\n" + String.join("\n", failures));
        afterTable();
    }

    /** Run between seeding and the table: writes that leave the seeded collection as it was (see {@link CatchUpIT}). */
    void beforeTable() {}

    /** Run once the table passed. */
    void afterTable() {}
}
