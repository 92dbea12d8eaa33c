package dev.ankiconnect.web;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.Envelope;
import dev.ankiconnect.api.Reply;
import dev.ankiconnect.dispatch.ActionDispatcher;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The one endpoint. Every method and every path is a JSON request, as in AnkiConnect; the
 * filter in front has already parsed the body and checked origin and key.
 */
@WebServlet(urlPatterns = "/", loadOnStartup = 1, asyncSupported = true)
public class AnkiConnectServlet extends HttpServlet {

    @Inject
    ActionDispatcher dispatcher;

    @Inject
    ApiLog apiLog;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Envelope envelope = (Envelope) request.getAttribute(AnkiConnectFilter.ENVELOPE);
        String allowOrigin = (String) request.getAttribute(AnkiConnectFilter.ORIGIN);
        if (envelope == null) {
            // Only reachable if the filter was removed from the deployment.
            Replies.json(response, "http://localhost", Reply.error(ApiErrors.NOT_PARSED));
            return;
        }
        JsonValue reply = dispatcher.dispatchChecked(envelope);
        request.setAttribute(
                AnkiConnectFilter.OUTCOME,
                reply instanceof jakarta.json.JsonObject o && o.containsKey("error") && !o.isNull("error")
                        ? "error"
                        : "ok");
        apiLog.log(envelope, reply);
        Replies.json(response, allowOrigin, reply);
    }
}
