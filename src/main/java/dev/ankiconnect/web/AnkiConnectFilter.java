package dev.ankiconnect.web;

import dev.ankiconnect.api.ActionDispatcher;
import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.ApiKeyCheck;
import dev.ankiconnect.api.Envelope;
import dev.ankiconnect.api.Json;
import dev.ankiconnect.api.Reply;
import dev.ankiconnect.api.RequestParser;
import dev.ankiconnect.config.ConfigKey;
import dev.ankiconnect.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The HTTP rules in front of the servlet: CORS and preflight, the 403 for refused origins, the
 * body size limit, and the API key. It parses the body once and hands the envelope on.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = false)
public class AnkiConnectFilter extends HttpFilter {

    static final String ENVELOPE = AnkiConnectFilter.class.getName() + ".envelope";
    static final String ORIGIN = AnkiConnectFilter.class.getName() + ".origin";

    /** Served by dev.ankiconnect.packages.PackageServlet, which does its own CORS, key and size checks. */
    static final String PACKAGES_PATH = "/packages";

    @Inject
    Settings settings;

    @Inject
    ActionDispatcher dispatcher;

    private volatile CorsPolicy cors;
    private final RequestParser parser = new RequestParser(Json.PROVIDER);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (PACKAGES_PATH.equals(request.getServletPath())) {
            // The package endpoints stream large bodies and apply CORS and the key themselves.
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        CorsPolicy.Decision decision = cors().decide(origin);

        if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
            preflight(request, response, decision);
            return;
        }

        long limit = settings.config().longValue(ConfigKey.MAX_REQUEST_BYTES);
        byte[] body = Bodies.read(request, limit);
        if (body == null) {
            if (decision.allowed()) {
                Replies.json(response, decision.allowOrigin(),
                        Reply.error("request body is larger than the limit of " + limit + " bytes (maxRequestBytes)"));
            } else {
                Replies.forbidden(response, decision.allowOrigin());
            }
            return;
        }

        RequestParser.Parsed parsed = parser.parse(body);
        if (!decision.allowed()) {
            // A refused origin may only ask for permission; the reply names it so the page can read it.
            if (parsed instanceof RequestParser.Valid v && ApiKeyCheck.REQUEST_PERMISSION.equals(v.envelope().action())) {
                forward(request, response, chain, v.envelope(), origin, false, origin);
            } else {
                Replies.forbidden(response, decision.allowOrigin());
            }
            return;
        }
        if (parsed instanceof RequestParser.Banner) {
            Replies.json(response, decision.allowOrigin(), Reply.banner(settings.config().integer(ConfigKey.API_VERSION)));
        } else if (parsed instanceof RequestParser.Invalid invalid) {
            Replies.json(response, decision.allowOrigin(), Reply.error(invalid.error()));
        } else {
            Envelope envelope = ((RequestParser.Valid) parsed).envelope();
            if (!dispatcher.keyCheck().accepts(envelope.action(), envelope.key())) {
                Replies.json(response, decision.allowOrigin(), Reply.error(ApiErrors.INVALID_API_KEY));
                return;
            }
            forward(request, response, chain, envelope, origin == null ? "" : origin, true, decision.allowOrigin());
        }
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            Envelope envelope, String origin, boolean allowed, String allowOrigin) throws IOException, ServletException {
        if (ApiKeyCheck.REQUEST_PERMISSION.equals(envelope.action())) {
            // The HTTP layer, not the client, says who is asking.
            envelope = envelope.withParams(Json.PROVIDER.createObjectBuilder(envelope.params())
                    .add("origin", origin == null ? "" : origin)
                    .add("allowed", allowed)
                    .build());
        }
        request.setAttribute(ENVELOPE, envelope);
        request.setAttribute(ORIGIN, allowOrigin);
        chain.doFilter(request, response);
    }

    private static void preflight(HttpServletRequest request, HttpServletResponse response, CorsPolicy.Decision decision) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(Replies.ALLOW_ORIGIN, decision.allowOrigin());
        response.setHeader(Replies.ALLOW_HEADERS, "*");
        response.setContentLength(0);
        if ("true".equals(request.getHeader("Access-Control-Request-Private-Network"))) {
            response.setHeader("Access-Control-Allow-Private-Network", "true");
        }
    }

    private CorsPolicy cors() {
        CorsPolicy c = cors;
        if (c == null) {
            c = new CorsPolicy(settings.config().list(ConfigKey.WEB_CORS_ORIGIN_LIST),
                    settings.config().string(ConfigKey.WEB_CORS_ORIGIN));
            cors = c;
        }
        return c;
    }
}
