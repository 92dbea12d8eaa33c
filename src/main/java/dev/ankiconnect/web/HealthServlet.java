package dev.ankiconnect.web;

import dev.ankiconnect.ops.Operations;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /_health} (and HEAD): {@code {"status": "UP"}} with 200 while the database answers, else
 * {@code {"status": "DOWN"}} with 503; no key, no CORS, no access log line. Any other request to that path is an
 * AnkiConnect request as on every other path: the filter parsed and checked it, and it goes on to the JSON endpoint.
 */
@WebServlet(urlPatterns = AnkiConnectFilter.HEALTH_PATH, asyncSupported = true)
public class HealthServlet extends HttpServlet {

    @Inject
    Operations operations;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getAttribute(AnkiConnectFilter.ENVELOPE) != null) {
            getServletContext()
                    .getNamedDispatcher(AnkiConnectServlet.class.getName())
                    .forward(request, response);
            return;
        }
        boolean up = operations.healthy();
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = (up ? "{\"status\": \"UP\"}" : "{\"status\": \"DOWN\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
