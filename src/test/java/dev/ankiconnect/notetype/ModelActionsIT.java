package dev.ankiconnect.notetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model actions over HTTP. Each test creates its own note type shaped like AnkiConnect's
 * test_model (fields field1/field2, Card 1 and Card 2, css "* {}").
 */
@ExtendWith(ArquillianExtension.class)
class ModelActionsIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("decks");
    }

    @ArquillianResource
    URL url;

    AnkiClient client;

    @BeforeEach
    void connect() {
        client = new AnkiClient(url);
    }

    static JsonObject j(String json) {
        return AnkiClient.parse(json.replace('\'', '"')).asJsonObject();
    }

    JsonObject createTestModel(String name) {
        return client.call(
                        "createModel",
                        j("{'modelName': '" + name + "', 'inOrderFields': ['field1', 'field2'],"
                                + "'cardTemplates': [{'Front': '{{field1}}', 'Back': '{{field2}}'}, {'Front': '{{field2}}', 'Back': '{{field1}}'}],"
                                + "'css': '* {}'}"))
                .asJsonObject();
    }

    JsonValue call(String action, String params) {
        return client.call(action, j(params));
    }

    String error(String action, String params) {
        return client.error(action, j(params));
    }

    @Test
    void modelNamesAndIds_listTheStockTypesAndNewOnes() {
        long id = createTestModel("NamesModel").getJsonNumber("id").longValueExact();
        JsonArray names = client.call("modelNames").asJsonArray();
        assertTrue(names.contains(Json.createValue("NamesModel")));
        assertTrue(names.contains(Json.createValue("Basic")));
        assertEquals(
                id,
                client.call("modelNamesAndIds")
                        .asJsonObject()
                        .getJsonNumber("NamesModel")
                        .longValueExact());
        assertEquals(
                "\"NamesModel\"",
                client.call(
                                "modelNameFromId",
                                Json.createObjectBuilder().add("modelId", id).build())
                        .toString());
    }

    @Test
    void modelNameFromId_unknown() {
        assertEquals("model was not found: 123", error("modelNameFromId", "{'modelId': 123}"));
    }

    @Test
    void createModel_returnsTheStoredModel() {
        JsonObject m = createTestModel("Created");
        assertEquals("Created", m.getString("name"));
        assertEquals(0, m.getInt("type"));
        assertEquals("* {}", m.getString("css"));
        assertEquals(0, m.getInt("sortf"));
        assertEquals(-1, m.getInt("usn"));
        assertEquals(
                List.of("field1", "field2"),
                m.getJsonArray("flds").stream()
                        .map(v -> v.asJsonObject().getString("name"))
                        .toList());
        assertEquals(
                List.of(0, 1),
                m.getJsonArray("flds").stream()
                        .map(v -> v.asJsonObject().getInt("ord"))
                        .toList());
        assertEquals(
                List.of("Card 1", "Card 2"),
                m.getJsonArray("tmpls").stream()
                        .map(v -> v.asJsonObject().getString("name"))
                        .toList());
        assertEquals(j("{'x': [[0, 'any', [0]], [1, 'any', [1]]]}").get("x"), m.get("req"));
        JsonObject field = m.getJsonArray("flds").getJsonObject(0);
        for (String key : List.of(
                "name",
                "ord",
                "sticky",
                "rtl",
                "font",
                "size",
                "description",
                "plainText",
                "collapsed",
                "excludeFromSearch",
                "id",
                "tag",
                "preventDeletion")) {
            assertTrue(field.containsKey(key), key);
        }
        JsonObject template = m.getJsonArray("tmpls").getJsonObject(0);
        for (String key : List.of("name", "ord", "qfmt", "afmt", "bqfmt", "bafmt", "did", "bfont", "bsize", "id")) {
            assertTrue(template.containsKey(key), key);
        }
        assertEquals(
                m,
                call("findModelsByName", "{'modelNames': ['Created']}")
                        .asJsonArray()
                        .get(0));
    }

    @Test
    void createModel_withoutCssUsesTheDefaultAndClozeSetsType() {
        JsonObject m = client.call(
                        "createModel",
                        j(
                                "{'modelName': 'NoCss', 'inOrderFields': ['Text'], 'isCloze': true,"
                                        + "'cardTemplates': [{'Name': 'Cloze', 'Front': '{{cloze:Text}}', 'Back': '{{cloze:Text}}'}]}"))
                .asJsonObject();
        assertEquals(1, m.getInt("type"));
        assertEquals(NoteTypeJson.DEFAULT_CSS, m.getString("css"));
        assertEquals("Cloze", m.getJsonArray("tmpls").getJsonObject(0).getString("name"));
    }

    @Test
    void createModel_readmeExample() {
        JsonObject m = client.call(
                        "createModel",
                        j("{'modelName': 'newModelName', 'inOrderFields': ['Field1', 'Field2', 'Field3'],"
                                + "'css': 'Optional CSS with default to builtin css', 'isCloze': false, 'cardTemplates': [{'Name': 'My Card 1',"
                                + "'Front': 'Front html {{Field1}}', 'Back': 'Back html  {{Field2}}'}]}"))
                .asJsonObject();
        assertEquals("newModelName", m.getString("name"));
        assertEquals("Optional CSS with default to builtin css", m.getString("css"));
        JsonObject t = m.getJsonArray("tmpls").getJsonObject(0);
        assertEquals("My Card 1", t.getString("name"));
        assertEquals("Front html {{Field1}}", t.getString("qfmt"));
        assertEquals("Back html  {{Field2}}", t.getString("afmt"));
        assertEquals(3, m.getJsonArray("flds").size());
    }

    @Test
    void createModel_errorsInAnkiConnectsOrder() {
        createTestModel("Taken");
        assertEquals(
                "Must provide at least one field for inOrderFields",
                error("createModel", "{'modelName': 'Taken', 'inOrderFields': [], 'cardTemplates': []}"));
        assertEquals(
                "Must provide at least one card for cardTemplates",
                error("createModel", "{'modelName': 'Taken', 'inOrderFields': ['a'], 'cardTemplates': []}"));
        assertEquals(
                "Model name already exists",
                error(
                        "createModel",
                        "{'modelName': 'Taken', 'inOrderFields': ['a'], 'cardTemplates': [{'Front': '{{a}}', 'Back': ''}]}"));
        assertEquals(
                "'Front'",
                error(
                        "createModel",
                        "{'modelName': 'NoFront', 'inOrderFields': ['a'], 'cardTemplates': [{'Back': ''}]}"));
        assertEquals(
                "'Back'",
                error(
                        "createModel",
                        "{'modelName': 'NoBack', 'inOrderFields': ['a'], 'cardTemplates': [{'Front': '{{a}}'}]}"));
        assertTrue(!client.call("modelNames").asJsonArray().contains(Json.createValue("NoBack")));
    }

    @Test
    void findModelsById_andByName_giveTheSameDictionariesWithSigned64BitIds() {
        JsonObject m = createTestModel("FindMe");
        long id = m.getJsonNumber("id").longValueExact();
        JsonArray byId = client.call(
                        "findModelsById",
                        Json.createObjectBuilder()
                                .add("modelIds", Json.createArrayBuilder().add(id))
                                .build())
                .asJsonArray();
        JsonArray byName =
                call("findModelsByName", "{'modelNames': ['FindMe']}").asJsonArray();
        assertEquals(byId, byName);
        String body = client.post(
                        "{\"action\": \"findModelsById\", \"version\": 6, \"params\": {\"modelIds\": [" + id + "]}}")
                .body();
        long fieldId = byId.getJsonObject(0)
                .getJsonArray("flds")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValueExact();
        assertTrue(body.contains("\"id\": " + fieldId), body);
        assertEquals(
                "model was not found: 42",
                client.error(
                        "findModelsById",
                        Json.createObjectBuilder()
                                .add(
                                        "modelIds",
                                        Json.createArrayBuilder().add(id).add(42))
                                .build()));
        assertEquals("model was not found: Nope", error("findModelsByName", "{'modelNames': ['FindMe', 'Nope']}"));
    }

    @Test
    void findModelsByName_readmeExampleOfTheStockTypes() {
        JsonArray models = call("findModelsByName", "{'modelNames': ['Basic', 'Basic (and reversed card)']}")
                .asJsonArray();
        JsonObject basic = models.getJsonObject(0);
        assertEquals("Basic", basic.getString("name"));
        assertEquals(
                "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
                basic.getJsonArray("tmpls").getJsonObject(0).getString("afmt"));
        assertEquals(j("{'x': [[0, 'any', [0]]]}").get("x"), basic.get("req"));
        assertEquals(1, basic.getInt("originalStockKind"));
        assertEquals(JsonValue.NULL, basic.get("did"));
        assertEquals(2, models.getJsonObject(1).getJsonArray("tmpls").size());
    }

    @Test
    void fieldQueries_matchTheTestSuite() {
        createTestModel("Queries");
        assertEquals(j("{'x': ['field1', 'field2']}").get("x"), call("modelFieldNames", "{'modelName': 'Queries'}"));
        assertEquals(j("{'x': ['', '']}").get("x"), call("modelFieldDescriptions", "{'modelName': 'Queries'}"));
        assertEquals(
                j("{'field1': {'font': 'Arial', 'size': 20}, 'field2': {'font': 'Arial', 'size': 20}}"),
                call("modelFieldFonts", "{'modelName': 'Queries'}"));
        assertEquals(
                j("{'Card 1': [['field1'], ['field2']], 'Card 2': [['field2'], ['field1']]}"),
                call("modelFieldsOnTemplates", "{'modelName': 'Queries'}"));
        assertEquals(j("{'css': '* {}'}"), call("modelStyling", "{'modelName': 'Queries'}"));
        assertEquals(
                j(
                        "{'Card 1': {'Front': '{{field1}}', 'Back': '{{field2}}'}, 'Card 2': {'Front': '{{field2}}', 'Back': '{{field1}}'}}"),
                call("modelTemplates", "{'modelName': 'Queries'}"));
    }

    @Test
    void readmeExamplesOfTheStockTypes() {
        assertEquals(j("{'x': ['Front', 'Back']}").get("x"), call("modelFieldNames", "{'modelName': 'Basic'}"));
        assertEquals(
                j("{'Card 1': [['Front'], ['Back']], 'Card 2': [['Back'], ['Front']]}"),
                call("modelFieldsOnTemplates", "{'modelName': 'Basic (and reversed card)'}"));
        assertEquals(
                j(
                        "{'Card 1': {'Front': '{{Front}}', 'Back': '{{FrontSide}}\\n\\n<hr id=answer>\\n\\n{{Back}}'},"
                                + "'Card 2': {'Front': '{{Back}}', 'Back': '{{FrontSide}}\\n\\n<hr id=answer>\\n\\n{{Front}}'}}"),
                call("modelTemplates", "{'modelName': 'Basic (and reversed card)'}"));
    }

    @Test
    void everyModelNameLookup_reportsTheMissingModel() {
        for (String action : List.of(
                "modelFieldNames",
                "modelFieldDescriptions",
                "modelFieldFonts",
                "modelFieldsOnTemplates",
                "modelTemplates",
                "modelStyling")) {
            assertEquals("model was not found: Ghost", error(action, "{'modelName': 'Ghost'}"), action);
        }
        assertEquals(
                "model was not found: Ghost",
                error("modelTemplateRename", "{'modelName': 'Ghost', 'oldTemplateName': 'a', 'newTemplateName': 'b'}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelTemplateReposition", "{'modelName': 'Ghost', 'templateName': 'a', 'index': 0}"));
        assertEquals(
                "model was not found: Ghost",
                error(
                        "modelTemplateAdd",
                        "{'modelName': 'Ghost', 'template': {'Name': 'a', 'Front': 'b', 'Back': 'c'}}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelTemplateRemove", "{'modelName': 'Ghost', 'templateName': 'a'}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelFieldRename", "{'modelName': 'Ghost', 'oldFieldName': 'a', 'newFieldName': 'b'}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelFieldReposition", "{'modelName': 'Ghost', 'fieldName': 'a', 'index': 0}"));
        assertEquals("model was not found: Ghost", error("modelFieldAdd", "{'modelName': 'Ghost', 'fieldName': 'a'}"));
        assertEquals(
                "model was not found: Ghost", error("modelFieldRemove", "{'modelName': 'Ghost', 'fieldName': 'a'}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelFieldSetFont", "{'modelName': 'Ghost', 'fieldName': 'a', 'font': 'b'}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelFieldSetFontSize", "{'modelName': 'Ghost', 'fieldName': 'a', 'fontSize': 1}"));
        assertEquals(
                "model was not found: Ghost",
                error("modelFieldSetDescription", "{'modelName': 'Ghost', 'fieldName': 'a', 'description': 'b'}"));
        assertEquals(
                "model was not found: Ghost",
                error("updateModelTemplates", "{'model': {'name': 'Ghost', 'templates': {}}}"));
        assertEquals(
                "model was not found: Ghost", error("updateModelStyling", "{'model': {'name': 'Ghost', 'css': ''}}"));
        assertEquals(
                "model was not found: Ghost",
                error("findAndReplaceInModels", "{'modelName': 'Ghost', 'findText': 'a', 'replaceText': 'b'}"));
    }

    @Test
    void updateModelTemplates_changesOnlyNonEmptySidesOfNamedTemplates() {
        createTestModel("UpdT");
        assertEquals(
                JsonValue.NULL,
                call(
                        "updateModelTemplates",
                        "{'model': {'name': 'UpdT', 'templates': {'Card 1': {'Front': '', 'Back': '{{field2}}!'}, 'Nope': {'Front': 'x'}}}}"));
        assertEquals(
                j(
                        "{'Card 1': {'Front': '{{field1}}', 'Back': '{{field2}}!'}, 'Card 2': {'Front': '{{field2}}', 'Back': '{{field1}}'}}"),
                call("modelTemplates", "{'modelName': 'UpdT'}"));
        assertEquals("'name'", error("updateModelTemplates", "{'model': {'templates': {}}}"));
        assertEquals("'templates'", error("updateModelTemplates", "{'model': {'name': 'UpdT'}}"));
    }

    @Test
    void updateModelStyling_replacesTheCssVerbatim() {
        createTestModel("UpdS");
        assertEquals(
                JsonValue.NULL, call("updateModelStyling", "{'model': {'name': 'UpdS', 'css': 'p { color: blue; }'}}"));
        assertEquals(j("{'css': 'p { color: blue; }'}"), call("modelStyling", "{'modelName': 'UpdS'}"));
        assertEquals("'name'", error("updateModelStyling", "{'model': {'css': ''}}"));
        assertEquals("'css'", error("updateModelStyling", "{'model': {'name': 'UpdS'}}"));
    }

    @Test
    void findAndReplaceInModels_frontBackAndCssAsTheTestSuite() {
        createTestModel("FaR");
        assertEquals(
                "1",
                call(
                                "findAndReplaceInModels",
                                "{'modelName': 'FaR', 'findText': '}}', 'replaceText': '}}?',"
                                        + "'front': true, 'back': false, 'css': false}")
                        .toString());
        assertEquals(
                j(
                        "{'Card 1': {'Front': '{{field1}}?', 'Back': '{{field2}}'}, 'Card 2': {'Front': '{{field2}}?', 'Back': '{{field1}}'}}"),
                call("modelTemplates", "{'modelName': 'FaR'}"));
        assertEquals(
                "1",
                call(
                                "findAndReplaceInModels",
                                "{'modelName': 'FaR', 'findText': '}}', 'replaceText': '}}!',"
                                        + "'front': true, 'back': true, 'css': false}")
                        .toString());
        assertEquals(
                j(
                        "{'Card 1': {'Front': '{{field1}}!?', 'Back': '{{field2}}!'}, 'Card 2': {'Front': '{{field2}}!?', 'Back': '{{field1}}!'}}"),
                call("modelTemplates", "{'modelName': 'FaR'}"));
        assertEquals(
                "1",
                call(
                                "findAndReplaceInModels",
                                "{'modelName': 'FaR', 'findText': '}', 'replaceText': 'color: blue;}',"
                                        + "'front': false, 'back': false, 'css': true}")
                        .toString());
        assertEquals(j("{'css': '* {color: blue;}'}"), call("modelStyling", "{'modelName': 'FaR'}"));
        assertEquals(
                "0",
                call("findAndReplaceInModels", "{'modelName': 'FaR', 'findText': 'absent', 'replaceText': 'x'}")
                        .toString());
    }

    @Test
    void findAndReplaceInModels_emptyNameMeansEveryModel() {
        createTestModel("FaRAll1");
        createTestModel("FaRAll2");
        assertEquals(
                "0",
                call(
                                "findAndReplaceInModels",
                                "{'modelName': '', 'findText': 'FARALL_MARKER_NONE', 'replaceText': 'x'}")
                        .toString());
        call("updateModelStyling", "{'model': {'name': 'FaRAll1', 'css': 'text_to_replace'}}");
        call("updateModelStyling", "{'model': {'name': 'FaRAll2', 'css': 'text_to_replace'}}");
        assertEquals(
                "2",
                call(
                                "findAndReplaceInModels",
                                "{'modelName': '', 'findText': 'text_to_replace',"
                                        + "'replaceText': 'replace_with_text', 'front': true, 'back': true, 'css': true}")
                        .toString());
        assertEquals(j("{'css': 'replace_with_text'}"), call("modelStyling", "{'modelName': 'FaRAll2'}"));
        assertTrue(error("findAndReplaceInModels", "{'model': {'modelName': '', 'findText': 'a', 'replaceText': 'b'}}")
                .contains("unexpected keyword argument 'model'"));
    }

    @Test
    void modelTemplateRename_keepsTheContent() {
        createTestModel("TRen");
        call(
                "modelTemplateRename",
                "{'modelName': 'TRen', 'oldTemplateName': 'Card 1', 'newTemplateName': 'Card 1 Renamed'}");
        assertEquals(
                j(
                        "{'Card 1 Renamed': {'Front': '{{field1}}', 'Back': '{{field2}}'}, 'Card 2': {'Front': '{{field2}}', 'Back': '{{field1}}'}}"),
                call("modelTemplates", "{'modelName': 'TRen'}"));
        assertEquals(
                "template was not found in TRen: Card 1",
                error(
                        "modelTemplateRename",
                        "{'modelName': 'tren', 'oldTemplateName': 'Card 1', 'newTemplateName': 'x'}"));
    }

    @Test
    void modelTemplateReposition_movesTheTemplate() {
        createTestModel("TPos");
        call("modelTemplateReposition", "{'modelName': 'TPos', 'templateName': 'Card 2', 'index': 0}");
        assertEquals(
                List.of("Card 2", "Card 1"),
                List.copyOf(call("modelTemplates", "{'modelName': 'TPos'}")
                        .asJsonObject()
                        .keySet()));
        assertEquals(
                "template was not found in TPos: Card 9",
                error("modelTemplateReposition", "{'modelName': 'TPos', 'templateName': 'Card 9', 'index': 0}"));
    }

    @Test
    void modelTemplateAdd_appendsAndAnExistingNameChangesNothing() {
        createTestModel("TAdd");
        call(
                "modelTemplateAdd",
                "{'modelName': 'TAdd', 'template': {'Name': 'Card 3', 'Front': 'Front html {{field1}}', 'Back': 'Back html {{field2}}'}}");
        JsonObject templates = call("modelTemplates", "{'modelName': 'TAdd'}").asJsonObject();
        assertEquals(j("{'Front': 'Front html {{field1}}', 'Back': 'Back html {{field2}}'}"), templates.get("Card 3"));
        call(
                "modelTemplateAdd",
                "{'modelName': 'TAdd', 'template': {'Name': 'Card 1', 'Front': 'changed {{field1}}', 'Back': 'x'}}");
        assertEquals(templates, call("modelTemplates", "{'modelName': 'TAdd'}"));
        assertEquals(
                "'Name'", error("modelTemplateAdd", "{'modelName': 'TAdd', 'template': {'Front': 'a', 'Back': 'b'}}"));
        assertEquals(
                "'Front'", error("modelTemplateAdd", "{'modelName': 'TAdd', 'template': {'Name': 'a', 'Back': 'b'}}"));
        assertEquals(
                "'Back'", error("modelTemplateAdd", "{'modelName': 'TAdd', 'template': {'Name': 'a', 'Front': 'b'}}"));
        assertEquals(
                "list indices must be integers or slices, not str",
                error("modelTemplateAdd", "{'modelName': 'TAdd', 'template': ['a']}"));
        assertEquals(
                "'NoneType' object is not subscriptable",
                error("modelTemplateAdd", "{'modelName': 'TAdd', 'template': null}"));
    }

    @Test
    void modelTemplateRemove_leavesTheOthers() {
        createTestModel("TRem");
        call("modelTemplateRemove", "{'modelName': 'TRem', 'templateName': 'Card 2'}");
        assertEquals(
                j("{'Card 1': {'Front': '{{field1}}', 'Back': '{{field2}}'}}"),
                call("modelTemplates", "{'modelName': 'TRem'}"));
        assertEquals(
                "template was not found in TRem: Card 2",
                error("modelTemplateRemove", "{'modelName': 'TRem', 'templateName': 'Card 2'}"));
    }

    @Test
    void modelFieldRename_rewritesTheTemplates() {
        createTestModel("FRen");
        call("modelFieldRename", "{'modelName': 'FRen', 'oldFieldName': 'field1', 'newFieldName': 'foo'}");
        assertEquals(j("{'x': ['foo', 'field2']}").get("x"), call("modelFieldNames", "{'modelName': 'FRen'}"));
        assertEquals(
                j(
                        "{'Card 1': {'Front': '{{foo}}', 'Back': '{{field2}}'}, 'Card 2': {'Front': '{{field2}}', 'Back': '{{foo}}'}}"),
                call("modelTemplates", "{'modelName': 'FRen'}"));
        assertEquals(
                "field was not found in FRen: field1",
                error("modelFieldRename", "{'modelName': 'FRen', 'oldFieldName': 'field1', 'newFieldName': 'x'}"));
    }

    @Test
    void modelFieldReposition_pastTheEndMovesToTheEnd() {
        createTestModel("FPos");
        call("modelFieldReposition", "{'modelName': 'FPos', 'fieldName': 'field1', 'index': 2}");
        assertEquals(j("{'x': ['field2', 'field1']}").get("x"), call("modelFieldNames", "{'modelName': 'FPos'}"));
        assertEquals(
                "field was not found in FPos: nope",
                error("modelFieldReposition", "{'modelName': 'FPos', 'fieldName': 'nope', 'index': 0}"));
    }

    @Test
    void modelFieldAdd_appendsOrInsertsAtIndex() {
        createTestModel("FAdd");
        call("modelFieldAdd", "{'modelName': 'FAdd', 'fieldName': 'Foo'}");
        assertEquals(
                j("{'x': ['field1', 'field2', 'Foo']}").get("x"), call("modelFieldNames", "{'modelName': 'FAdd'}"));
        call("modelFieldAdd", "{'modelName': 'FAdd', 'fieldName': 'Bar', 'index': 1}");
        assertEquals(
                j("{'x': ['field1', 'Bar', 'field2', 'Foo']}").get("x"),
                call("modelFieldNames", "{'modelName': 'FAdd'}"));
        call("modelFieldAdd", "{'modelName': 'FAdd', 'fieldName': 'Foo', 'index': 0}");
        assertEquals(
                j("{'x': ['Foo', 'field1', 'Bar', 'field2']}").get("x"),
                call("modelFieldNames", "{'modelName': 'FAdd'}"));
    }

    @Test
    void modelFieldRemove_afterTemplatesAvoidTheField() {
        createTestModel("FRem");
        call(
                "updateModelTemplates",
                "{'model': {'name': 'FRem', 'templates': {'Card 1': {'Front': '{{field2}}', 'Back': 'x'},"
                        + "'Card 2': {'Front': '{{field2}} 2', 'Back': 'y'}}}}");
        call("modelFieldRemove", "{'modelName': 'FRem', 'fieldName': 'field1'}");
        assertEquals(j("{'x': ['field2']}").get("x"), call("modelFieldNames", "{'modelName': 'FRem'}"));
        assertEquals(
                "field was not found in FRem: field1",
                error("modelFieldRemove", "{'modelName': 'FRem', 'fieldName': 'field1'}"));
    }

    @Test
    void modelFieldRemove_refusedWhenTheRewrittenFrontsBecomeIdentical() {
        createTestModel("FRem2");
        // Card 1's front loses {{field1}} and gets {{field2}}, the same front as Card 2.
        assertEquals(
                "Card template 2 in note type 'FRem2' has a problem.<br>The front side is identical to card template 1.",
                error("modelFieldRemove", "{'modelName': 'FRem2', 'fieldName': 'field1'}"));
        assertEquals(j("{'x': ['field1', 'field2']}").get("x"), call("modelFieldNames", "{'modelName': 'FRem2'}"));
    }

    @Test
    void modelFieldRemove_rewritesReferencesInTemplates() {
        client.call(
                "createModel",
                j(
                        "{'modelName': 'FRem3', 'inOrderFields': ['a', 'b', 'c'], 'cardTemplates': ["
                                + "{'Front': '{{a}}{{#b}}{{b}}{{/b}}', 'Back': '{{b}} {{c}}'}, {'Front': '{{c}}', 'Back': '{{b}}'}]}"));
        call("modelFieldRemove", "{'modelName': 'FRem3', 'fieldName': 'b'}");
        assertEquals(
                j("{'Card 1': {'Front': '{{a}}', 'Back': ' {{c}}'}, 'Card 2': {'Front': '{{c}}', 'Back': ''}}"),
                call("modelTemplates", "{'modelName': 'FRem3'}"));
    }

    @Test
    void templateChecks_refuseInvalidTemplatesAsAnkiDoes() {
        assertEquals(
                "Card template 1 in note type 'NoField' has a problem.<br>"
                        + "Expected to find a field replacement on the front of the card template.",
                error(
                        "createModel",
                        "{'modelName': 'NoField', 'inOrderFields': ['a'], 'cardTemplates': [{'Front': 'plain', 'Back': '{{a}}'}]}"));
        assertEquals(
                "Card template 1 in note type 'Unknown' has a problem.<br>See the preview for more information.",
                error(
                        "createModel",
                        "{'modelName': 'Unknown', 'inOrderFields': ['a'], 'cardTemplates': [{'Front': '{{a}}', 'Back': '{{zz}}'}]}"));
        assertEquals(
                "Card template 1 in note type 'Broken' has a problem.<br>See the preview for more information.",
                error(
                        "createModel",
                        "{'modelName': 'Broken', 'inOrderFields': ['a'], 'cardTemplates': [{'Front': '{{#a}}{{a}}', 'Back': ''}]}"));
        assertEquals(
                "Card template 1 in note type 'NoCloze' has a problem.<br>"
                        + "Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.",
                error(
                        "createModel",
                        "{'modelName': 'NoCloze', 'inOrderFields': ['Text'], 'isCloze': true, 'cardTemplates': [{'Front': '{{cloze:Text}}', 'Back': '{{Text}}'}]}"));
        assertEquals(
                "Card template 2 in note type 'Twice' has a problem.<br>The front side is identical to card template 1.",
                error(
                        "createModel",
                        "{'modelName': 'Twice', 'inOrderFields': ['a'], 'cardTemplates': ["
                                + "{'Front': '{{a}}', 'Back': ''}, {'Front': '{{a}}', 'Back': 'x'}]}"));
        assertTrue(!client.call("modelNames").asJsonArray().contains(Json.createValue("Twice")));
        createTestModel("Checked");
        assertEquals(
                "Card template 1 in note type 'Checked' has a problem.<br>"
                        + "Expected to find a field replacement on the front of the card template.",
                error(
                        "updateModelTemplates",
                        "{'model': {'name': 'Checked', 'templates': {'Card 1': {'Front': 'no fields'}}}}"));
        call("modelTemplateRemove", "{'modelName': 'Checked', 'templateName': 'Card 2'}");
        assertEquals("", error("modelTemplateRemove", "{'modelName': 'Checked', 'templateName': 'Card 1'}"));
        call("modelFieldRemove", "{'modelName': 'Checked', 'fieldName': 'field2'}");
        assertEquals(
                "Invalid input: 1 field required",
                error("modelFieldRemove", "{'modelName': 'Checked', 'fieldName': 'field1'}"));
    }

    @Test
    void modelFieldSetFontAndSizeAndDescription() {
        createTestModel("FFont");
        call("modelFieldSetFont", "{'modelName': 'FFont', 'fieldName': 'field1', 'font': 'Courier'}");
        call("modelFieldSetFontSize", "{'modelName': 'FFont', 'fieldName': 'field2', 'fontSize': 16}");
        assertEquals(
                j("{'field1': {'font': 'Courier', 'size': 20}, 'field2': {'font': 'Arial', 'size': 16}}"),
                call("modelFieldFonts", "{'modelName': 'FFont'}"));
        assertEquals(
                JsonValue.TRUE,
                call(
                        "modelFieldSetDescription",
                        "{'modelName': 'FFont', 'fieldName': 'field1', 'description': 'example field description'}"));
        assertEquals(
                j("{'x': ['example field description', '']}").get("x"),
                call("modelFieldDescriptions", "{'modelName': 'FFont'}"));
        assertEquals(
                "font should be a string: 12",
                error("modelFieldSetFont", "{'modelName': 'FFont', 'fieldName': 'field1', 'font': 12}"));
        assertEquals(
                "fontSize should be an integer: 16.5",
                error("modelFieldSetFontSize", "{'modelName': 'FFont', 'fieldName': 'field1', 'fontSize': 16.5}"));
        assertEquals(
                "fontSize should be an integer: big",
                error("modelFieldSetFontSize", "{'modelName': 'FFont', 'fieldName': 'field1', 'fontSize': 'big'}"));
        assertEquals(
                "description should be a string: None",
                error(
                        "modelFieldSetDescription",
                        "{'modelName': 'FFont', 'fieldName': 'field1', 'description': null}"));
        assertEquals(
                "field was not found in FFont: nope",
                error("modelFieldSetFont", "{'modelName': 'FFont', 'fieldName': 'nope', 'font': 12}"));
        assertEquals(
                "field was not found in FFont: nope",
                error("modelFieldSetFontSize", "{'modelName': 'FFont', 'fieldName': 'nope', 'fontSize': 1}"));
        assertEquals(
                "field was not found in FFont: nope",
                error("modelFieldSetDescription", "{'modelName': 'FFont', 'fieldName': 'nope', 'description': 'x'}"));
    }

    @Test
    void namesAreFixedOnSave() {
        createTestModel("Naming");
        call("modelFieldAdd", "{'modelName': 'Naming', 'fieldName': ' #{a}: '}");
        call("modelFieldAdd", "{'modelName': 'Naming', 'fieldName': 'FIELD1'}");
        assertEquals(
                j("{'x': ['field1', 'field2', 'a', 'FIELD1+']}").get("x"),
                call("modelFieldNames", "{'modelName': 'Naming'}"));
        assertEquals(
                "Invalid input: Field name: #", error("modelFieldAdd", "{'modelName': 'Naming', 'fieldName': '#'}"));
        assertEquals(
                "Invalid input: Empty field name",
                error("modelFieldRename", "{'modelName': 'Naming', 'oldFieldName': 'a', 'newFieldName': ''}"));
        call(
                "modelTemplateRename",
                "{'modelName': 'Naming', 'oldTemplateName': 'Card 2', 'newTemplateName': 'card \\\"1\\\"'}");
        assertEquals(
                List.of("Card 1", "card 1+"),
                List.copyOf(call("modelTemplates", "{'modelName': 'Naming'}")
                        .asJsonObject()
                        .keySet()));
        assertEquals(
                "Invalid input: Template name contains only quotes",
                error(
                        "modelTemplateRename",
                        "{'modelName': 'Naming', 'oldTemplateName': 'Card 1', 'newTemplateName': '\\\"'}"));
    }

    @Test
    void structuralEdits_keepIdsAndBumpMod() {
        JsonObject before = createTestModel("Ids");
        call("modelFieldReposition", "{'modelName': 'Ids', 'fieldName': 'field2', 'index': 0}");
        JsonObject after = call("findModelsByName", "{'modelNames': ['Ids']}")
                .asJsonArray()
                .getJsonObject(0);
        assertEquals(
                before.getJsonArray("flds").getJsonObject(1).get("id"),
                after.getJsonArray("flds").getJsonObject(0).get("id"));
        assertEquals(0, after.getJsonArray("flds").getJsonObject(0).getInt("ord"));
        assertEquals(1, after.getInt("sortf"));
        assertEquals(before.get("id"), after.get("id"));
        assertNotEquals(JsonValue.NULL, after.get("req"));
        assertTrue(after.get("mod") instanceof JsonNumber);
        assertTrue(after.get("name") instanceof JsonString);
    }
}
