package dev.ankiconnect.web;

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
 * The HTTP rules in front of the servlets: CORS and preflight, the 403 for refused origins, the
 * body size limit, and the API key. It parses the body once and hands the envelope on.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC})
public class AnkiConnectFilter extends HttpFilter {

    static final String ENVELOPE = AnkiConnectFilter.class.getName() + ".envelope";
    static final String ORIGIN = AnkiConnectFilter.class.getName() + ".origin";
    /** What became of the request, for the access log: set here or by the servlet. */
    static final String OUTCOME = AnkiConnectFilter.class.getName() + ".outcome";

    static final String HEALTH_PATH = "/_health";
    /** The study pages ({@link StudyServlet}): GET and HEAD are static files, with no key, CORS or body. */
    static final String STUDY_PATH = "/study";
    /** When the request began (System.nanoTime), kept across the dispatch that follows reading its body. */
    private static final String STARTED = AnkiConnectFilter.class.getName() + ".started";
    /** The request's claim on the body budget, given back when the request ends. */
    private static final String CLAIM = AnkiConnectFilter.class.getName() + ".claim";
    /**
     * Request attribute: set when the body is read without a thread and the request comes back to be answered;
     * its value is the thread that began the request (see bindRequestScope).
     */
    private static final String READING = AnkiConnectFilter.class.getName() + ".reading";

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(AnkiConnectFilter.class.getName());

    @Inject
    jakarta.enterprise.inject.Instance<jakarta.enterprise.context.control.RequestContextController> requestContexts;

    @Inject
    jakarta.enterprise.inject.spi.BeanManager beanManager;

    @Inject
    @org.jboss.weld.context.http.Http
    jakarta.enterprise.inject.Instance<org.jboss.weld.context.http.HttpRequestContext> httpRequestContexts;

    @Inject
    @org.jboss.weld.context.http.Http
    jakarta.enterprise.inject.Instance<org.jboss.weld.context.http.HttpSessionContext> httpSessionContexts;

    @Inject
    @org.jboss.weld.context.http.Http
    jakarta.enterprise.inject.Instance<org.jboss.weld.context.http.HttpConversationContext> httpConversationContexts;

    private volatile BodyBudget bodyBudget;

    @Inject
    dev.ankiconnect.user.Authenticator authenticator;

    @Inject
    dev.ankiconnect.user.Caller caller;

    @Inject
    dev.ankiconnect.ops.Operations operations;

    /** Served by the package endpoints' own servlet, which does its own CORS and size checks; the key is checked here. */
    static final String PACKAGES_PATH = "/packages";

    @Inject
    Settings settings;

    private volatile CorsPolicy cors;
    private volatile dev.ankiconnect.ops.AccessLog accessLog;
    private volatile RequestParser parser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (HEALTH_PATH.equals(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // HealthServlet answers: no CORS, key, body or access log
            chain.doFilter(request, response);
            return;
        }
        if (STUDY_PATH.equals(request.getServletPath())
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // StudyServlet serves the pages' files: public, no key, no body, no access log line
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
            if (request.getAttribute(BodyReader.OUTCOME) == null) {
                // a dispatch that no BodyReader asked for (a container's second one, for a request answered
                // already): there is nothing to answer, and reading again would fail on a closed response
                LOG.fine("an async dispatch without a body outcome was ignored");
                return;
            }
            // the body has been read (BodyReader): the request goes on here, on a container thread that has not
            // seen this request begin; its request scope is bound to this thread for this pass
            Runnable unbind = bindRequestScope(request);
            try {
                pass(request, response, chain);
            } finally {
                unbind.run();
            }
            return;
        }
        try {
            pass(request, response, chain);
        } finally {
            if (request.getAttribute(READING) != null) {
                // the body is being read: this thread lets go of the request's scope (the container sends no
                // end-of-request to it), so the next request on this thread does not find this one's
                releaseRequestScope(request);
            }
        }
    }

    /**
     * Weld Servlet binds a request's scope to the thread that began it, and a container does not begin the
     * request again for an async dispatch: without this the pass would find the scope of whatever request that
     * thread served last. Binds this request's scope (its beans live in the request's attributes) for the pass.
     */
    private Runnable bindRequestScope(HttpServletRequest request) {
        if (httpRequestContexts.isResolvable()) {
            org.jboss.weld.context.http.HttpRequestContext ctx = httpRequestContexts.get();
            if (ctx.isActive()) {
                ctx.deactivate();
            }
            ctx.dissociate(request);
            ctx.associate(request);
            ctx.activate();
            if (request.getAttribute(READING) == Thread.currentThread()) {
                // Back on the thread that began the request, Weld Servlet's end-of-request (which the container
                // sends on this thread when the request completes) ends the scope itself: it invalidates the
                // context and deactivates it. Left unbound here, it would make a new state for the invalidation
                // that its failing deactivation (no bean store) never removes: one ThreadLocal left per request,
                // which Tomcat reports on undeploy (redeploy-leak-check).
                return () -> {};
            }
            return () -> {
                ctx.deactivate();
                ctx.dissociate(request);
            };
        }
        if (!requestScopeActive()) {
            jakarta.enterprise.context.control.RequestContextController own = requestContexts.get();
            own.activate();
            return () -> {
                own.deactivate();
                requestContexts.destroy(own);
            };
        }
        return () -> {};
    }

    private void releaseRequestScope(HttpServletRequest request) {
        // the session and conversation scopes that Weld Servlet began on this thread too: else the next request
        // here finds them still bound (WARN WELD-000225 and WELD-000335, once per request)
        if (httpConversationContexts.isResolvable()) {
            org.jboss.weld.context.http.HttpConversationContext ctx = httpConversationContexts.get();
            if (ctx.isActive()) {
                ctx.deactivate();
            }
            ctx.dissociate(request);
        }
        if (httpSessionContexts.isResolvable()) {
            org.jboss.weld.context.http.HttpSessionContext ctx = httpSessionContexts.get();
            if (ctx.isActive()) {
                ctx.deactivate();
            }
            ctx.dissociate(request);
        }
        if (httpRequestContexts.isResolvable()) {
            org.jboss.weld.context.http.HttpRequestContext ctx = httpRequestContexts.get();
            if (ctx.isActive()) {
                ctx.deactivate();
            }
            ctx.dissociate(request);
        }
    }

    /** True when this thread has an active request scope (the container's for the request, or another). */
    private boolean requestScopeActive() {
        try {
            return beanManager
                    .getContext(jakarta.enterprise.context.RequestScoped.class)
                    .isActive();
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return false;
        }
    }

    private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Long started = (Long) request.getAttribute(STARTED);
        long start = started != null ? started : System.nanoTime();
        dev.ankiconnect.ops.TrustedProxies proxies = operations.proxies();
        String client = proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        String scheme = request.getScheme();
        if (proxies.trusts(request.getRemoteAddr()) && request.getHeader("X-Forwarded-Proto") != null) {
            scheme = request.getHeader("X-Forwarded-Proto").trim();
        }
        caller.clientAddress(client);
        String[] action = {"-"};
        boolean reading = false;
        try {
            filter(request, response, chain, client, scheme, action);
            // a first pass that began reading the body: the pass after it answers and logs the request
            reading = request.getDispatcherType() != jakarta.servlet.DispatcherType.ASYNC
                    && request.getAttribute(READING) != null;
        } finally {
            if (reading) {
                request.setAttribute(STARTED, start);
            } else {
                if (request.getAttribute(CLAIM) instanceof BodyBudget.Claim claim) {
                    // answered: the body's bytes go back to the budget
                    claim.close();
                }
                logLine(request, action[0], client, scheme, start);
            }
        }
    }

    private void logLine(HttpServletRequest request, String action, String client, String scheme, long start) {
        {
            dev.ankiconnect.ops.AccessLog log = accessLog();
            if (log.enabled()) {
                Object outcome = request.getAttribute(OUTCOME);
                log.log(dev.ankiconnect.ops.AccessLog.line(
                        action,
                        caller.user() == null ? null : caller.user().name(),
                        caller.profileName(),
                        client,
                        scheme,
                        outcome == null ? "failed" : outcome.toString(),
                        (System.nanoTime() - start) / 1_000_000));
            }
        }
    }

    /**
     * Weld Servlet's own logger. Tomcat ends an async request on another thread than the one that began it,
     * which Weld reports as WARN WELD-000715/000714 ("guard not set", "guard leak") once per request, and then
     * correctly does nothing; every JSON request is async (its body is read without a thread), so the warning
     * would be one line per request. Unless the deployment sets this logger's level, it logs SEVERE only.
     */
    private static final java.util.logging.Logger WELD_SERVLET =
            java.util.logging.Logger.getLogger("org.jboss.weld.Servlet");

    @Override
    public void init() throws ServletException {
        super.init();
        if (WELD_SERVLET.getLevel() == null) {
            WELD_SERVLET.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    /** The access log, with its writer thread (configuration key accessLogQueue), made on first use. */
    private dev.ankiconnect.ops.AccessLog accessLog() {
        dev.ankiconnect.ops.AccessLog log = accessLog;
        if (log == null) {
            synchronized (this) {
                log = accessLog;
                if (log == null) {
                    log = new dev.ankiconnect.ops.AccessLog(
                            dev.ankiconnect.ops.AccessLog.LOG, settings.config().integer(ConfigKey.ACCESS_LOG_QUEUE));
                    accessLog = log;
                }
            }
        }
        return log;
    }

    /** Writes the access log's queued lines and stops its writer thread (undeploy). */
    @Override
    public void destroy() {
        dev.ankiconnect.ops.AccessLog log;
        synchronized (this) {
            log = accessLog;
            accessLog = null;
        }
        if (log != null) {
            log.close();
        }
        super.destroy();
    }

    private void filter(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String client,
            String scheme,
            String[] action)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        CorsPolicy.Decision decision = cors().decide(origin);
        if (!decision.allowed() && sameOrigin(request, origin, scheme)) {
            // the server's own pages (the study UI) calling the API
            decision = new CorsPolicy.Decision(true, origin);
        }
        if (otherEndpoint(request)) {
            // The package endpoints (and any endpoint but the JSON one) stream their bodies and do their own CORS,
            // but their key goes through the same check and throttle as the JSON endpoint's, here, once.
            action[0] = PACKAGES_PATH.equals(request.getServletPath()) ? PACKAGES_PATH : request.getServletPath();
            request.setAttribute(OUTCOME, "package_endpoint");
            if ("OPTIONS".equalsIgnoreCase(request.getMethod())
                    || !decision.allowed()
                    || checkKey(
                            request,
                            response,
                            decision.allowOrigin(),
                            ENDPOINT,
                            endpointKey(request),
                            client,
                            HttpServletResponse.SC_FORBIDDEN)) {
                chain.doFilter(request, response);
            }
            return;
        }

        if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
            request.setAttribute(OUTCOME, "preflight");
            preflight(request, response, decision);
            return;
        }

        long limit = settings.config().longValue(ConfigKey.MAX_REQUEST_BYTES);
        Object read = request.getAttribute(BodyReader.OUTCOME);
        byte[] body = null;
        if (read == null) {
            long declared = request.getContentLengthLong();
            if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
                body = new byte[0];
            } else if (declared <= limit && request.getHeader("HTTP2-Settings") != null) {
                read = readBlocking(request, declared, limit);
            } else if (declared <= limit) {
                readAsync(request, response, declared, limit, decision);
                return;
            }
        }
        if (read instanceof BodyReader.Body b) {
            body = b.bytes();
            // the bytes are dropped as soon as they are parsed
            request.removeAttribute(BodyReader.OUTCOME);
        } else if (read instanceof BodyReader.Busy) {
            request.setAttribute(OUTCOME, "busy");
            busy(response, decision);
            return;
        }
        if (body == null) {
            request.setAttribute(OUTCOME, "too_large");
            response.setHeader("Connection", "close");
            if (decision.allowed()) {
                Replies.json(response, decision.allowOrigin(), Reply.error(ApiErrors.bodyTooLarge(limit)));
            } else {
                Replies.forbidden(response, decision.allowOrigin());
            }
            return;
        }

        RequestParser.Parsed parsed = parser().parse(body);
        body = null;
        if (parsed instanceof RequestParser.Valid v) {
            action[0] = v.envelope().action();
        }
        if (!decision.allowed()) {
            request.setAttribute(OUTCOME, "forbidden");
            // A refused origin may only ask for permission; the reply names it so the page can read it.
            if (parsed instanceof RequestParser.Valid v
                    && ApiKeyCheck.REQUEST_PERMISSION.equals(v.envelope().action())) {
                forward(request, response, chain, v.envelope(), origin, false, origin);
            } else {
                Replies.forbidden(response, decision.allowOrigin());
            }
            return;
        }
        if (parsed instanceof RequestParser.Banner) {
            request.setAttribute(OUTCOME, "banner");
            Replies.json(
                    response,
                    decision.allowOrigin(),
                    Reply.banner(settings.config().integer(ConfigKey.API_VERSION)));
        } else if (parsed instanceof RequestParser.Invalid invalid) {
            request.setAttribute(OUTCOME, "invalid");
            Replies.json(response, decision.allowOrigin(), Reply.error(invalid.error()));
        } else {
            Envelope envelope = ((RequestParser.Valid) parsed).envelope();
            if (!checkKey(
                    request,
                    response,
                    decision.allowOrigin(),
                    envelope.action(),
                    envelope.key(),
                    client,
                    HttpServletResponse.SC_OK)) {
                return;
            }
            forward(request, response, chain, envelope, origin == null ? "" : origin, true, decision.allowOrigin());
        }
    }

    /**
     * The key check, throttled per client address: after too many refused keys the address gets
     * an error (HTTP 429) without its key being looked at, until the block runs out.
     */
    private boolean checkKey(
            HttpServletRequest request,
            HttpServletResponse response,
            String allowOrigin,
            String actionName,
            jakarta.json.JsonValue key,
            String client,
            int refusedStatus)
            throws IOException {
        boolean keyed = authenticator.keyed();
        boolean exempt = ApiKeyCheck.REQUEST_PERMISSION.equals(actionName);
        // Only when keys are checked: Operations.throttle() is synchronized, a lock every request would share.
        dev.ankiconnect.ops.KeyThrottle throttle = keyed ? operations.throttle() : null;
        if (keyed && !exempt) {
            long wait = throttle.retryAfterMs(client);
            if (wait > 0) {
                long seconds = (wait + 999) / 1000;
                response.setHeader("Retry-After", String.valueOf(seconds));
                request.setAttribute(OUTCOME, "throttled");
                Replies.json(response, allowOrigin, Reply.error(ApiErrors.keyThrottled(seconds)), 429);
                return false;
            }
        }
        dev.ankiconnect.user.Authenticator.Outcome outcome = authenticator.check(actionName, key);
        if (outcome instanceof dev.ankiconnect.user.Authenticator.Accepted accepted) {
            caller.user(accepted.user());
            if (keyed && !exempt) {
                throttle.succeeded(client);
            }
            return true;
        }
        if (keyed) {
            throttle.failed(client);
        }
        request.setAttribute(OUTCOME, "refused");
        Replies.json(response, allowOrigin, Reply.error(ApiErrors.INVALID_API_KEY), refusedStatus);
        return false;
    }

    /** What the key check of an endpoint other than the JSON one is asked for (any name but requestPermission). */
    private static final String ENDPOINT = "endpoint";

    /**
     * True for a request that a servlet other than the JSON endpoint serves: the package endpoints, and any endpoint
     * added later (the JSON endpoint is the default servlet; every other one has a mapping of its own).
     */
    static boolean otherEndpoint(HttpServletRequest request) {
        if (PACKAGES_PATH.equals(request.getServletPath())) {
            return true;
        }
        if (HEALTH_PATH.equals(request.getServletPath()) || STUDY_PATH.equals(request.getServletPath())) {
            // HealthServlet: what is not a health check there is an AnkiConnect request, checked here as on any path
            return false;
        }
        jakarta.servlet.http.HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null
                && mapping.getMappingMatch() != null
                && mapping.getMappingMatch() != jakarta.servlet.http.MappingMatch.DEFAULT
                && mapping.getMappingMatch() != jakarta.servlet.http.MappingMatch.CONTEXT_ROOT;
    }

    /**
     * True when the Origin is this server's own origin as the request reached it: its scheme (a trusted proxy's
     * X-Forwarded-Proto, as the access log takes it) and its host and port (a trusted proxy's X-Forwarded-Host, else
     * the Host header). That is a page this server served, the study UI. A host name is believed only when a key
     * is needed anyway ({@link dev.ankiconnect.user.Authenticator#keyed}): without a key, a page of any site whose
     * name is made to resolve to this server (DNS rebinding) would have its own origin too. An IP address or
     * {@code localhost} cannot be rebound so.
     */
    boolean sameOrigin(HttpServletRequest request, String origin, String scheme) {
        if (origin == null || origin.isEmpty()) {
            return false;
        }
        String host = null;
        if (operations.proxies().trusts(request.getRemoteAddr())) {
            host = request.getHeader("X-Forwarded-Host");
            if (host != null && host.indexOf(',') >= 0) {
                // several proxies: the first one the client reached
                host = host.substring(0, host.indexOf(','));
            }
        }
        if (host == null) {
            host = request.getHeader("Host");
        }
        if (host == null || scheme == null) {
            return false;
        }
        return SameOrigin.own(origin, scheme, host, authenticator.keyed());
    }

    /** The header that carries the API key to an endpoint other than the JSON one. */
    public static final String KEY_HEADER = "X-AnkiConnect-Key";

    /**
     * The key of a request to an endpoint other than the JSON one, as the JSON endpoint sees a key: the
     * {@value #KEY_HEADER} header, else the {@code key} parameter of the query string; absent when neither is there.
     */
    public static jakarta.json.JsonValue endpointKey(HttpServletRequest request) {
        String k = request.getHeader(KEY_HEADER);
        if (k == null) {
            k = queryParameter(request, "key");
        }
        return k == null ? null : Json.PROVIDER.createValue(k);
    }

    /**
     * A parameter of the URL's query string, or null. Never the servlet's parameter map: for a POST with curl's
     * default {@code application/x-www-form-urlencoded} the container would read the body, an upload, as a form.
     */
    public static String queryParameter(HttpServletRequest request, String name) {
        String raw = request.getQueryString();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(
                    eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0
                        ? ""
                        : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void forward(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Envelope envelope,
            String origin,
            boolean allowed,
            String allowOrigin)
            throws IOException, ServletException {
        if (ApiKeyCheck.REQUEST_PERMISSION.equals(envelope.action())) {
            // The HTTP layer, not the client, says who is asking.
            envelope = envelope.withParams(Json.PROVIDER
                    .createObjectBuilder(envelope.params())
                    .add("origin", origin == null ? "" : origin)
                    .add("allowed", allowed)
                    .build());
        }
        request.setAttribute(ENVELOPE, envelope);
        request.setAttribute(ORIGIN, allowOrigin);
        chain.doFilter(request, response);
    }

    /**
     * Reads the body without holding this thread ({@link BodyReader}), after taking its declared length (or a
     * first KiB) from the server-wide body budget; past the budget the answer is "server busy" at once. The
     * request comes back to this filter as an ASYNC dispatch when the body is complete.
     */
    private void readAsync(
            HttpServletRequest request,
            HttpServletResponse response,
            long declared,
            long limit,
            CorsPolicy.Decision decision)
            throws IOException {
        BodyBudget.Claim claim = budget().claim();
        if (!claim.take(declared > 0 ? declared : 1024)) {
            claim.close();
            request.setAttribute(OUTCOME, "busy");
            busy(response, decision);
            return;
        }
        request.setAttribute(CLAIM, claim);
        // the thread that began the request (Weld Servlet's request listener ran here): see bindRequestScope
        request.setAttribute(READING, Thread.currentThread());
        jakarta.servlet.AsyncContext async = request.startAsync(request, response);
        // the body must arrive within the request's time budget; a slow sender is then answered and let go
        long timeoutMs = settings.config().longValue(ConfigKey.REQUEST_TIMEOUT_MS);
        async.setTimeout(timeoutMs);
        async.addListener(new jakarta.servlet.AsyncListener() {
            @Override
            public void onComplete(jakarta.servlet.AsyncEvent event) {
                claim.close();
            }

            @Override
            public void onTimeout(jakarta.servlet.AsyncEvent event) {
                stop(event);
            }

            @Override
            public void onError(jakarta.servlet.AsyncEvent event) {
                // the body did not come in time (the container may report it as a read error), or the client
                // went away (then nobody reads this answer)
                stop(event);
            }

            private void stop(jakarta.servlet.AsyncEvent event) {
                claim.close();
                request.setAttribute(OUTCOME, "timeout");
                try {
                    HttpServletResponse r =
                            (HttpServletResponse) event.getAsyncContext().getResponse();
                    if (!r.isCommitted()) {
                        r.setHeader("Connection", "close");
                        if (decision.allowed()) {
                            Replies.json(r, decision.allowOrigin(), Reply.error(ApiErrors.bodyTimeout(timeoutMs)));
                        } else {
                            Replies.forbidden(r, decision.allowOrigin());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the client is gone
                }
                try {
                    event.getAsyncContext().complete();
                } catch (IllegalStateException e) {
                    // already completing
                }
            }

            @Override
            public void onStartAsync(jakarta.servlet.AsyncEvent event) {}
        });
        BodyReader.start(async, declared, limit, claim);
    }

    /** Reads the body on this thread ({@link BodyReader#readBlocking}), its bytes taken from the body budget. */
    private BodyReader.Outcome readBlocking(HttpServletRequest request, long declared, long limit) throws IOException {
        BodyBudget.Claim claim = budget().claim();
        request.setAttribute(CLAIM, claim);
        if (!claim.take(declared > 0 ? declared : 1024)) {
            return new BodyReader.Busy();
        }
        return BodyReader.readBlocking(request.getInputStream(), declared, limit, claim);
    }

    private void busy(HttpServletResponse response, CorsPolicy.Decision decision) throws IOException {
        response.setHeader("Connection", "close");
        if (decision.allowed()) {
            Replies.json(response, decision.allowOrigin(), Reply.error(ApiErrors.BODIES_BUSY));
        } else {
            Replies.forbidden(response, decision.allowOrigin());
        }
    }

    private BodyBudget budget() {
        BodyBudget b = bodyBudget;
        if (b == null) {
            synchronized (this) {
                b = bodyBudget;
                if (b == null) {
                    b = BodyBudget.of(settings.config().integer(ConfigKey.MAX_BODY_MB_IN_FLIGHT));
                    bodyBudget = b;
                }
            }
        }
        return b;
    }

    private static void preflight(
            HttpServletRequest request, HttpServletResponse response, CorsPolicy.Decision decision) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(Replies.ALLOW_ORIGIN, decision.allowOrigin());
        response.setHeader(Replies.ALLOW_HEADERS, "*");
        response.setContentLength(0);
        if ("true".equals(request.getHeader("Access-Control-Request-Private-Network"))) {
            response.setHeader("Access-Control-Allow-Private-Network", "true");
        }
    }

    private RequestParser parser() {
        RequestParser p = parser;
        if (p == null) {
            p = new RequestParser(Json.PROVIDER, settings.config().integer(ConfigKey.JSON_MAX_DEPTH));
            parser = p;
        }
        return p;
    }

    private CorsPolicy cors() {
        CorsPolicy c = cors;
        if (c == null) {
            c = new CorsPolicy(
                    settings.config().list(ConfigKey.WEB_CORS_ORIGIN_LIST),
                    settings.config().string(ConfigKey.WEB_CORS_ORIGIN));
            cors = c;
        }
        return c;
    }
}
