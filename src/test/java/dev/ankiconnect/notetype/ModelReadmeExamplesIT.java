package dev.ankiconnect.notetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ankiconnect.support.AnkiClient;
import dev.ankiconnect.support.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README requests of the model actions that edit the stock Basic type, sent verbatim to a
 * collection of their own, in an order where each applies; the replies are what Anki gives.
 */
@ExtendWith(ArquillianExtension.class)
class ModelReadmeExamplesIT {

    @Deployment(testable = false)
    static WebArchive d() {
        return Deployments.war("model-readme");
    }

    @ArquillianResource
    URL url;

    String send(String request) {
        return new AnkiClient(url).post(request.replace('\'', '"')).body();
    }

    JsonObject reply(String request) {
        return AnkiClient.parse(send(request)).asJsonObject();
    }

    static final String OK_NULL = "{\"result\": null, \"error\": null}";

    @Test
    void readmeRequestsOnBasic_inOrder() {
        AnkiClient client = new AnkiClient(url);
        assertEquals(
                OK_NULL,
                send("{'action': 'modelFieldSetFont', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'fieldName': 'Front', 'font': 'Courier'}}"));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelFieldSetFontSize', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'fieldName': 'Front', 'fontSize': 10}}"));
        assertEquals(
                "{\"result\": true, \"error\": null}",
                send(
                        "{'action': 'modelFieldSetDescription', 'version': 6,"
                                + " 'params': {'modelName': 'Basic', 'fieldName': 'Front', 'description': 'example field description'}}"));
        assertEquals(
                AnkiClient.parse(
                        "{\"Front\": {\"font\": \"Courier\", \"size\": 10}, \"Back\": {\"font\": \"Arial\", \"size\": 20}}"),
                client.call(
                        "modelFieldFonts",
                        AnkiClient.parse("{\"modelName\": \"Basic\"}").asJsonObject()));

        assertEquals(
                OK_NULL,
                send("{'action': 'modelFieldAdd', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'fieldName': 'NewField', 'index': 0}}"));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelFieldReposition', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'fieldName': 'Back', 'index': 0}}"));
        assertEquals(
                "[\"Back\",\"NewField\",\"Front\"]",
                client.call(
                                "modelFieldNames",
                                AnkiClient.parse("{\"modelName\": \"Basic\"}").asJsonObject())
                        .toString());

        // The README's template names fields Basic does not have, so Anki's template check refuses it.
        assertEquals(
                "Card template 2 in note type 'Basic' has a problem.<br>See the preview for more information.",
                reply(
                                "{'action': 'modelTemplateAdd', 'version': 6, 'params': {'modelName': 'Basic', 'template':"
                                        + " {'Name': 'Card 3', 'Front': 'Front html {{Field1}}', 'Back': 'Back html {{Field2}}'}}}")
                        .getString("error"));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelTemplateAdd', 'version': 6, 'params': {'modelName': 'Basic', 'template':"
                        + " {'Name': 'Card 3', 'Front': 'Front html {{Back}}', 'Back': 'Back html {{Front}}'}}}"));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelTemplateReposition', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'templateName': 'Card 1', 'index': 1}}"));
        assertEquals(
                "[\"Card 3\",\"Card 1\"]",
                client
                        .call(
                                "modelTemplates",
                                AnkiClient.parse("{\"modelName\": \"Basic\"}").asJsonObject())
                        .asJsonObject()
                        .keySet()
                        .stream()
                        .map(k -> "\"" + k + "\"")
                        .toList()
                        .toString()
                        .replace(", ", ","));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelTemplateRemove', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'templateName': 'Card 1'}}"));
        assertEquals(
                "{\"result\": null, \"error\": \"\"}",
                send("{'action': 'modelTemplateRemove', 'version': 6,"
                        + " 'params': {'modelName': 'Basic', 'templateName': 'Card 3'}}"));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelTemplateRename', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'oldTemplateName': 'Card 3', 'newTemplateName': 'Card 1 renamed'}}"));

        assertEquals(
                OK_NULL,
                send("{'action': 'modelFieldRename', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'oldFieldName': 'Front', 'newFieldName': 'FrontRenamed'}}"));
        assertEquals(
                AnkiClient.parse(
                        "{\"Card 1 renamed\": {\"Front\": \"Front html {{Back}}\", \"Back\": \"Back html {{FrontRenamed}}\"}}"),
                client.call(
                        "modelTemplates",
                        AnkiClient.parse("{\"modelName\": \"Basic\"}").asJsonObject()));
        assertEquals(
                "{\"result\": null, \"error\": \"field was not found in Basic: Front\"}",
                send(
                        "{'action': 'modelFieldRemove', 'version': 6, 'params': {'modelName': 'Basic', 'fieldName': 'Front'}}"));
        assertEquals(
                OK_NULL,
                send("{'action': 'modelFieldRemove', 'version': 6, 'params': {'modelName': 'Basic',"
                        + " 'fieldName': 'FrontRenamed'}}"));
        assertEquals(
                "[\"Back\",\"NewField\"]",
                client.call(
                                "modelFieldNames",
                                AnkiClient.parse("{\"modelName\": \"Basic\"}").asJsonObject())
                        .toString());
    }

    @Test
    void readmeRequestsOnCustom() {
        AnkiClient client = new AnkiClient(url);
        client.call(
                "createModel",
                AnkiClient.parse("{\"modelName\": \"Custom\", \"inOrderFields\": [\"Question\", \"Answer\"],"
                                + " \"cardTemplates\": [{\"Front\": \"{{Question}}\", \"Back\": \"{{Answer}}\"}]}")
                        .asJsonObject());
        assertEquals(
                OK_NULL,
                send("{'action': 'updateModelTemplates', 'version': 6, 'params': {'model': {'name': 'Custom',"
                        + " 'templates': {'Card 1': {'Front': '{{Question}}?', 'Back': '{{Answer}}!'}}}}}"));
        assertEquals(
                OK_NULL,
                send("{'action': 'updateModelStyling', 'version': 6, 'params': {'model': {'name': 'Custom',"
                        + " 'css': 'p { color: blue; }'}}}"));
        assertEquals(
                "{\"result\": {\"Card 1\": {\"Front\": \"{{Question}}?\", \"Back\": \"{{Answer}}!\"}}, \"error\": null}",
                send("{'action': 'modelTemplates', 'version': 6, 'params': {'modelName': 'Custom'}}"));
        assertEquals(
                "{\"result\": {\"css\": \"p { color: blue; }\"}, \"error\": null}",
                send("{'action': 'modelStyling', 'version': 6, 'params': {'modelName': 'Custom'}}"));

        client.call(
                "updateModelStyling",
                AnkiClient.parse("{\"model\": {\"name\": \"Custom\", \"css\": \"text_to_replace\"}}")
                        .asJsonObject());
        String nested = send(
                "{'action': 'findAndReplaceInModels', 'version': 6, 'params': {'model': {'modelName': '',"
                        + " 'findText': 'text_to_replace', 'replaceText': 'replace_with_text', 'front': true, 'back': true, 'css': true}}}");
        assertTrue(nested.contains("unexpected keyword argument 'model'"), nested);
        assertEquals(
                "{\"result\": 1, \"error\": null}",
                send("{'action': 'findAndReplaceInModels', 'version': 6, 'params':"
                        + " {'modelName': '', 'findText': 'text_to_replace', 'replaceText': 'replace_with_text', 'front': true,"
                        + " 'back': true, 'css': true}}"));
    }
}
